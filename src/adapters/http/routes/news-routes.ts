import { z } from 'zod';
import { NEWS_KINDS, type NewsKind } from '../../../core/documents/news/index.ts';
import {
  createDraft,
  generateDraft,
  getCongressNews,
  getPublishedNews,
  listCongressNews,
  listPublishedNews,
  NEWS_CATEGORIES,
  type NewsCategory,
  previewNews,
  publishNews,
  updateDraft,
  withdrawNews,
} from '../../../services/news/news-items.ts';
import {
  listTemplates,
  resetTemplate,
  saveTemplate,
  templateKey,
} from '../../../services/news/news-templates.ts';
import { portalRoutes } from '../portal/portal-routes.ts';
import { route } from '../route.ts';
import { ADMIN, congressParams, shortText } from './congress-routes.ts';

// The announcements of a congress: the secretariat (admin) generates drafts from the congress
// record (opening, closing, first-plenary communiqué, plenary decision) or writes one by hand,
// edits, publishes and withdraws them — each an audited write; anyone reads what is published.
// Templates are the whole system's, so changing them needs the administrator of every congress.
// The HTML portal's routes (src/adapters/http/portal) are listed here too.

const newsParams = congressParams.extend({ newsId: z.string().min(1).max(64) });
const kind = z.enum(NEWS_KINDS as [NewsKind, ...NewsKind[]]);
const category = z.enum(NEWS_CATEGORIES as [NewsCategory, ...NewsCategory[]]);

/** A page of this site or an https address (the official lists are /api/…/list.pdf). */
const url = z
  .string()
  .trim()
  .max(2000)
  .regex(/^(https:\/\/|\/(?!\/))[^\s<>"']+$/, 'https:// or /');
const optionalText = (max: number) => z.string().trim().max(max);

const image = z.strictObject({
  url,
  captionZh: optionalText(300).default(''),
  captionEn: optionalText(300).default(''),
});
const link = z.strictObject({ url, titleZh: shortText(300), titleEn: optionalText(300).default('') });

const editable = {
  category: category.optional(),
  titleZh: shortText(300).optional(),
  titleEn: optionalText(300).optional(),
  bodyZh: z.string().trim().min(1).max(200_000).optional(),
  bodyEn: z.string().trim().max(200_000).optional(),
  source: shortText(100).optional(),
  images: z.array(image).max(30).optional(),
  links: z.array(link).max(50).optional(),
};

const templateParams = z.strictObject({ kind: z.string().min(1).max(40), lang: z.string().min(1).max(10) });
// The length limit of a template is the engine's (MAX_TEMPLATE_LENGTH), reported with its position.
const templateBody = z.strictObject({
  title: z.string().min(1).max(1000),
  body: z.string().min(1).max(60_000),
});

export const newsApiRoutes = [
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/news',
    tag: 'news',
    summary: 'Every news item of the congress, drafts included, newest first',
    allow: ADMIN,
    params: congressParams,
    handler: async ({ context, params }) => listCongressNews(context, params.congressId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/news',
    tag: 'news',
    summary: 'Generate a draft from the congress record: opening, closing, first-plenary or plenary-decision',
    allow: ADMIN,
    params: congressParams,
    body: z.strictObject({ kind, category: category.optional(), source: shortText(100).optional() }),
    handler: async ({ context, actor, params, body }) =>
      generateDraft(context, actor, params.congressId, body),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/news/custom',
    tag: 'news',
    summary: 'Write a draft by hand (a notice, or anything no template covers)',
    allow: ADMIN,
    params: congressParams,
    body: z.strictObject({
      ...editable,
      category,
      titleZh: shortText(300),
      bodyZh: z.string().trim().min(1).max(200_000),
    }),
    handler: async ({ context, actor, params, body }) => createDraft(context, actor, params.congressId, body),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/news/preview',
    tag: 'news',
    summary: 'The text a draft of this kind would have now, in both languages, without storing it',
    allow: ADMIN,
    params: congressParams,
    query: z.strictObject({ kind }),
    handler: async ({ context, params, query }) => previewNews(context, params.congressId, query.kind),
  }),
  route({
    method: 'GET',
    url: '/api/congresses/:congressId/news/:newsId',
    tag: 'news',
    summary: 'A news item of the congress, in any state',
    allow: ADMIN,
    params: newsParams,
    handler: async ({ context, params }) => getCongressNews(context, params.congressId, params.newsId),
  }),
  route({
    method: 'PATCH',
    url: '/api/congresses/:congressId/news/:newsId',
    tag: 'news',
    summary: 'Edit a draft or a withdrawn item (a published item must be withdrawn first)',
    allow: ADMIN,
    params: newsParams,
    body: z.strictObject(editable),
    handler: async ({ context, actor, params, body }) =>
      updateDraft(context, actor, params.congressId, params.newsId, body),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/news/:newsId/publish',
    tag: 'news',
    summary: 'Publish the item on the portal',
    allow: ADMIN,
    params: newsParams,
    handler: async ({ context, actor, params }) =>
      publishNews(context, actor, params.congressId, params.newsId),
  }),
  route({
    method: 'POST',
    url: '/api/congresses/:congressId/news/:newsId/withdraw',
    tag: 'news',
    summary: 'Withdraw a published item from the portal',
    allow: ADMIN,
    params: newsParams,
    handler: async ({ context, actor, params }) =>
      withdrawNews(context, actor, params.congressId, params.newsId),
  }),
  route({
    method: 'GET',
    url: '/api/news',
    tag: 'news',
    summary: 'Published news items, newest first: { items, total }',
    allow: 'anyone',
    query: z.strictObject({
      category: category.optional(),
      congressId: z.string().min(1).max(64).optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
      offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    }),
    handler: async ({ context, query }) => listPublishedNews(context, query),
  }),
  route({
    method: 'GET',
    url: '/api/news/templates',
    tag: 'news',
    summary: 'The templates in force for every kind and language, with their placeholders',
    allow: ADMIN,
    handler: async ({ context }) => listTemplates(context),
  }),
  route({
    method: 'PUT',
    url: '/api/news/templates/:kind/:lang',
    tag: 'news',
    summary: 'Replace the template of a kind in one language (checked: its tags and placeholders)',
    allow: ADMIN,
    params: templateParams,
    body: templateBody,
    handler: async ({ context, actor, params, body }) =>
      saveTemplate(context, actor, templateKey(params.kind, params.lang), body),
  }),
  route({
    method: 'DELETE',
    url: '/api/news/templates/:kind/:lang',
    tag: 'news',
    summary: 'Go back to the built-in template of a kind in one language',
    allow: ADMIN,
    params: templateParams,
    handler: async ({ context, actor, params }) =>
      resetTemplate(context, actor, templateKey(params.kind, params.lang)),
  }),
  route({
    method: 'GET',
    url: '/api/news/:newsId',
    tag: 'news',
    summary: 'A published news item',
    allow: 'anyone',
    params: z.strictObject({ newsId: z.string().min(1).max(64) }),
    handler: async ({ context, params }) => getPublishedNews(context, params.newsId),
  }),
];

export const newsRoutes = [...newsApiRoutes, ...portalRoutes];
