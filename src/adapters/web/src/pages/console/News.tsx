import { GlobalOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card } from 'antd';
import { useState } from 'react';
import { congressEndpoint } from '../../../../../contract/congress.ts';
import {
  congressNewsEndpoint,
  type NewsItem,
  portalListEndpoint,
  publishNewsEndpoint,
  withdrawNewsEndpoint,
} from '../../../../../contract/news.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { asApiError, call, urlOf } from '../../lib/api.ts';
import { newsKindsFor, untranslatedIn } from '../../lib/news.ts';
import { useEndpoint } from '../../lib/use-api.ts';
import { NewsDrafting } from './news/NewsDrafting.tsx';
import { NewsEditor } from './news/NewsEditor.tsx';
import { NewsItems } from './news/NewsItems.tsx';
import { NewsTemplates } from './news/NewsTemplates.tsx';
import { useUntranslatedGuard } from './news/UntranslatedGuard.tsx';
import type { ConsoleSectionProps } from './section-props.ts';

// The congress's announcements: drafts generated from the record (opening, closing, the first
// plenary's communiqué, a plenary's decisions) or written by hand, edited in both languages,
// published on the portal (/news) and withdrawn; and the templates the drafts are written from.

/** The editor's subject: an item, or a new one written by hand. */
type Editing = { readonly item: NewsItem | null } | null;

export function News({ congressId }: ConsoleSectionProps) {
  const { t, tx, lang } = useI18n();
  const { message } = AntApp.useApp();
  const congress = useEndpoint(congressEndpoint, { params: { congressId } });
  const items = useEndpoint(congressNewsEndpoint, { params: { congressId } });
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const guard = useUntranslatedGuard();

  const changeStatus = async (item: NewsItem, to: 'publish' | 'withdraw') => {
    if (to === 'publish' && !(await guard(untranslatedIn(item)))) return;
    setBusy(item.id);
    try {
      const change = to === 'publish' ? publishNewsEndpoint : withdrawNewsEndpoint;
      await call(change, { params: { congressId, newsId: item.id } });
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
          href={urlOf(portalListEndpoint, { query: { lang: lang === 'en' ? 'en' : undefined } })}
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
