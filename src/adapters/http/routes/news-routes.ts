import {
  congressNewsEndpoint,
  congressNewsItemEndpoint,
  editNewsEndpoint,
  generateNewsEndpoint,
  newsTemplatesEndpoint,
  previewNewsEndpoint,
  publishedNewsEndpoint,
  publishedNewsItemEndpoint,
  publishNewsEndpoint,
  resetNewsTemplateEndpoint,
  saveNewsTemplateEndpoint,
  withdrawNewsEndpoint,
  writeNewsEndpoint,
} from '../../../contract/news.ts';
import {
  createDraft,
  generateDraft,
  getCongressNews,
  getPublishedNews,
  listCongressNews,
  listPublishedNews,
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
import { implement } from '../route.ts';

// The announcements of a congress (contract: src/contract/news.ts): the secretariat (admin)
// generates drafts from the congress record (opening, closing, first-plenary communiqué, plenary
// decision) or writes one by hand, edits, publishes and withdraws them — each an audited write;
// anyone reads what is published. Templates are the whole system's, so changing them needs the
// administrator of every congress. The HTML portal's routes (src/adapters/http/portal) are listed
// here too.

export const newsApiRoutes = [
  implement(congressNewsEndpoint).with(async ({ context, params }) =>
    listCongressNews(context, params.congressId),
  ),
  implement(generateNewsEndpoint).with(async ({ context, actor, params, body }) =>
    generateDraft(context, actor, params.congressId, body),
  ),
  implement(writeNewsEndpoint).with(async ({ context, actor, params, body }) =>
    createDraft(context, actor, params.congressId, body),
  ),
  implement(previewNewsEndpoint).with(async ({ context, params, query }) =>
    previewNews(context, params.congressId, query.kind),
  ),
  implement(congressNewsItemEndpoint).with(async ({ context, params }) =>
    getCongressNews(context, params.congressId, params.newsId),
  ),
  implement(editNewsEndpoint).with(async ({ context, actor, params, body }) =>
    updateDraft(context, actor, params.congressId, params.newsId, body),
  ),
  implement(publishNewsEndpoint).with(async ({ context, actor, params }) =>
    publishNews(context, actor, params.congressId, params.newsId),
  ),
  implement(withdrawNewsEndpoint).with(async ({ context, actor, params }) =>
    withdrawNews(context, actor, params.congressId, params.newsId),
  ),
  implement(publishedNewsEndpoint).with(async ({ context, query }) => listPublishedNews(context, query)),
  implement(newsTemplatesEndpoint).with(async ({ context }) => listTemplates(context)),
  implement(saveNewsTemplateEndpoint).with(async ({ context, actor, params, body }) =>
    saveTemplate(context, actor, templateKey(params.kind, params.lang), body),
  ),
  implement(resetNewsTemplateEndpoint).with(async ({ context, actor, params }) =>
    resetTemplate(context, actor, templateKey(params.kind, params.lang)),
  ),
  implement(publishedNewsItemEndpoint).with(async ({ context, params }) =>
    getPublishedNews(context, params.newsId),
  ),
];

export const newsRoutes = [...newsApiRoutes, ...portalRoutes];
