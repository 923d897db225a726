import * as z from 'zod';
import { congressParams, id, instant, shortText } from './common.ts';
import { endpoint } from './endpoint.ts';
import { ADMIN_ROLES } from './roles.ts';

// The announcements of a congress: the secretariat (admin) generates drafts from the congress
// record (opening, closing, first-plenary communiqué, plenary decision) or writes one by hand,
// edits, publishes and withdraws them — each an audited write; anyone reads what is published.
// Templates are the whole system's, so changing them needs the administrator of every congress.
// The public portal (HTML pages and feeds of the published items) is declared at the end.

// ---- vocabularies ------------------------------------------------------------------------------

/**
 * The announcements the generator writes (src/core/documents/news has the same list): a
 * congress's opening and closing, the first plenary's communiqué and a plenary's decision, and
 * the reports of the committee's meetings between congresses.
 */
export const NEWS_KINDS = [
  'opening',
  'closing',
  'first-plenary',
  'plenary-decision',
  'standing-committee-meeting',
  'plenary-session',
] as const;
export const newsKindSchema = z.enum(NEWS_KINDS);
export type NewsKind = z.infer<typeof newsKindSchema>;

/** An item's kind: one of the generated announcements, or written by hand ('custom'). */
export const NEWS_ITEM_KINDS = [...NEWS_KINDS, 'custom'] as const;
export const newsItemKindSchema = z.enum(NEWS_ITEM_KINDS);
export type NewsItemKind = z.infer<typeof newsItemKindSchema>;

/** 新闻 / 公报 / 通知公告: the portal's sections. */
export const NEWS_CATEGORIES = ['news', 'communique', 'notice'] as const;
export const newsCategorySchema = z.enum(NEWS_CATEGORIES);
export type NewsCategory = z.infer<typeof newsCategorySchema>;

export const NEWS_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export const newsStatusSchema = z.enum(NEWS_STATUSES);
export type NewsStatus = z.infer<typeof newsStatusSchema>;

/** The languages a template is kept in. */
export const NEWS_LANGS = ['zh', 'en'] as const;
export const newsLangSchema = z.enum(NEWS_LANGS);
export type NewsLang = z.infer<typeof newsLangSchema>;

// ---- views -------------------------------------------------------------------------------------

export const newsImageSchema = z.strictObject({
  url: z.string(),
  captionZh: z.string(),
  captionEn: z.string(),
});
export type NewsImage = z.infer<typeof newsImageSchema>;

/** A link under the text: the official lists (PDF) and other documents. */
export const newsLinkSchema = z.strictObject({
  url: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
});
export type NewsLink = z.infer<typeof newsLinkSchema>;

/** A news item as the secretariat handles it, in any state. */
export const newsItemSchema = z.strictObject({
  id: z.string(),
  /** null: an item of no congress (none is written so today). */
  congressId: z.string().nullable(),
  kind: newsItemKindSchema,
  category: newsCategorySchema,
  titleZh: z.string(),
  /** '' when there is no English version. */
  titleEn: z.string(),
  bodyZh: z.string(),
  bodyEn: z.string(),
  /** 信息来源: 大会秘书处. */
  source: z.string(),
  status: newsStatusSchema,
  /** When it was last published; kept when it is withdrawn. */
  publishedAt: instant.nullable(),
  /** Page views on the portal. */
  views: z.number().int(),
  images: z.array(newsImageSchema),
  links: z.array(newsLinkSchema),
  createdAt: instant,
  updatedAt: instant,
});
export type NewsItem = z.infer<typeof newsItemSchema>;

/** What anyone may read of a published item. */
export const publicNewsItemSchema = newsItemSchema.omit({ status: true, createdAt: true });
export type PublicNewsItem = z.infer<typeof publicNewsItemSchema>;

export const publishedNewsSchema = z.strictObject({
  items: z.array(publicNewsItemSchema),
  /** Published items matching the query, in all. */
  total: z.number().int(),
});
export type PublishedNews = z.infer<typeof publishedNewsSchema>;

