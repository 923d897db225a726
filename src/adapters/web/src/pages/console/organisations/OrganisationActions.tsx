import { ApartmentOutlined, CalendarOutlined, FlagOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import {
  createCongressEndpoint,
  createOrganisationEndpoint,
  createTermEndpoint,
  ORGANISATION_LEVELS,
  type OrganisationLevel,
  type OrganisationView,
  type TermBody,
  type TermView,
} from '../../../../../../contract/congress.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call } from '../../../lib/api.ts';
import { orNull } from '../../../lib/format.ts';
import { useRouter } from '../../../lib/router.tsx';
import { pathFor } from '../../../lib/routes.ts';

// What the secretariat records about its organisation besides a congress's own business: a
// subordinate organisation (a county committee, a grassroots committee), a term (届) of the
// committee or the discipline commission, and the next congress, whose console it then opens.

export function OrganisationActions({
  organisation,
  terms,
  congressNumber,
  onChanged,
}: {
  readonly organisation: OrganisationView;
  readonly terms: readonly TermView[];
  /** The number of the congress whose console this is: the next congress is the one after it. */
  readonly congressNumber: number;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const action = useAction();
  const [open, setOpen] = useState<'organisation' | 'term' | 'congress' | null>(null);
  const nextTerm =
    Math.max(0, ...terms.filter((term) => term.body === 'committee').map((term) => term.number)) + 1;
  const nextCongress = Math.max(congressNumber, nextTerm - 1) + 1;

  const submit = async <T,>(key: string, request: () => Promise<T>, after?: (result: T) => void) => {
    let result: T | undefined;
    const ok = await action.run(
      key,
      async () => {
        result = await request();
      },
      { done: t('orgx.saved'), inline: true },
    );
    if (!ok) return;
    setOpen(null);
    onChanged();
    if (result !== undefined) after?.(result);
  };

  const dialog = (key: NonNullable<typeof open>, title: string, form: ReactNode) => (
    <Modal
      open={open === key}
      title={title}
      onCancel={() => setOpen(null)}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {form}
      <ErrorAlert error={action.error} />
    </Modal>
  );
  const submitButton = (key: string) => (
    <Button type="primary" htmlType="submit" loading={action.busy === key} data-testid={`orgx-${key}-save`}>
      {t('orgx.create')}
    </Button>
  );

  return (
    <Space wrap className="organisation-actions">
      <Button icon={<FlagOutlined />} onClick={() => setOpen('congress')} data-testid="orgx-congress">
        {t('orgx.congress')}
      </Button>
      <Button icon={<CalendarOutlined />} onClick={() => setOpen('term')} data-testid="orgx-term">
        {t('orgx.term')}
      </Button>
      <Button
        icon={<ApartmentOutlined />}
        onClick={() => setOpen('organisation')}
        data-testid="orgx-organisation"
      >
        {t('orgx.organisation')}
      </Button>

      {dialog(
        'congress',
        t('orgx.congressTitle', { name: organisation.name }),
        <Form
          layout="vertical"
          preserve={false}
          initialValues={{ number: nextCongress }}
          onFinish={(v: {
            number: number;
            title?: string;
            venue?: string;
            startsOn?: string;
            endsOn?: string;
          }) =>
            void submit(
              'congress',
              () =>
                call(createCongressEndpoint, {
                  body: {
                    kind: 'congress',
                    organisationId: organisation.id,
                    number: v.number,
                    ...(v.title?.trim() ? { title: v.title.trim() } : {}),
                    venue: orNull(v.venue),
                    startsOn: orNull(v.startsOn),
                    endsOn: orNull(v.endsOn),
                  },
                }),
              (created) => navigate(pathFor('consoleOverview', { congressId: created.id })),
            )
          }
        >
          <Form.Item name="number" label={t('orgx.congressNumber')} rules={[{ required: true }]}>
            <InputNumber min={1} max={999} data-testid="orgx-congress-number" />
          </Form.Item>
          <Form.Item name="title" label={t('orgx.congressName')} extra={t('orgx.congressNameHint')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="venue" label={t('ov.venue')}>
            <Input maxLength={200} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startsOn" label={t('cg.startsOn')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="endsOn" label={t('cg.endsOn')}>
              <Input type="date" />
            </Form.Item>
          </Space>
          {submitButton('congress')}
        </Form>,
      )}

      {dialog(
        'term',
        t('orgx.termTitle', { name: organisation.name }),
        <Form
          layout="vertical"
          preserve={false}
          initialValues={{ body: 'committee', number: nextTerm }}
          onFinish={(v: { body: TermBody; number: number; startedOn: string; endedOn?: string }) =>
            void submit('term', () =>
              call(createTermEndpoint, {
                params: { organisationId: organisation.id },
                body: {
                  body: v.body,
                  number: v.number,
                  startedOn: v.startedOn,
                  endedOn: orNull(v.endedOn),
                },
              }),
            )
          }
        >
          <Form.Item name="body" label={t('orgx.body')}>
            <Radio.Group>
              <Radio value="committee">{t('orgx.body.committee')}</Radio>
              <Radio value="discipline-commission">{t('orgx.body.discipline-commission')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="number" label={t('orgx.termNumber')} rules={[{ required: true }]}>
            <InputNumber min={1} max={999} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startedOn" label={t('orgx.startedOn')} rules={[{ required: true }]}>
              <Input type="date" data-testid="orgx-term-start" />
            </Form.Item>
            <Form.Item name="endedOn" label={t('orgx.endedOn')}>
              <Input type="date" />
            </Form.Item>
          </Space>
          {submitButton('term')}
        </Form>,
      )}

      {dialog(
        'organisation',
        t('orgx.organisationTitle', { name: organisation.name }),
        <Form
          layout="vertical"
          preserve={false}
          initialValues={{ level: organisation.level === 'city' ? 'county' : 'grassroots' }}
          onFinish={(v: { name: string; shortName: string; locality: string; level: OrganisationLevel }) =>
            void submit('organisation', () =>
              call(createOrganisationEndpoint, { body: { ...v, parentId: organisation.id } }),
            )
          }
        >
          <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} placeholder={t('orgx.nameExample')} data-testid="orgx-organisation-name" />
          </Form.Item>
          <Space wrap>
            <Form.Item
              name="shortName"
              label={t('org.shortName')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={20} data-testid="orgx-organisation-short" />
            </Form.Item>
            <Form.Item
              name="locality"
              label={t('org.locality')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={50} data-testid="orgx-organisation-locality" />
            </Form.Item>
          </Space>
          <Form.Item name="level" label={t('org.level')}>
            <Select
              options={ORGANISATION_LEVELS.map((level) => ({ value: level, label: t(`org.level.${level}`) }))}
              style={{ width: 160 }}
            />
          </Form.Item>
          {submitButton('organisation')}
        </Form>,
      )}
    </Space>
  );
}
