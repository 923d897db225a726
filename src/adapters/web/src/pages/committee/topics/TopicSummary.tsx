import { FileTextOutlined, LockOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { TopicStatus, TopicView } from '../../../../../../contract/topics.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { joinList } from '../../../lib/format.ts';

export const TOPIC_STATUS_COLOR: Readonly<Record<TopicStatus, string>> = {
  requested: 'gold',
  approved: 'green',
  rejected: 'red',
  scheduled: 'blue',
  deferred: 'orange',
  concluded: 'default',
  withdrawn: 'default',
};

/** A topic as the queue and the agenda show it: title, kind, who presents it and on whose behalf. */
export function TopicSummary({
  topic,
  detailed = false,
}: {
  readonly topic: TopicView;
  readonly detailed?: boolean;
}) {
  const { t, lang } = useI18n();
  const presenter = [topic.presentingUnit, topic.presenter].filter(Boolean).join(' ');
  return (
    <div className="cm-topic" data-testid="topic-summary">
      <div className="cm-topic-title">
        <Tag color={topic.committee === 'plenary' ? 'red' : 'blue'}>
          {t(`cm.committee.${topic.committee}`)}
        </Tag>
        <Tag>{t(`cm.topicKind.${topic.kind}`)}</Tag>
        {topic.confidential && (
          <Tag icon={<LockOutlined />} color="purple">
            {t('cm.tp.confidential')}
          </Tag>
        )}
        <span className="cm-topic-name">{topic.title}</span>
      </div>
      {lang === 'en' && topic.titleEn && <div className="muted small">{topic.titleEn}</div>}
      {presenter && (
        <div className="muted small">
          {topic.onBehalfOf
            ? t('cm.tp.presentedOnBehalf', { who: presenter, body: topic.onBehalfOf })
            : t('cm.tp.presentedBy', { who: presenter })}
        </div>
      )}
      {detailed && topic.papers.length > 0 && (
        <ul className="cm-topic-papers">
          {topic.papers.map((paper) => (
            <li key={paper.title}>
              <FileTextOutlined />{' '}
              {paper.url ? (
                <a href={paper.url} target="_blank" rel="noopener noreferrer">
                  {paper.title}
                </a>
              ) : (
                paper.title
              )}
            </li>
          ))}
        </ul>
      )}
      {!detailed && topic.papers.length > 0 && (
        <div className="muted small">{t('cm.tp.paperCount', { n: topic.papers.length })}</div>
      )}
      {topic.attendees.length > 0 && (
        <div className="muted small">{t('cm.tp.attending', { names: joinList(topic.attendees, lang) })}</div>
      )}
    </div>
  );
}
