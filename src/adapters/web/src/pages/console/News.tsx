import { GlobalOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { api, asApiError, congressUrl } from '../../lib/api.ts';
import { newsKindsFor } from '../../lib/news.ts';
import type { NewsItem } from '../../lib/publishing-types.ts';
import type { CongressView } from '../../lib/types.ts';
import { useApi } from '../../lib/use-api.ts';
import { NewsDrafting } from './news/NewsDrafting.tsx';
import { NewsEditor } from './news/NewsEditor.tsx';
import { NewsItems } from './news/NewsItems.tsx';
import { NewsTemplates } from './news/NewsTemplates.tsx';
import type { ConsoleSectionProps } from './section-props.ts';

// The congress's announcements: drafts generated from the record (opening, closing, the first
// plenary's communiqué, a plenary's decisions) or written by hand, edited in both languages,
// published on the portal (/news) and withdrawn; and the templates the drafts are written from.

/** The editor's subject: an item, or a new one written by hand. */
type Editing = { readonly item: NewsItem | null } | null;

export function News({ congressId }: ConsoleSectionProps) {
  const { t, tx, lang } = useI18n();
  const { message } = AntApp.useApp();
  const congress = useApi<CongressView>(congressUrl(congressId));
  const items = useApi<NewsItem[]>(congressUrl(congressId, '/news'));
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const changeStatus = async (item: NewsItem, to: 'publish' | 'withdraw') => {
    setBusy(item.id);
    try {
      await api.post<NewsItem>(congressUrl(congressId, `/news/${encodeURIComponent(item.id)}/${to}`));
      void message.success(to === 'publish' ? t('news.published') : t('news.withdrawn'));
      await items.reload();
    } catch (caught) {
      void message.error(tx(asApiError(caught)), 6);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="console-page" data-testid="news-page">
      <div className="console-page-head">
        <h1 className="page-title">{t('console.section.news')}</h1>
        <Button
          icon={<GlobalOutlined />}
          href={lang === 'en' ? '/news?lang=en' : '/news'}
          target="_blank"
          rel="noopener"
        >
          {t('news.portal')}
        </Button>
      </div>
      {congress.data && (
        <NewsDrafting
          congressId={congressId}
          kinds={newsKindsFor(congress.data)}
          onDrafted={(item) => {
            void items.reload();
            setEditing({ item });
          }}
          onWrite={() => setEditing({ item: null })}
        />
      )}
      <Card className="console-card" size="small" title={t('news.items')}>
        <ErrorAlert error={items.error} onRetry={() => void items.reload()} />
        <NewsItems
          items={items.data ?? []}
          loading={items.loading}
          busy={busy}
          onEdit={(item) => setEditing({ item })}
          onPublish={(item) => void changeStatus(item, 'publish')}
          onWithdraw={(item) => void changeStatus(item, 'withdraw')}
        />
      </Card>
      <NewsTemplates />
      {editing && (
        <NewsEditor
          congressId={congressId}
          item={editing.item}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            void message.success(saved.status === 'published' ? t('news.published') : t('news.saved'));
            void items.reload();
          }}
        />
      )}
    </div>
  );
}
