import type { NewsCategory, NewsItemKind, NewsKind, NewsLang, NewsStatus } from '../contract/news.ts';

// Row types of the news portal (migration 0004). Conventions as in schema.ts: text ids, ISO-8601
// UTC text times, JSON as text. The vocabularies are the API's (src/contract/news.ts).

export interface NewsItemsTable {
  id: string;
  congress_id: string | null;
  kind: NewsItemKind;
  category: NewsCategory;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  /** 信息来源: 大会秘书处. */
  source: string;
  status: NewsStatus;
  published_at: string | null;
  views: number;
  /** [{ url, captionZh, captionEn }] */
  images_json: string;
  /** [{ url, titleZh, titleEn }]: the official lists (PDF) and other documents. */
  links_json: string;
  created_at: string;
  updated_at: string;
}

/** A template the secretariat changed; a kind and language without a row uses the default. */
export interface NewsTemplatesTable {
  kind: NewsKind;
  lang: NewsLang;
  title_template: string;
  body_template: string;
  updated_at: string;
}

export interface NewsSchema {
  news_items: NewsItemsTable;
  news_templates: NewsTemplatesTable;
}
