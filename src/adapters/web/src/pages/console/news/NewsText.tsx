import { FilePdfOutlined } from '@ant-design/icons';
import type { NewsLink } from '../../../../../../contract/news.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/** An announcement's title, text (paragraphs at blank lines, as the portal sets them) and documents. */
export function NewsText({
  title,
  body,
  links,
  lang,
}: {
  readonly title: string;
  readonly body: string;
  readonly links: readonly NewsLink[];
  readonly lang: 'zh' | 'en';
}) {
  const { t } = useI18n();
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '');
  return (
    <article className="news-text" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <h3 className="news-text-title">{title || t('common.dash')}</h3>
      {paragraphs.map((paragraph, index) => (
        // Paragraphs have no identity of their own; their order is the text's.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <p key={index}>{paragraph}</p>
      ))}
      {links.length > 0 && (
        <ul className="news-text-links">
          {links.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noopener">
                <FilePdfOutlined /> {lang === 'en' && link.titleEn ? link.titleEn : link.titleZh}
              </a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
