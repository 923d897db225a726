import { EditOutlined, ExportOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Empty, Grid, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { NewsItem, NewsStatus } from '../../../../../../contract/news.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatHallDateTime } from '../../../lib/format.ts';
import { publicNewsPath } from '../../../lib/news.ts';

// The congress's items, newest first: title in both languages, kind and category, status with its
// time, views, and what can be done in that status — edit a draft or a withdrawn item, publish,
// withdraw, read it on the portal. On a phone the status and the actions go under the title, so
// the table needs no sideways scrolling.

const STATUS_COLOR: Readonly<Record<NewsStatus, string>> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'orange',
};

export function NewsItems({
  items,
  loading,
  busy,
  onEdit,
  onPublish,
  onWithdraw,
}: {
  readonly items: readonly NewsItem[];
  readonly loading: boolean;
  /** The item an action is under way for. */
  readonly busy: string | null;
  readonly onEdit: (item: NewsItem) => void;
  readonly onPublish: (item: NewsItem) => void;
  readonly onWithdraw: (item: NewsItem) => void;
}) {
  const { t, lang } = useI18n();
  const compact = !Grid.useBreakpoint().md;
  const status = (item: NewsItem) => (
    <div>
      <Tag color={STATUS_COLOR[item.status]} data-testid="news-item-status">
        {t(`news.status.${item.status}`)}
      </Tag>
      <div className="muted small news-item-time">
        {item.status === 'published'
          ? t('news.publishedAt', { time: formatHallDateTime(item.publishedAt, lang) })
          : t('news.updatedAt', { time: formatHallDateTime(item.updatedAt, lang) })}
      </div>
    </div>
  );
  const actions = (item: NewsItem) => (
    <Space wrap size={[4, 4]}>
      {item.status === 'published' ? (
        <Tooltip title={t('news.withdrawFirst')}>
          <Button size="small" icon={<EditOutlined />} disabled>
            {t('news.edit')}
          </Button>
        </Tooltip>
      ) : (
        <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(item)} data-testid="news-edit">
          {t('news.edit')}
        </Button>
      )}
      {item.status === 'published' ? (
        <>
          <Popconfirm
            title={t('news.withdrawConfirm')}
            okText={t('news.withdraw')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'news-withdraw-ok' }}
            onConfirm={() => onWithdraw(item)}
          >
            <Button
              size="small"
              danger
              icon={<StopOutlined />}
              loading={busy === item.id}
              data-testid="news-withdraw"
            >
              {t('news.withdraw')}
            </Button>
          </Popconfirm>
          <Button
            size="small"
            type="link"
            icon={<ExportOutlined />}
            href={publicNewsPath(item.id, lang)}
            target="_blank"
            rel="noopener"
            data-testid="news-public-link"
          >
            {t('news.viewPublic')}
          </Button>
        </>
      ) : (
        <Popconfirm
          title={t('news.publishConfirm')}
          okText={t('news.publish')}
          cancelText={t('common.cancel')}
          okButtonProps={{ 'data-testid': 'news-publish-ok' }}
          onConfirm={() => onPublish(item)}
        >
          <Button
            size="small"
            type="primary"
            icon={<SendOutlined />}
            loading={busy === item.id}
            data-testid="news-publish"
          >
            {t('news.publish')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
  const columns: ColumnsType<NewsItem> = [
    {
      title: t('news.col.title'),
      key: 'title',
      render: (_, item) => (
        <div className="news-item-title">
          <strong data-testid="news-item-title">{item.titleZh}</strong>
          {item.titleEn && <div className="muted small">{item.titleEn}</div>}
          <div className="news-item-tags">
            <Tag>{t(`news.kind.${item.kind}`)}</Tag>
            <Tag color="red">{t(`news.category.${item.category}`)}</Tag>
            <span className="muted small">{item.source}</span>
          </div>
          {compact && (
            <div className="news-item-compact">
              {status(item)}
              {actions(item)}
            </div>
          )}
        </div>
      ),
    },
  ];
  if (!compact)
    columns.push(
      { title: t('news.col.status'), key: 'status', width: 190, render: (_, item) => status(item) },
      { title: t('news.col.views'), dataIndex: 'views', width: 80, align: 'right' },
      { title: t('news.col.actions'), key: 'actions', width: 230, render: (_, item) => actions(item) },
    );

  return (
    <Table<NewsItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...items]}
      pagination={false}
      {...(compact ? {} : { scroll: { x: 'max-content' } })}
      locale={{ emptyText: <Empty description={t('news.none')} /> }}
      onRow={(item) =>
        ({ 'data-testid': 'news-item', 'data-news-id': item.id, 'data-status': item.status }) as object
      }
      columns={columns}
    />
  );
}
