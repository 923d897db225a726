import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ServiceError } from '../../../services/errors.ts';
import { getPublishedNews, listPublishedNews, recordView } from '../../../services/news/news-items.ts';
import { route } from '../route.ts';
import { atomFeed, type FeedInput, rssFeed } from './feeds.ts';
import { PORTAL_CSP } from './layout.ts';
import { itemPage, listPage, notFoundPage } from './pages.ts';
import { isCategory, type PortalLang, portalLang } from './portal-text.ts';

// The public news portal, served as HTML by the API server: /news (all published items or one
// category), /news/:newsId (an item; each view counts), and the feeds. Open to anyone, and lenient
// with its query: an unknown language, category or page gives the default rather than an error.

const PAGE_SIZE = 20;
const FEED_SIZE = 50;

/** Query values as the browser sends them (a repeated key is an array); each is read leniently below. */
const portalQuery = z.object({
  lang: z.unknown().optional(),
  category: z.unknown().optional(),
  page: z.unknown().optional(),
});

function sendHtml(reply: FastifyReply, status: number, body: string): string {
  void reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PORTAL_CSP)
    .header('cache-control', 'no-cache');
  return body;
}

/** The absolute base of feed links, from the request (the server does not know its public name). */
function baseUrl(request: FastifyRequest): string {
  const host = /^[A-Za-z0-9.:[\]-]+$/.test(request.host) ? request.host : 'localhost';
  return `${request.protocol}://${host}`;
}

function pageNumber(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** A feed of the newest published items, in the language asked for. */
function feedRoute(url: string, summary: string, type: string, render: (input: FeedInput) => string) {
  return route({
    method: 'GET',
    url,
    tag: 'portal',
    summary,
    allow: 'anyone',
    query: portalQuery,
    handler: async ({ context, query, request, reply }) => {
      const { items } = await listPublishedNews(context, { limit: FEED_SIZE });
      void reply.type(`${type}; charset=utf-8`).header('cache-control', 'no-cache');
      return render({
        base: baseUrl(request),
        lang: portalLang(query.lang),
        items,
        now: context.clock.now().toISOString(),
      });
    },
  });
}

export const portalRoutes = [
  route({
    method: 'GET',
    url: '/news',
    tag: 'portal',
    summary:
      'The news portal: published items, newest first, all or one category (HTML; ?lang=en for English)',
    allow: 'anyone',
    query: portalQuery,
    handler: async ({ context, query, reply }) => {
      const lang = portalLang(query.lang);
      const category = isCategory(query.category) ? query.category : undefined;
      const page = pageNumber(query.page);
      const { items, total } = await listPublishedNews(context, {
        ...(category ? { category } : {}),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      return sendHtml(reply, 200, listPage(lang, { items, total, page, pageSize: PAGE_SIZE, category }));
    },
  }),
  feedRoute(
    '/news/feed.xml',
    'Atom feed of the published items (?lang=en for English)',
    'application/atom+xml',
    atomFeed,
  ),
  feedRoute(
    '/news/rss.xml',
    'RSS 2.0 feed of the published items (?lang=en for English)',
    'application/rss+xml',
    rssFeed,
  ),
  route({
    method: 'GET',
    url: '/news/:newsId',
    tag: 'portal',
    summary: 'A published item (HTML; ?lang=en for English); each view adds one to its count',
    allow: 'anyone',
    params: z.object({ newsId: z.string().min(1).max(200) }),
    query: portalQuery,
    handler: async ({ context, params, query, request, reply }) => {
      const lang: PortalLang = portalLang(query.lang);
      try {
        // A HEAD request (Fastify answers it with this handler) is not someone reading the page.
        const item =
          request.method === 'HEAD'
            ? await getPublishedNews(context, params.newsId)
            : await recordView(context, params.newsId);
        return sendHtml(reply, 200, itemPage(lang, item));
      } catch (error) {
        if (error instanceof ServiceError && error.status === 404)
          return sendHtml(reply, 404, notFoundPage(lang));
        throw error;
      }
    },
  }),
];
