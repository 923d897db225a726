import type { PublicNewsItem } from '../../../contract/news.ts';
import { paragraphs } from './html.ts';
import { itemText } from './pages.ts';
import { CATEGORY_NAMES, type PortalLang, sourceIn, WORDS } from './portal-text.ts';

// The portal's feeds: Atom (RFC 4287) at /news/feed.xml and RSS 2.0 at /news/rss.xml, newest
// first. Every text is escaped for XML, and characters XML 1.0 forbids are dropped, so a stray
// control character in a stored text cannot make the feed unreadable.

/** Whether XML 1.0 allows the code point at all (tab, LF, CR and everything from U+0020 but U+FFFE, U+FFFF and lone surrogates). */
function allowedInXml(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  return codePoint !== 0xfffe && codePoint !== 0xffff;
}

export function xmlText(text: string): string {
  let kept = '';
  for (const ch of text) if (allowedInXml(ch.codePointAt(0)!)) kept += ch;
  return kept
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The first paragraph, as a summary. */
function summary(body: string): string {
  return (
    body
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)[0]
      ?.trim() ?? ''
  );
}

const withLang = (url: string, lang: PortalLang) => (lang === 'en' ? `${url}?lang=en` : url);

export interface FeedInput {
  /** https://example.org: the absolute base of every link in the feed. */
  readonly base: string;
  readonly lang: PortalLang;
  readonly items: readonly PublicNewsItem[];
  /** When the feed was generated, for an empty feed's <updated>. */
  readonly now: string;
}

export function atomFeed({ base, lang, items, now }: FeedInput): string {
  const words = WORDS[lang];
  const self = withLang(`${base}/news/feed.xml`, lang);
  // ISO-8601 UTC text: text order is time order.
  const updated =
    items
      .map((item) => item.updatedAt)
      .sort()
      .at(-1) ?? now;
  const entries = items.map((item) => {
    const text = itemText(item, lang);
    const url = withLang(`${base}/news/${encodeURIComponent(item.id)}`, lang);
    return `  <entry>
    <title>${xmlText(text.title)}</title>
    <id>${xmlText(`${base}/news/${encodeURIComponent(item.id)}`)}</id>
    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>
    <published>${xmlText(item.publishedAt ?? item.updatedAt)}</published>
    <updated>${xmlText(item.updatedAt)}</updated>
    <author><name>${xmlText(sourceIn(item.source, lang))}</name></author>
    <category term="${item.category}" label="${xmlText(CATEGORY_NAMES[item.category][lang])}"/>
    <summary type="text">${xmlText(summary(text.body))}</summary>
    <content type="html">${xmlText(paragraphs(text.body).value)}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
  <title>${xmlText(words.site)}</title>
  <subtitle>${xmlText(words.tagline)}</subtitle>
  <id>${xmlText(`${base}/news/feed.xml`)}</id>
  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(withLang(`${base}/news`, lang))}"/>
  <updated>${xmlText(updated)}</updated>
${entries.join('\n')}
</feed>
`;
}

export function rssFeed({ base, lang, items }: FeedInput): string {
  const words = WORDS[lang];
  const entries = items.map((item) => {
    const text = itemText(item, lang);
    const url = withLang(`${base}/news/${encodeURIComponent(item.id)}`, lang);
    return `    <item>
      <title>${xmlText(text.title)}</title>
      <link>${xmlText(url)}</link>
      <guid isPermaLink="false">${xmlText(`${base}/news/${encodeURIComponent(item.id)}`)}</guid>
      <pubDate>${new Date(item.publishedAt ?? item.updatedAt).toUTCString()}</pubDate>
      <category>${xmlText(CATEGORY_NAMES[item.category][lang])}</category>
      <description>${xmlText(paragraphs(text.body).value)}</description>
    </item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xmlText(words.site)}</title>
    <link>${xmlText(withLang(`${base}/news`, lang))}</link>
    <description>${xmlText(words.tagline)}</description>
    <language>${lang === 'zh' ? 'zh-cn' : 'en'}</language>
    <atom:link rel="self" type="application/rss+xml" href="${xmlText(withLang(`${base}/news/rss.xml`, lang))}"/>
${entries.join('\n')}
  </channel>
</rss>
`;
}