/** The text a draft of a kind would have now, in both languages. */
export const newsPreviewSchema = z.strictObject({
  titleZh: z.string(),
  bodyZh: z.string(),
  titleEn: z.string(),
  bodyEn: z.string(),
  links: z.array(newsLinkSchema),
});
export type NewsPreview = z.infer<typeof newsPreviewSchema>;

/** A value a template may name: {{organisation.locality}}, with what it is in both languages. */
export const placeholderSchema = z.strictObject({ path: z.string(), zh: z.string(), en: z.string() });
export type Placeholder = z.infer<typeof placeholderSchema>;

/** The template in force for a kind and a language. */
export const newsTemplateSchema = z.strictObject({
  kind: newsKindSchema,
  lang: newsLangSchema,
  title: z.string(),
  body: z.string(),
  /** true: the built-in default; false: the secretariat's version. */
  isDefault: z.boolean(),
  updatedAt: instant.nullable(),
  placeholders: z.array(placeholderSchema),
});
export type NewsTemplate = z.infer<typeof newsTemplateSchema>;

// ---- inputs ------------------------------------------------------------------------------------

/** A page of this site or an https address (the official lists are /api/…/list.pdf). */
export const NEWS_URL_PATTERN = /^(https:\/\/|\/(?!\/))[^\s<>"']+$/;
const url = z.string().trim().max(2000).regex(NEWS_URL_PATTERN, 'https:// or /');
const optionalText = (max: number) => z.string().trim().max(max);

const imageInput = z.strictObject({
  url,
  captionZh: optionalText(300).default(''),
  captionEn: optionalText(300).default(''),
});
const linkInput = z.strictObject({ url, titleZh: shortText(300), titleEn: optionalText(300).default('') });

/** What the editor may change: everything but the identity, status and times. */
const editable = {
  category: newsCategorySchema.optional(),
  titleZh: shortText(300).optional(),
  titleEn: optionalText(300).optional(),
  bodyZh: z.string().trim().min(1).max(200_000).optional(),
  bodyEn: z.string().trim().max(200_000).optional(),
  source: shortText(100).optional(),
  images: z.array(imageInput).max(30).optional(),
  links: z.array(linkInput).max(50).optional(),
};

const newsParams = congressParams.extend({ newsId: id });
const templateParams = z.strictObject({ kind: z.string().min(1).max(40), lang: z.string().min(1).max(10) });
// The length limit of a template is the engine's (MAX_TEMPLATE_LENGTH), reported with its position.
const templateBody = z.strictObject({
  title: z.string().min(1).max(1000),
  body: z.string().min(1).max(60_000),
});

// ---- endpoints ---------------------------------------------------------------------------------

export const congressNewsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/news',
  tag: 'news',
  summary: 'Every news item of the congress, drafts included, newest first',
  allow: ADMIN_ROLES,
  params: congressParams,
  response: z.array(newsItemSchema),
});

export const generateNewsEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/news',
  tag: 'news',
  summary:
    'Generate a draft from the record: opening, closing, first-plenary, plenary-decision, or a meeting of the committee',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: z.strictObject({
    kind: newsKindSchema,
    category: newsCategorySchema.optional(),
    source: shortText(100).optional(),
  }),
  response: newsItemSchema,
});

export const writeNewsEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/news/custom',
  tag: 'news',
  summary: 'Write a draft by hand (a notice, or anything no template covers)',
  allow: ADMIN_ROLES,
  params: congressParams,
  body: z.strictObject({
    ...editable,
    category: newsCategorySchema,
    titleZh: shortText(300),
    bodyZh: z.string().trim().min(1).max(200_000),
  }),
  response: newsItemSchema,
});

export const previewNewsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/news/preview',
  tag: 'news',
  summary: 'The text a draft of this kind would have now, in both languages, without storing it',
  allow: ADMIN_ROLES,
  params: congressParams,
  query: z.strictObject({ kind: newsKindSchema }),
  response: newsPreviewSchema,
});

export const congressNewsItemEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/news/:newsId',
  tag: 'news',
  summary: 'A news item of the congress, in any state',
  allow: ADMIN_ROLES,
  params: newsParams,
  response: newsItemSchema,
});

