import { FilePdfOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Popconfirm, Skeleton, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import {
  issueMinutesEndpoint,
  type Minutes,
  minutesEndpoint,
  minutesPdfEndpoint,
  saveMinutesEndpoint,
} from '../../../../../../contract/decisions.ts';
import { mayCall } from '../../../../../../contract/endpoint.ts';
import { meetingEndpoint } from '../../../../../../contract/meetings.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useAction } from '../../../components/use-action.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { call, urlOf } from '../../../lib/api.ts';
import { parseList, splitHeldAt } from '../../../lib/committee.ts';
import { formatDate, hallToday } from '../../../lib/format.ts';
import { useEndpoint } from '../../../lib/use-api.ts';
import type { ConsoleSectionProps } from '../section-props.ts';

// The minutes (会议纪要) [M6]: drafted by the server from the meeting's record until the office saves
// its own text; the distribution list (分送); issued with a date, which gives them the next number of
// the year (〔2022〕1号) and fixes them; and the printable PDF with the number and the list.

interface Values {
  title: string;
  body: string;
  distribution: string;
}

export function MeetingMinutes({ congressId, roles }: ConsoleSectionProps) {
  const { t, lang } = useI18n();
  const action = useAction();
  const minutes = useEndpoint(minutesEndpoint, { params: { congressId } });
  const meeting = useEndpoint(meetingEndpoint, { params: { congressId } });
  const [form] = Form.useForm<Values>();
  // The date of issue offered: today, or the meeting's date if it is still to come.
  const [chosenDate, setIssuedOn] = useState<string>();
  const held = splitHeldAt(meeting.data?.heldAt).date;
  const today = hallToday(new Date());
  const issuedOn = chosenDate ?? (held && held > today ? held : today);
  const data = minutes.data;
  const canEdit = mayCall(saveMinutesEndpoint, roles) && data?.status === 'draft';
  const saved = data !== undefined && data.id !== '';

  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({ title: data.title, body: data.body, distribution: data.distribution.join('\n') });
  }, [data, form]);

  const save = async (values: Values) => {
    await action.run(
      'save',
      async () => {
        minutes.set(
          await call(saveMinutesEndpoint, {
            params: { congressId },
            body: {
              title: values.title.trim(),
              body: values.body.trim(),
              distribution: parseList(values.distribution),
            },
          }),
        );
      },
      { done: t('cm.mn.saved') },
    );
  };
  const issue = () =>
    action.run(
      'issue',
      async () => {
        const next: Minutes = await call(issueMinutesEndpoint, {
          params: { congressId },
          body: { issuedOn },
        });
        minutes.set(next);
      },
      { done: t('cm.mn.issued') },
    );

  return (
    <div className="console-page" data-testid="meeting-minutes">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.minutes')}</h1>
        <Button
          icon={<FilePdfOutlined />}
          href={urlOf(minutesPdfEndpoint, { params: { congressId } })}
          target="_blank"
          rel="noopener"
          data-testid="minutes-pdf"
        >
          {t('cm.mn.pdf')}
        </Button>
      </div>
      <ErrorAlert error={minutes.error} onRetry={() => void minutes.reload()} />
      {!data ? (
        <Skeleton active />
      ) : (
        <>
          <Card className="console-card" size="small" data-testid="minutes-status" data-status={data.status}>
            <Space wrap>
              {data.status === 'issued' ? (
                <>
                  <Tag color="green">{t('cm.mn.status.issued')}</Tag>
                  <strong data-testid="minutes-number">{data.documentNumber}</strong>
                  <span className="muted">
                    {t('cm.mn.issuedOn', { date: formatDate(data.issuedOn, lang) })}
                  </span>
                </>
              ) : (
                <>
                  <Tag color="gold">{saved ? t('cm.mn.status.draft') : t('cm.mn.status.generated')}</Tag>
                  <span className="muted">{saved ? t('cm.mn.draftSaved') : t('cm.mn.draftFromRecord')}</span>
                </>
              )}
            </Space>
          </Card>
          {data.status === 'issued' && (
            <Alert type="info" showIcon title={t('cm.mn.fixed')} className="cm-gap" />
          )}
          {data.status === 'issued' && (
            <Card className="console-card" size="small" data-testid="minutes-document">
              <article className="cm-minutes-doc">
                <h2>{data.title}</h2>
                <div className="cm-minutes-number muted">{data.documentNumber}</div>
                <div className="cm-minutes-text">{data.body}</div>
                {data.distribution.length > 0 && (
                  <div className="cm-minutes-footer">
                    {t('cm.mn.distributedTo', { list: data.distribution.join('，') })}
                  </div>
                )}
              </article>
            </Card>
          )}
          <Card className="console-card" size="small" hidden={data.status === 'issued'}>
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              disabled={!canEdit}
              onFinish={(v) => void save(v)}
            >
              <Form.Item
                name="title"
                label={t('cm.mn.title')}
                rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
              >
                <Input maxLength={200} data-testid="minutes-title" />
              </Form.Item>
              <Form.Item
                name="body"
                label={t('cm.mn.body')}
                rules={[{ required: true, whitespace: true, message: t('cm.required') }]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 12, maxRows: 40 }}
                  className="cm-minutes-body"
                  data-testid="minutes-body"
                />
              </Form.Item>
              <Form.Item
                name="distribution"
                label={t('cm.mn.distribution')}
                extra={t('cm.mn.distributionHint')}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="minutes-distribution" />
              </Form.Item>
              {canEdit && (
                <Space wrap>
                  <Button
                    type="primary"
                    htmlType="submit"
                    icon={<SaveOutlined />}
                    loading={action.busy === 'save'}
                    data-testid="minutes-save"
                  >
                    {t('cm.mn.save')}
                  </Button>
                </Space>
              )}
            </Form>
          </Card>
          {canEdit && (
            <Card className="console-card" size="small" title={t('cm.mn.issueTitle')}>
              <Space wrap align="center">
                <span className="field-label">{t('cm.mn.issueDate')}</span>
                <Input
                  type="date"
                  value={issuedOn}
                  onChange={(e) => setIssuedOn(e.target.value)}
                  style={{ width: 180 }}
                  data-testid="minutes-issue-date"
                />
                <Popconfirm
                  title={t('cm.mn.issueConfirm')}
                  okText={t('cm.mn.issue')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void issue()}
                  disabled={!saved || !issuedOn}
                >
                  <Button
                    icon={<SendOutlined />}
                    disabled={!saved || !issuedOn}
                    loading={action.busy === 'issue'}
                    data-testid="minutes-issue"
                  >
                    {t('cm.mn.issue')}
                  </Button>
                </Popconfirm>
                {!saved && <span className="muted small">{t('cm.mn.saveFirst')}</span>}
              </Space>
            </Card>
          )}
        </>
      )}
    </div>
  );
}
