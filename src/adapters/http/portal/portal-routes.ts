import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  atomFeedEndpoint,
  portalItemEndpoint,
  portalListEndpoint,
  rssFeedEndpoint,
} from '../../../contract/news.ts';
import { ServiceError } from '../../../services/errors.ts';
import { getPublishedNews, listPublishedNews, recordView } from '../../../services/news/news-items.ts';
import { implement } from '../route.ts';
import { atomFeed, type FeedInput, rssFeed } from './feeds.ts';
import { PORTAL_CSP } from './layout.ts';
import { itemPage, listPage, notFoundPage } from './pages.ts';
import { isCategory, type PortalLang, portalLang } from './portal-text.ts';

// The public news portal, served as HTML by the API server: /news (all published items or one
// category), /news/:newsId (an item; each view counts), and the feeds (contract:
// src/contract/news.ts). Open to anyone, and lenient with its query: an unknown language,
// category or page gives the default rather than an error.

const PAGE_SIZE = 20;
const FEED_SIZE = 50;

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
function feedRoute(
  feed: typeof atomFeedEndpoint | typeof rssFeedEndpoint,
  type: string,
  render: (input: FeedInput) => string,
) {
  return implement(feed).with(async ({ context, query, request, reply }) => {
    const { items } = await listPublishedNews(context, { limit: FEED_SIZE });
    void reply.type(`${type}; charset=utf-8`).header('cache-control', 'no-cache');
    return render({
      base: baseUrl(request),
      lang: portalLang(query.lang),
      items,
      now: context.clock.now().toISOString(),
    });
  });
}

export const portalRoutes = [
  implement(portalListEndpoint).with(async ({ context, query, reply }) => {
    const lang = portalLang(query.lang);
    const category = isCategory(query.category) ? query.category : undefined;
    const page = pageNumber(query.page);
    const { items, total } = await listPublishedNews(context, {
      ...(category ? { category } : {}),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    return sendHtml(reply, 200, listPage(lang, { items, total, page, pageSize: PAGE_SIZE, category }));
  }),
  feedRoute(atomFeedEndpoint, 'application/atom+xml', atomFeed),
  feedRoute(rssFeedEndpoint, 'application/rss+xml', rssFeed),
  implement(portalItemEndpoint).with(async ({ context, params, query, request, reply }) => {
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
  }),
];