export const editNewsEndpoint = endpoint({
  method: 'PATCH',
  path: '/api/congresses/:congressId/news/:newsId',
  tag: 'news',
  summary: 'Edit a draft or a withdrawn item (a published item must be withdrawn first)',
  allow: ADMIN_ROLES,
  params: newsParams,
  body: z.strictObject(editable),
  response: newsItemSchema,
});

export const publishNewsEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/news/:newsId/publish',
  tag: 'news',
  summary: 'Publish the item on the portal',
  allow: ADMIN_ROLES,
  params: newsParams,
  response: newsItemSchema,
});

export const withdrawNewsEndpoint = endpoint({
  method: 'POST',
  path: '/api/congresses/:congressId/news/:newsId/withdraw',
  tag: 'news',
  summary: 'Withdraw a published item from the portal',
  allow: ADMIN_ROLES,
  params: newsParams,
  response: newsItemSchema,
});

export const publishedNewsEndpoint = endpoint({
  method: 'GET',
  path: '/api/news',
  tag: 'news',
  summary: 'Published news items, newest first: { items, total }',
  allow: 'anyone',
  query: z.strictObject({
    category: newsCategorySchema.optional(),
    congressId: z.string().min(1).max(64).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  }),
  response: publishedNewsSchema,
});

export const newsTemplatesEndpoint = endpoint({
  method: 'GET',
  path: '/api/news/templates',
  tag: 'news',
  summary: 'The templates in force for every kind and language, with their placeholders',
  allow: ADMIN_ROLES,
  response: z.array(newsTemplateSchema),
});

export const saveNewsTemplateEndpoint = endpoint({
  method: 'PUT',
  path: '/api/news/templates/:kind/:lang',
  tag: 'news',
  summary: 'Replace the template of a kind in one language (checked: its tags and placeholders)',
  allow: ADMIN_ROLES,
  params: templateParams,
  body: templateBody,
  response: newsTemplateSchema,
});

export const resetNewsTemplateEndpoint = endpoint({
  method: 'DELETE',
  path: '/api/news/templates/:kind/:lang',
  tag: 'news',
  summary: 'Go back to the built-in template of a kind in one language',
  allow: ADMIN_ROLES,
  params: templateParams,
  response: newsTemplateSchema,
});

export const publishedNewsItemEndpoint = endpoint({
  method: 'GET',
  path: '/api/news/:newsId',
  tag: 'news',
  summary: 'A published news item',
  allow: 'anyone',
  params: z.strictObject({ newsId: id }),
  response: publicNewsItemSchema,
});

// ---- the portal --------------------------------------------------------------------------------
// The public news portal, served as HTML by the API server: /news (all published items or one
// category), /news/:newsId (an item; each view counts), and the feeds. Open to anyone, and lenient
// with its query: an unknown language, category or page gives the default rather than an error.

/** Query values as the browser sends them (a repeated key is an array); each is read leniently. */
const portalQuery = z.object({
  /** 'en' for English; anything else gives Chinese. */
  lang: z.unknown().optional(),
  category: z.unknown().optional(),
  page: z.unknown().optional(),
});

export const portalListEndpoint = endpoint({
  method: 'GET',
  path: '/news',
  tag: 'portal',
  summary: 'The news portal: published items, newest first, all or one category (HTML; ?lang=en for English)',
  allow: 'anyone',
  query: portalQuery,
  response: 'file',
});

export const atomFeedEndpoint = endpoint({
  method: 'GET',
  path: '/news/feed.xml',
  tag: 'portal',
  summary: 'Atom feed of the published items (?lang=en for English)',
  allow: 'anyone',
  query: portalQuery,
  response: 'file',
});

export const rssFeedEndpoint = endpoint({
  method: 'GET',
  path: '/news/rss.xml',
  tag: 'portal',
  summary: 'RSS 2.0 feed of the published items (?lang=en for English)',
  allow: 'anyone',
  query: portalQuery,
  response: 'file',
});

export const portalItemEndpoint = endpoint({
  method: 'GET',
  path: '/news/:newsId',
  tag: 'portal',
  summary: 'A published item (HTML; ?lang=en for English); each view adds one to its count',
  allow: 'anyone',
  params: z.object({ newsId: z.string().min(1).max(200) }),
  query: portalQuery,
  response: 'file',
});
