import { EditOutlined, EyeOutlined, FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Spin, Tabs } from 'antd';
import { useState } from 'react';
import {
  generateNewsEndpoint,
  type NewsItem,
  type NewsKind,
  type NewsPreview,
  previewNewsEndpoint,
} from '../../../../../../contract/news.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { type ApiError, asApiError, call } from '../../../lib/api.ts';
import { NewsText } from './NewsText.tsx';

// Drafting from the congress record: for each kind of announcement the congress can have, a
// preview of the text the templates give now (nothing stored) and a button that stores it as a
// draft; or a blank item written by hand. A kind the record cannot give yet (no first plenary…)
// answers with the reason, shown in the preview.

export function NewsDrafting({
  congressId,
  kinds,
  onDrafted,
  onWrite,
}: {
  readonly congressId: string;
  readonly kinds: readonly NewsKind[];
  readonly onDrafted: (item: NewsItem) => void;
  readonly onWrite: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<NewsKind | null>(null);
  const [error, setError] = useState<ApiError>();
  const [previewKind, setPreviewKind] = useState<NewsKind | null>(null);
  const [preview, setPreview] = useState<NewsPreview>();
  const [previewError, setPreviewError] = useState<ApiError>();

  const generate = async (kind: NewsKind) => {
    setBusy(kind);
    setError(undefined);
    try {
      const item = await call(generateNewsEndpoint, { params: { congressId }, body: { kind } });
      setPreviewKind(null);
      onDrafted(item);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const showPreview = async (kind: NewsKind) => {
    setPreviewKind(kind);
    setPreview(undefined);
    setPreviewError(undefined);
    try {
      setPreview(await call(previewNewsEndpoint, { params: { congressId }, query: { kind } }));
    } catch (caught) {
      setPreviewError(asApiError(caught));
    }
  };

  return (
    <Card
      className="console-card"
      size="small"
      title={t('news.drafting')}
      extra={
        <Button icon={<EditOutlined />} onClick={onWrite} data-testid="news-write">
          {t('news.write')}
        </Button>
      }
    >
      <p className="muted news-drafting-intro">{t('news.draftingIntro')}</p>
      <ErrorAlert error={error} />
      <div className="news-kinds">
        {kinds.map((kind) => (
          <div key={kind} className="news-kind" data-testid={`news-kind-${kind}`}>
            <div className="news-kind-name">{t(`news.kind.${kind}`)}</div>
            <div className="news-kind-actions">
              <Button
                icon={<EyeOutlined />}
                onClick={() => void showPreview(kind)}
                data-testid={`news-preview-${kind}`}
              >
                {t('news.preview')}
              </Button>
              <Button
                type="primary"
                icon={<FileAddOutlined />}
                loading={busy === kind}
                onClick={() => void generate(kind)}
                data-testid={`news-generate-${kind}`}
              >
                {t('news.generate')}
              </Button>
            </div>
          </div>
        ))}
      </div>
      <Modal
        open={previewKind !== null}
        onCancel={() => setPreviewKind(null)}
        title={previewKind ? t('news.previewTitle', { kind: t(`news.kind.${previewKind}`) }) : ''}
        width="min(860px, 96vw)"
        footer={[
          <Button key="close" onClick={() => setPreviewKind(null)}>
            {t('common.close')}
          </Button>,
          <Button
            key="generate"
            type="primary"
            disabled={!preview}
            loading={busy !== null}
            onClick={() => previewKind && void generate(previewKind)}
          >
            {t('news.generate')}
          </Button>,
        ]}
      >
        <ErrorAlert error={previewError} />
        {!preview && !previewError && (
          <div className="news-preview-loading">
            <Spin />
          </div>
        )}
        {preview && (
          <Tabs
            items={[
              {
                key: 'zh',
                label: t('news.chinese'),
                children: (
                  <NewsText title={preview.titleZh} body={preview.bodyZh} links={preview.links} lang="zh" />
                ),
              },
              {
                key: 'en',
                label: t('news.english'),
                children: (
                  <NewsText title={preview.titleEn} body={preview.bodyEn} links={preview.links} lang="en" />
                ),
              },
            ]}
          />
        )}
      </Modal>
    </Card>
  );
}
