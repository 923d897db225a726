import type { Lang } from './format.ts';
import type { NewsCategory, NewsItem, NewsKind } from './publishing-types.ts';
import type { CongressView } from './types.ts';

// The news section's small rules, without React: which announcements a congress or a plenary
// can generate, where the public reads an item, and what an edit sends.

export const NEWS_CATEGORIES: readonly NewsCategory[] = ['news', 'communique', 'notice'];

/**
 * A congress reports its opening and closing and may ask for its first plenary's communiqué (the
 * new committee's first session); a plenary session reports its decisions, the first one its
 * communiqué (services/news/news-items.ts refuses the others).
 */
export function newsKindsFor(congress: Pick<CongressView, 'kind' | 'plenaryNumber'>): NewsKind[] {
  if (congress.kind === 'congress') return ['opening', 'closing', 'first-plenary'];
  return congress.plenaryNumber === 1 ? ['first-plenary', 'plenary-decision'] : ['plenary-decision'];
}

/** The item's page on the public portal, in the interface's language. */
export function publicNewsPath(newsId: string, lang: Lang): string {
  return `/news/${encodeURIComponent(newsId)}${lang === 'en' ? '?lang=en' : ''}`;
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
