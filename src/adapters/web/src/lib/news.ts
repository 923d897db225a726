import type { CongressView } from '../../../../contract/congress.ts';
import { type NewsItem, type NewsKind, portalItemEndpoint } from '../../../../contract/news.ts';
import { untranslatedSpans } from '../../../../core/text/untranslated.ts';
import { urlOf } from './api.ts';
import type { Lang } from './format.ts';

// The news section's small rules, without React: which announcements a congress or a plenary
// can generate, where the public reads an item, and what an edit sends.

/**
 * A congress reports its opening and closing and may ask for its first plenary's communiqué (the
 * new committee's first session); a plenary session reports its decisions, the first one its
 * communiqué, a later one the session itself (全会举行: attendance, speeches, conclusions); a
 * standing committee meeting its meeting report (services/news/news-items.ts refuses the others).
 */
export function newsKindsFor(congress: Pick<CongressView, 'kind' | 'plenaryNumber'>): NewsKind[] {
  if (congress.kind === 'congress') return ['opening', 'closing', 'first-plenary'];
  if (congress.kind === 'standing-committee') return ['standing-committee-meeting'];
  return congress.plenaryNumber === 1
    ? ['first-plenary', 'plenary-decision']
    : ['plenary-session', 'plenary-decision'];
}

/** The Chinese runs an English title and text still hold (the editor flags them before publishing). */
export function untranslatedIn(item: Pick<NewsItem, 'titleEn' | 'bodyEn'>): string[] {
  return [...untranslatedSpans(item.titleEn), ...untranslatedSpans(item.bodyEn)].map((span) => span.text);
}

/** The item's page on the public portal, in the interface's language. */
export function publicNewsPath(newsId: string, lang: Lang): string {
  return urlOf(portalItemEndpoint, { params: { newsId }, query: { lang: lang === 'en' ? 'en' : undefined } });
}

/** What the editor changes: everything but the identity, status and times. */
export type NewsEdit = Pick<
  NewsItem,
  'category' | 'titleZh' | 'titleEn' | 'bodyZh' | 'bodyEn' | 'source' | 'images' | 'links'
>;

export function editOf(item: NewsItem): NewsEdit {
  const { category, titleZh, titleEn, bodyZh, bodyEn, source, images, links } = item;
  return { category, titleZh, titleEn, bodyZh, bodyEn, source, images, links };
}

/** A new item written by hand starts as a notice of the secretariat. */
export const BLANK_NEWS: NewsEdit = {
  category: 'notice',
  titleZh: '',
  titleEn: '',
  bodyZh: '',
  bodyEn: '',
  source: '大会秘书处',
  images: [],
  links: [],
};
