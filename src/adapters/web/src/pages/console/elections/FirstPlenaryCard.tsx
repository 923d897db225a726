import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import type { CongressView } from '../../../../../../contract/congress.ts';
import {
  type BallotMode,
  disciplineFirstPlenaryEndpoint,
  type ElectionSummary,
  prepareFirstPlenaryEndpoint,
} from '../../../../../../contract/elections.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { splitNames } from '../../../lib/name-list.ts';
import { useRouter } from '../../../lib/router.tsx';
import { pathFor } from '../../../lib/routes.ts';

// The step from the congress to the new committee's first plenary session (一次全会) [P5]: once
// the congress has elected the committee, the secretariat prepares the plenary — its electorate
// the new members, its elections the standing committee, the secretary and the deputies — and
// works on from the plenary's own console. At the plenary, the secretariat records the result of
// the discipline commission's first plenary, which the plenary adopts.

interface Props {
  readonly congress: CongressView;
  readonly elections: readonly ElectionSummary[];
  readonly onChanged: () => void;
}

export function FirstPlenaryCard({ congress, elections, onChanged }: Props) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const action = useAction();
  const [form] = Form.useForm();
  const committeeElected = elections.some((e) => e.office === 'committee-member' && e.status === 'complete');
  const plenaryId = congress.firstPlenaryId;
  const goTo = (id: string) => navigate(pathFor('consoleSection', { congressId: id, section: 'elections' }));

  if (congress.kind === 'plenary')
    return <DisciplineResultCard congressId={congress.id} onChanged={onChanged} />;
  if (plenaryId) {
    return (
      <Card size="small" className="first-plenary-card" data-testid="first-plenary-card">
        <Space wrap>
          <span>{t('fp.prepared')}</span>
          <Button type="primary" icon={<ArrowRightOutlined />} onClick={() => goTo(plenaryId)}>
            {t('fp.open')}
          </Button>
        </Space>
      </Card>
    );
  }
  if (!committeeElected) return null;
  const prepare = async (values: {
    // antd's DatePicker gives a dayjs value; only its format() is needed here.
    startsOn: { format(pattern: string): string };
    venue: string;
    standingCommitteeSeats: number;
    deputySecretarySeats: number;
    ballotMode: BallotMode;
  }) => {
    let prepared: string | undefined;
    const ok = await action.run(
      'prepare',
      async () => {
        const result = await call(prepareFirstPlenaryEndpoint, {
          params: { congressId: congress.id },
          body: {
            startsOn: values.startsOn.format('YYYY-MM-DD'),
            venue: values.venue.trim(),
            standingCommitteeSeats: values.standingCommitteeSeats,
            deputySecretarySeats: values.deputySecretarySeats,
            ballotMode: values.ballotMode,
          },
        });
        prepared = result.plenaryId;
      },
      { done: t('fp.preparedDone'), inline: true },
    );
    if (ok && prepared) {
      onChanged();
      goTo(prepared);
    }
  };
  return (
    <Card size="small" title={t('fp.title')} className="first-plenary-card" data-testid="first-plenary-card">
      <p className="muted">{t('fp.intro')}</p>
      <Form
        form={form}
        layout="inline"
        initialValues={{ ballotMode: 'paper' }}
        onFinish={(values) => void prepare(values)}
      >
        {/* Nothing is assumed: the day, the place and the seats are the plenary's own [P5]. */}
        <Form.Item
          name="startsOn"
          label={t('fp.date')}
          rules={[{ required: true, message: t('fp.dateRequired') }]}
        >
          <DatePicker data-testid="first-plenary-date" />
        </Form.Item>
        <Form.Item
          name="venue"
          label={t('fp.venue')}
          rules={[{ required: true, whitespace: true, message: t('fp.venueRequired') }]}
        >
          <Input maxLength={200} style={{ width: 280 }} data-testid="first-plenary-venue" />
        </Form.Item>
        <Form.Item
          name="standingCommitteeSeats"
          label={t('fp.standingSeats')}
          rules={[{ required: true, message: t('fp.seatsRequired') }]}
        >
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item
          name="deputySecretarySeats"
          label={t('fp.deputySeats')}
          rules={[{ required: true, message: t('fp.seatsRequired') }]}
        >
          <InputNumber min={0} max={10} />
        </Form.Item>
        <Form.Item name="ballotMode" label={t('fp.ballotMode')}>
          <Radio.Group>
            <Radio value="paper">{t('fp.paper')}</Radio>
            <Radio value="electronic">{t('fp.electronic')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={action.busy === 'prepare'}
            data-testid="first-plenary-prepare"
          >
            {t('fp.prepare')}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={action.error} />
    </Card>
  );
}

/** At the plenary: the discipline commission's first-plenary result, adopted by the plenary [P5]. */
function DisciplineResultCard({ congressId, onChanged }: { congressId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const record = async (values: { standing: string; secretary: string; deputies?: string }) => {
    const ok = await action.run(
      'discipline',
      () =>
        call(disciplineFirstPlenaryEndpoint, {
          params: { congressId },
          body: {
            standingMembers: splitNames(values.standing),
            secretary: values.secretary.trim(),
            deputies: splitNames(values.deputies ?? ''),
          },
        }),
      { done: t('fp.disciplineDone'), inline: true },
    );
    if (ok) onChanged();
  };
  return (
    <Card
      size="small"
      title={t('fp.disciplineTitle')}
      className="first-plenary-card"
      data-testid="discipline-card"
    >
      <p className="muted">{t('fp.disciplineIntro')}</p>
      <Form layout="vertical" onFinish={(values) => void record(values)}>
        <Form.Item name="standing" label={t('fp.disciplineStanding')} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('fp.namesHint')} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="secretary" label={t('fp.disciplineSecretary')} rules={[{ required: true }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="deputies" label={t('fp.disciplineDeputies')}>
            <Input placeholder={t('fp.namesHint')} style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={action.busy === 'discipline'}>
          {t('fp.disciplineRecord')}
        </Button>
      </Form>
      <ErrorAlert error={action.error} />
    </Card>
  );
}
