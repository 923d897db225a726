import { Button, Card, InputNumber, Radio, Select, Space } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import type { useTellerSetup } from './use-teller-setup.ts';

/** The election, round, pass and batch to key, then 开始录入. */
export function TellerSetup({ setup }: { readonly setup: ReturnType<typeof useTellerSetup> }) {
  const { t } = useI18n();
  return (
    <Card title={t('teller.setup')} style={{ maxWidth: 640 }}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <div data-testid="teller-election">
          <div>{t('ballot.election')}</div>
          <Select
            style={{ width: '100%' }}
            placeholder={t('ballot.pickElection')}
            value={setup.electionId}
            loading={setup.elections.loading}
            options={setup.paperElections.map((e) => ({ value: e.id, label: e.title }))}
            onChange={setup.chooseElection}
            notFoundContent={t('teller.noPaper')}
          />
        </div>
        <div data-testid="teller-round">
          <div>{t('ballot.round')}</div>
          <Select
            style={{ width: '100%' }}
            placeholder={t('ballot.pickRound')}
            value={setup.roundId}
            options={setup.rounds.map((r) => ({
              value: r.id,
              label: `${t('ballot.roundN', { n: r.seq })} · ${t(`round.kind.${r.kind}`)} · ${t(`ballot.status.${r.status}`)}`,
            }))}
            onChange={setup.setRoundId}
            notFoundContent={t('teller.noRound')}
          />
        </div>
        <Space size="large" wrap>
          <span>
            {t('teller.pass')}{' '}
            <Radio.Group
              value={setup.pass}
              onChange={(e) => setup.setPass(e.target.value)}
              optionType="button"
            >
              <Radio.Button value="A">{t('teller.passA')}</Radio.Button>
              <Radio.Button value="B">{t('teller.passB')}</Radio.Button>
            </Radio.Group>
          </span>
          <span data-testid="teller-batch">
            {t('teller.batch')}{' '}
            <InputNumber
              min={1}
              max={100000}
              value={setup.batchNo}
              onChange={(v) => setup.setBatchNo(v ?? 1)}
            />
          </span>
        </Space>
        <Button
          type="primary"
          size="large"
          disabled={!setup.roundId}
          onClick={() => setup.setStarted(true)}
          data-testid="teller-start"
        >
          {t('teller.start')}
        </Button>
      </Space>
    </Card>
  );
}
