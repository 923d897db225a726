import { Alert, Button, Input, Modal, Radio, Space, Tag } from 'antd';
import { MarkWord } from '../../components/MarkWord.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fromTyped, markText, resolvingOvervote, typedSheet } from './scrutineer-logic.ts';
import type { useResolution } from './use-resolution.ts';

const MARKS = ['F', 'A', '-', '?'] as const;

/**
 * What the paper says, for one disputed sheet: each differing column chosen, or one pass taken
 * whole, or the whole sheet typed; the names written in and the void reason [P2].
 */
export function ResolveDialog({
  resolution,
  candidates,
  seats,
  busy,
}: {
  readonly resolution: ReturnType<typeof useResolution>;
  readonly candidates: readonly string[];
  /** The round's seats: a reading marking more names for is an invalid sheet [B3]. */
  readonly seats: number | null;
  readonly busy: boolean;
}) {
  const { t } = useI18n();
  const { resolving } = resolution;
  const over = resolving ? resolvingOvervote(resolving, seats) : null;
  return (
    <Modal
      open={resolving !== null}
      title={resolving ? t('scr.resolveTitle', { batch: resolving.batchNo, sheet: resolving.sheetNo }) : ''}
      onOk={() => void resolution.record()}
      okButtonProps={{ loading: busy, 'data-testid': 'scr-resolve-ok' }}
      onCancel={resolution.close}
      okText={t('scr.record')}
      cancelText={t('common.cancel')}
      width={720}
      destroyOnHidden
    >
      {resolving && (
        <Space orientation="vertical" className="scr-resolve-form" size="middle">
          <div className="scr-resolve-help">{t('scr.paperSays')}</div>
          {resolving.differing.map((c) => (
            <div key={c.column} className="scr-column" data-testid="scr-column" data-column={c.column}>
              <div className="scr-column-name">
                {c.column + 1}. {c.candidate}
              </div>
              <div className="scr-column-passes">
                {t('scr.passA')}：<MarkWord mark={resolving.a.marks[c.column]} />　{t('scr.passB')}：
                <MarkWord mark={resolving.b.marks[c.column]} />
              </div>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                value={resolving.marks[c.column]}
                onChange={(e) => resolution.mark(c.column, e.target.value)}
                options={MARKS.map((mark) => ({ value: mark, label: <MarkWord mark={mark} /> }))}
              />
            </div>
          ))}
          <Space wrap>
            <Button onClick={() => resolution.take(resolving.a)} data-testid="scr-take-a">
              {t('scr.takeA')}
            </Button>
            <Button onClick={() => resolution.take(resolving.b)} data-testid="scr-take-b">
              {t('scr.takeB')}
            </Button>
          </Space>
          <div>
            <div className="field-label">{t('scr.wholeSheet')}</div>
            <Input
              value={typedSheet(resolving)}
              className="scr-marks-input"
              maxLength={candidates.length}
              onChange={(e) => resolution.change({ marks: fromTyped(e.target.value) })}
              data-testid="scr-marks"
            />
            <div className="scr-marks-help">{t('scr.keysHelp')}</div>
          </div>
          {over && (
            <Alert
              type="warning"
              showIcon
              data-testid="scr-overvote"
              title={t('ballot.overvote', { marked: over.marked, seats: over.seats })}
            />
          )}
          <div className="scr-resolve-cells">
            {candidates.map((name, i) => (
              <Tag key={name} color={resolving.a.marks[i] !== resolving.b.marks[i] ? 'red' : undefined}>
                {i + 1}.{name} {markText(resolving.marks[i], '·')}
              </Tag>
            ))}
          </div>
          <LabelledInput
            id="scr-write-ins"
            label={t('ballot.writeIn')}
            placeholder={t('scr.writeIns')}
            value={resolving.writeIns}
            onChange={(writeIns) => resolution.change({ writeIns })}
          />
          <LabelledInput
            id="scr-void-reason"
            label={t('teller.void')}
            placeholder={t('teller.voidReason')}
            value={resolving.voidReason}
            onChange={(voidReason) => resolution.change({ voidReason })}
          />
        </Space>
      )}
    </Modal>
  );
}

function LabelledInput({
  id,
  label,
  placeholder,
  value,
  onChange,
}: {
  readonly id: string;
  readonly label: string;
  readonly placeholder: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <div className="scr-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <Input id={id} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
