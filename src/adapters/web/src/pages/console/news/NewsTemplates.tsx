import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Collapse,
  Input,
  Popconfirm,
  Skeleton,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import {
  NEWS_KINDS,
  NEWS_LANGS,
  type NewsTemplate,
  newsTemplatesEndpoint,
  resetNewsTemplateEndpoint,
  saveNewsTemplateEndpoint,
} from '../../../../../../contract/news.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type ApiError, asApiError, call } from '../../../lib/api.ts';
import { formatHallDateTime } from '../../../lib/format.ts';
import { useEndpoint } from '../../../lib/use-api.ts';

// The templates the drafts are written from: data the secretariat edits, one per kind and
// language, checked by the server when saved (its tags and placeholders). They serve every
// congress, so reading and changing them needs the administrator of every congress; anyone else
// is told so instead of shown an error.

export function NewsTemplates() {
  const { t } = useI18n();
  const templates = useEndpoint(newsTemplatesEndpoint, {});

  if (templates.error?.status === 403) {
    return <Alert type="info" showIcon title={t('news.templatesForbidden')} />;
  }
  return (
    <Card className="console-card" size="small" title={t('news.templates')} data-testid="news-templates">
      <p className="muted">{t('news.templatesIntro')}</p>
      <ErrorAlert error={templates.error} onRetry={() => void templates.reload()} />
      {!templates.data ? (
        <Skeleton active />
      ) : (
        <Tabs
          items={NEWS_KINDS.map((kind) => ({
            key: kind,
            label: t(`news.kind.${kind}`),
            children: (
              <div className="news-template-pair">
                {NEWS_LANGS.map((lang) => {
                  const template = templates.data!.find((x) => x.kind === kind && x.lang === lang);
                  return template ? (
                    // Keyed by its version: a saved or reset template starts the editor afresh.
                    <TemplateEditor
                      key={`${kind}-${lang}-${template.updatedAt ?? 'default'}`}
                      template={template}
                      onSaved={() => void templates.reload()}
                    />
                  ) : null;
                })}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

function TemplateEditor({
  template,
  onSaved,
}: {
  readonly template: NewsTemplate;
  readonly onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const [title, setTitle] = useState(template.title);
  const [body, setBody] = useState(template.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const params = { kind: template.kind, lang: template.lang };
  const changed = title !== template.title || body !== template.body;

  const run = async (request: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await request();
      void message.success(done);
      onSaved();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="news-template" data-testid={`news-template-${template.kind}-${template.lang}`}>
      <div className="news-template-head">
        <strong>{template.lang === 'zh' ? t('news.chinese') : t('news.english')}</strong>
        {template.isDefault ? (
          <Tag>{t('news.templateDefault')}</Tag>
        ) : (
          <Tag color="gold">
            {t('news.templateChanged', { time: formatHallDateTime(template.updatedAt, lang) })}
          </Tag>
        )}
      </div>
      {/* The server names the field (title or body) and the line and column of the problem. */}
      {error?.field !== 'title' && error?.field !== 'body' && <ErrorAlert error={error} />}
      <div className="field-label">{t('news.templateTitle')}</div>
      <Input
        className="mono-input"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        spellCheck={false}
        data-testid="template-title"
      />
      {error?.field === 'title' && <ErrorAlert error={error} />}
      <div className="field-label news-template-body-label">{t('news.templateBody')}</div>
      <Input.TextArea
        className="mono-input"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        autoSize={{ minRows: 8, maxRows: 24 }}
        spellCheck={false}
      />
      {error?.field === 'body' && <ErrorAlert error={error} />}
      <div className="news-template-actions">
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!changed}
          loading={busy}
          onClick={() =>
            void run(
              () => call(saveNewsTemplateEndpoint, { params, body: { title, body } }),
              t('news.templateSaved'),
            )
          }
          data-testid="template-save"
        >
          {t('news.save')}
        </Button>
        {!template.isDefault && (
          <Popconfirm
            title={t('news.templateResetConfirm')}
            okText={t('news.templateReset')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              void run(() => call(resetNewsTemplateEndpoint, { params }), t('news.templateResetDone'))
            }
            okButtonProps={{ 'data-testid': 'template-reset-ok' }}
          >
            <Button icon={<UndoOutlined />} disabled={busy} data-testid="template-reset">
              {t('news.templateReset')}
            </Button>
          </Popconfirm>
        )}
      </div>
      <Collapse
        size="small"
        className="news-placeholders"
        items={[
          {
            key: 'placeholders',
            label: t('news.placeholders', { n: template.placeholders.length }),
            children: (
              <>
                <p className="muted small">{t('news.syntax')}</p>
                <Table
                  size="small"
                  rowKey="path"
                  pagination={false}
                  dataSource={[...template.placeholders]}
                  columns={[
                    {
                      title: t('news.placeholder'),
                      dataIndex: 'path',
                      render: (path: string) => <code>{`{{${path}}}`}</code>,
                    },
                    {
                      title: t('news.placeholderMeaning'),
                      key: 'meaning',
                      render: (_, p) => (lang === 'zh' ? p.zh : p.en),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
