import { Alert, Button, Card, Col, Empty, InputNumber, Row, Space, Tag } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { applyKey, emptySheet, sheetBody } from '../../lib/ballot-entry.ts';
import type { RoundProgress } from '../../lib/round-live.ts';
import { BallotGrid } from './BallotGrid.tsx';
import { EntryDialog } from './EntryDialog.tsx';
import { LastSheet } from './LastSheet.tsx';
import { RunningTotals } from './RunningTotals.tsx';
import { SheetTally } from './SheetTally.tsx';
import { TellerKeys } from './TellerKeys.tsx';
import { type Pass, sheetOvervote } from './teller-logic.ts';
import { useEntryDesk } from './use-entry-desk.ts';

/** Keying one batch in one pass: the sheet, its buttons, the last sheet keyed, and the running totals. */
export function EntryDesk({
  congressId,
  roundId,
  pass,
  batchNo,
  title,
  seats,
  live,
  onBack,
  notify,
}: {
  readonly congressId: string;
  readonly roundId: string;
  readonly pass: Pass;
  readonly batchNo: number;
  readonly title: string;
  /** The round's seats [B3]; null until known. */
  readonly seats: number | null;
  readonly live: RoundProgress | undefined;
  readonly onBack: () => void;
  readonly notify: (text: string) => void;
}) {
  const { t, tx } = useI18n();
  const desk = useEntryDesk(congressId, roundId, pass, batchNo, seats, live, notify);
  const { sheet, refused } = desk;
  const over = sheetOvervote(sheet, seats);

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Card
          className="teller-sheet"
          title={
            <Space wrap>
              <span>{title}</span>
              <Tag color="red" data-testid="teller-pass">
                {pass === 'A' ? t('teller.passA') : t('teller.passB')}
              </Tag>
              <Tag>{t('teller.batchN', { n: batchNo })}</Tag>
              <span className="teller-sheet-no" data-testid="teller-sheet-no">
                {t('teller.sheetNo')}{' '}
                <InputNumber
                  size="small"
                  min={1}
                  value={desk.sheetNo}
                  onChange={(v) => desk.setSheetNo(v ?? 1)}
                />
              </span>
            </Space>
          }
          extra={<Button onClick={onBack}>{t('teller.change')}</Button>}
        >
          <ErrorAlert error={desk.mine.error} onRetry={() => void desk.mine.reload()} />
          {refused && (
            <Alert
              type="error"
              showIcon
              className="teller-refused"
              data-testid="teller-refused"
              title={t('teller.refused', { n: refused.sheetNo })}
              description={`${tx(refused.error)}${refused.error.rule ? ` [${refused.error.rule}]` : ''}`}
              action={
                <Button size="small" danger onClick={desk.restore}>
                  {t('teller.restore', { n: refused.sheetNo })}
                </Button>
              }
            />
          )}
          <TellerKeys />
          {desk.candidates.length === 0 ? (
            <Empty />
          ) : (
            <BallotGrid
              grid={desk.grid}
              candidates={desk.candidates}
              sheet={sheet}
              columns={desk.columns}
              onKeyDown={desk.onKeyDown}
              onCell={desk.moveTo}
            />
          )}
          <SheetTally sheet={sheet} onChange={desk.setSheet} />
          {over && (
            <Alert
              type="warning"
              showIcon
              className="teller-overvote"
              data-testid="teller-overvote"
              title={t('ballot.overvote', { marked: over.marked, seats: over.seats })}
            />
          )}
          {desk.incomplete && (
            <div className="teller-incomplete" data-testid="teller-incomplete">
              {t('teller.incomplete')}
            </div>
          )}
          <Space className="teller-buttons" wrap>
            <Button
              type="primary"
              loading={desk.saving}
              disabled={sheetBody(sheet) === null}
              onClick={() => void desk.commit(sheet)}
              data-testid="teller-commit"
            >
              {t('teller.commit')}
            </Button>
            <Button onClick={() => desk.setSheet((s) => applyKey(s, 'F').state)}>{t('teller.fill')}</Button>
            <Button onClick={() => desk.openDialog('write-in')}>{t('teller.addWriteIn')}</Button>
            <Button danger onClick={() => desk.openDialog('void')}>
              {t('teller.voidSheet')}
            </Button>
            <Button onClick={() => desk.setSheet(emptySheet(desk.candidates.length))}>
              {t('teller.clear')}
            </Button>
          </Space>
        </Card>
        <LastSheet last={desk.last} candidates={desk.candidates} />
      </Col>
      <Col xs={24} xl={8}>
        <RunningTotals
          totals={desk.totals.data}
          error={desk.totals.error}
          onRefresh={() => void desk.totals.reload()}
        />
      </Col>
      <EntryDialog
        dialog={desk.dialog}
        text={desk.text}
        onText={desk.setText}
        onOk={desk.closeDialog}
        onCancel={desk.cancelDialog}
      />
    </Row>
  );
}
