import type { Kysely } from 'kysely';
import type {
  NewsCategory,
  NewsImage,
  NewsItem,
  NewsLink,
  NewsPreview,
  PublicNewsItem,
  PublishedNews,
} from '../../contract/news.ts';
import {
  bodyNamesEn,
  generateNews,
  NewsError,
  type NewsKind,
  type NewsText,
  TemplateError,
} from '../../core/documents/news/index.ts';
import type { Office } from '../../core/rules/index.ts';
import type { CongressesTable } from '../../persistence/congress-schema.ts';
import { inTransaction, type WriteTransaction } from '../../persistence/index.ts';
import type { NewsItemsTable } from '../../persistence/news-schema.ts';
import type { Schema } from '../../persistence/schema.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import { congressRow, organisationRow } from '../congress/lookups.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound, ServiceError } from '../errors.ts';
import { meetingNewsRecord } from '../meetings/meeting-news-record.ts';
import { type AnnouncedElection, congressRecord, firstPlenaryOf, plenaryRecord } from './news-record.ts';
import { effectiveTemplates } from './news-templates.ts';

// The announcements of a congress as the secretariat handles them: a draft is generated from the
// congress record (or written by hand), edited, published, and may be withdrawn and published
// again. Every one of those steps is audited. The portal shows published items only; a page view
// adds one to the item's count in its own small transaction, without an audit entry. The views
// are the contract's (src/contract/news.ts).

export function newsItemView(row: NewsItemsTable): NewsItem {
  return {
    id: row.id,
    congressId: row.congress_id,
    kind: row.kind,
    category: row.category,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    bodyZh: row.body_zh,
    bodyEn: row.body_en,
    source: row.source,
    status: row.status,
    publishedAt: row.published_at,
    views: row.views,
    images: JSON.parse(row.images_json) as NewsImage[],
    links: JSON.parse(row.links_json) as NewsLink[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function publicNewsItem(row: NewsItemsTable): PublicNewsItem {
  const { status: _status, createdAt: _createdAt, ...rest } = newsItemView(row);
  return rest;
}

const DEFAULT_CATEGORY: Readonly<Record<NewsKind, NewsCategory>> = {
  opening: 'news',
  closing: 'news',
  'first-plenary': 'communique',
  'plenary-decision': 'news',
  'standing-committee-meeting': 'news',
  'plenary-session': 'news',
};

type Reader = Kysely<Schema>;

async function itemRow(db: Reader, congressId: string, newsId: string): Promise<NewsItemsTable> {
  const row = await db
    .selectFrom('news_items')
    .selectAll()
    .where('id', '=', newsId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!row) throw notFound('news item', '稿件');
  return row;
}

function mapGenerationError(error: unknown): never {
  if (error instanceof NewsError) throw conflict(error.code, error.en, error.zh);
  if (error instanceof TemplateError) {
    throw new ServiceError(
      422,
      'template-error',
      `the template cannot be used: ${error.message}`,
      `模板无法使用：${error.zh}`,
    );
  }
  throw error;
}

// Drafting --------------------------------------------------------------------------------------

const LIST_TITLES_EN: Partial<Record<Office, (term: number, en: ReturnType<typeof bodyNamesEn>) => string>> =
  {
    'committee-member': (term, en) => `Members of ${en.committee(term)}`,
    'alternate-member': (term, en) => `Alternate members of ${en.committee(term)}`,
    'discipline-member': (term, en) => `Members of ${en.discipline(term)}`,
    delegate: () => 'Delegates to the higher Party congress',
    'standing-committee': (term, en) => `Members of the Standing Committee of ${en.committee(term)}`,
    secretary: (term, en) => `Secretary of ${en.committee(term)}`,
    'deputy-secretary': (term, en) => `Deputy secretaries of ${en.committee(term)}`,
  };

/** Links to the official lists (PDF) of the elections whose results are announced. */
function listLinks(
  congressId: string,
  elections: readonly AnnouncedElection[],
  term: number,
  en: ReturnType<typeof bodyNamesEn>,
): NewsLink[] {
  return elections
    .filter((e) => LIST_TITLES_EN[e.office])
    .map((e) => ({
      url: `/api/congresses/${encodeURIComponent(congressId)}/elections/${encodeURIComponent(e.id)}/list.pdf`,
      titleZh: `${e.title}当选名单`,
      titleEn: `${LIST_TITLES_EN[e.office]!(term, en)}: the official list`,
    }));
}

interface Generated {
  readonly text: NewsText;
  readonly links: NewsLink[];
}

/** The announcement of `kind` for the congress (or plenary) named in the URL. */
async function generate(db: Reader, congress: CongressesTable, kind: NewsKind): Promise<Generated> {
  const templates = await effectiveTemplates(db, kind);
  const org = await organisationRow(db, congress.organisation_id);
  const en = bodyNamesEn({ locality: org.locality });
  try {
    if (kind === 'standing-committee-meeting' || kind === 'plenary-session') {
      // A meeting of the committee between congresses (§8): reported from its own record.
      return { text: generateNews(kind, await meetingNewsRecord(db, congress.id), templates), links: [] };
    }
    if (kind === 'opening' || kind === 'closing') {
      if (congress.kind !== 'congress') {
        throw new NewsError(
          'not-a-congress',
          `the ${kind} report is written for a congress, not a plenary session`,
          '开幕、闭幕报道只适用于代表大会',
        );
      }
      const { record, elections, firstPlenary } = await congressRecord(db, congress);
      const text = generateNews(kind, record, templates);
      if (kind === 'opening') return { text, links: [] };
      const links = listLinks(congress.id, elections, congress.number, en);
      if (firstPlenary)
        links.push(...listLinks(firstPlenary.id, firstPlenary.elections, congress.number, en));
      return { text, links };
    }
    // The first plenary's communiqué may be asked for from the congress that elected the committee.
    const plenary =
      congress.kind === 'congress' && kind === 'first-plenary'
        ? await firstPlenaryOf(db, congress)
        : congress;
    if (!plenary) {
      throw new NewsError(
        'no-first-plenary',
        'the first plenary session has not been prepared',
        '一次全会尚未筹备',
      );
    }
    if (plenary.kind !== 'plenary') {
      throw new NewsError(
        'not-a-plenary',
        'a plenary decision is reported from a plenary session',
        '全会报道只适用于委员会全体会议',
      );
    }
    const { record, elections } = await plenaryRecord(db, plenary);
    return {
      text: generateNews(kind, record, templates),
      links: listLinks(plenary.id, elections, plenary.number, en),
    };
  } catch (error) {
    return mapGenerationError(error);
  }
}

/** The text a draft of `kind` would have now, without storing anything. */
export async function previewNews(
  context: ServiceContext,
  congressId: string,
  kind: NewsKind,
): Promise<NewsPreview> {
  const db = context.database.db;
  const { text, links } = await generate(db, await congressRow(db, congressId), kind);
  return { ...text, links };
}

function defaultSource(kind: NewsKind, committeeShortName: string): string {
  const office =
    kind === 'plenary-decision' || kind === 'standing-committee-meeting' || kind === 'plenary-session';
  return office ? `${committeeShortName}办公室` : '大会秘书处';
}

async function insertItem(trx: WriteTransaction, row: NewsItemsTable): Promise<NewsItem> {
  await trx.insertInto('news_items').values(row).execute();
  return newsItemView(row);
}

/** A draft generated from the congress record through the templates of its kind. */
export async function generateDraft(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  input: { readonly kind: NewsKind; readonly category?: NewsCategory; readonly source?: string },
): Promise<NewsItem> {
  return auditedWrite(context, actor, async (trx, at) => {
    const congress = await congressRow(trx, congressId);
    const org = await organisationRow(trx, congress.organisation_id);
    const { text, links } = await generate(trx, congress, input.kind);
    const view = await insertItem(trx, {
      id: context.random.id(),
      congress_id: congressId,
      kind: input.kind,
      category: input.category ?? DEFAULT_CATEGORY[input.kind],
      title_zh: text.titleZh,
      title_en: text.titleEn,
      body_zh: text.bodyZh,
      body_en: text.bodyEn,
      source: input.source ?? defaultSource(input.kind, org.short_name),
      status: 'draft',
      published_at: null,
      views: 0,
      images_json: '[]',
      links_json: JSON.stringify(links),
      created_at: at,
      updated_at: at,
    });
    return {
      result: view,
      audit: {
        action: 'news.generate',
        subject: `news:${view.id}`,
        after: { congressId, kind: input.kind, titleZh: view.titleZh },
      },
    };
  });
}

export interface NewsFields {
  readonly category?: NewsCategory;
  readonly titleZh?: string;
  readonly titleEn?: string;
  readonly bodyZh?: string;
  readonly bodyEn?: string;
  readonly source?: string;
  readonly images?: readonly NewsImage[];
  readonly links?: readonly NewsLink[];
}

/** A draft written by hand: a notice (通知公告) or any item no template covers. */
export async function createDraft(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  input: NewsFields & { readonly category: NewsCategory; readonly titleZh: string; readonly bodyZh: string },
): Promise<NewsItem> {
  return auditedWrite(context, actor, async (trx, at) => {
    await congressRow(trx, congressId);
    const view = await insertItem(trx, {
      id: context.random.id(),
      congress_id: congressId,
      kind: 'custom',
      category: input.category,
      title_zh: input.titleZh,
      title_en: input.titleEn ?? '',
      body_zh: input.bodyZh,
      body_en: input.bodyEn ?? '',
      source: input.source ?? '大会秘书处',
      status: 'draft',
      published_at: null,
      views: 0,
      images_json: JSON.stringify(input.images ?? []),
      links_json: JSON.stringify(input.links ?? []),
      created_at: at,
      updated_at: at,
    });
    return { result: view, audit: { action: 'news.create', subject: `news:${view.id}`, after: view } };
  });
}

/** Edits a draft (or a withdrawn item); a published item must be withdrawn first. */
export async function updateDraft(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  newsId: string,
  patch: NewsFields,
): Promise<NewsItem> {
  return auditedWrite(context, actor, async (trx, at) => {
    const before = await itemRow(trx, congressId, newsId);
    if (before.status === 'published') {
      throw conflict('news-published', 'withdraw the item before editing it', '稿件已发布，请先撤回再修改');
    }
    const after: NewsItemsTable = {
      ...before,
      ...(patch.category !== undefined && { category: patch.category }),
      ...(patch.titleZh !== undefined && { title_zh: patch.titleZh }),
      ...(patch.titleEn !== undefined && { title_en: patch.titleEn }),
      ...(patch.bodyZh !== undefined && { body_zh: patch.bodyZh }),
      ...(patch.bodyEn !== undefined && { body_en: patch.bodyEn }),
      ...(patch.source !== undefined && { source: patch.source }),
      ...(patch.images !== undefined && { images_json: JSON.stringify(patch.images) }),
      ...(patch.links !== undefined && { links_json: JSON.stringify(patch.links) }),
      updated_at: at,
    };
    await trx.updateTable('news_items').set(after).where('id', '=', newsId).execute();
    return {
      result: newsItemView(after),
      audit: {
        action: 'news.edit',
        subject: `news:${newsId}`,
        before: newsItemView(before),
        after: newsItemView(after),
      },
    };
  });
}

async function changeStatus(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  newsId: string,
  to: 'published' | 'withdrawn',
): Promise<NewsItem> {
  const view = await auditedWrite(context, actor, async (trx, at) => {
    const before = await itemRow(trx, congressId, newsId);
    if (to === 'published') {
      if (before.status === 'published')
        throw conflict('news-published', 'the item is already published', '稿件已发布');
      if (before.title_zh.trim() === '' || before.body_zh.trim() === '') {
        throw conflict(
          'news-incomplete',
          'a published item needs a Chinese title and text',
          '发布的稿件须有中文标题和正文',
        );
      }
    } else if (before.status !== 'published') {
      throw conflict(
        'news-not-published',
        'only a published item can be withdrawn',
        '只有已发布的稿件才能撤回',
      );
    }
    const after: NewsItemsTable = {
      ...before,
      status: to,
      updated_at: at,
      ...(to === 'published' && { published_at: at }),
    };
    await trx
      .updateTable('news_items')
      .set({ status: after.status, published_at: after.published_at, updated_at: at })
      .where('id', '=', newsId)
      .execute();
    const result = newsItemView(after);
    return {
      result,
      audit: {
        action: to === 'published' ? 'news.publish' : 'news.withdraw',
        subject: `news:${newsId}`,
        before: { status: before.status, publishedAt: before.published_at },
        after: { status: after.status, publishedAt: after.published_at, titleZh: after.title_zh },
      },
      // Screens showing the congress learn of it once it has committed.
      events: [
        {
          type: 'news',
          congressId,
          data: { newsId, status: result.status, titleZh: result.titleZh, titleEn: result.titleEn },
        },
      ],
    };
  });
  return view;
}

export const publishNews = (context: ServiceContext, actor: Actor, congressId: string, newsId: string) =>
  changeStatus(context, actor, congressId, newsId, 'published');

export const withdrawNews = (context: ServiceContext, actor: Actor, congressId: string, newsId: string) =>
  changeStatus(context, actor, congressId, newsId, 'withdrawn');

// Reading ---------------------------------------------------------------------------------------

/** Every item of a congress, drafts included, newest first (the secretariat's list). */
export async function listCongressNews(context: ServiceContext, congressId: string): Promise<NewsItem[]> {
  const db = context.database.db;
  await congressRow(db, congressId);
  const rows = await db
    .selectFrom('news_items')
    .selectAll()
    .where('congress_id', '=', congressId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(newsItemView);
}

export async function getCongressNews(
  context: ServiceContext,
  congressId: string,
  newsId: string,
): Promise<NewsItem> {
  return newsItemView(await itemRow(context.database.db, congressId, newsId));
}

export interface PublishedQuery {
  readonly category?: NewsCategory;
  readonly congressId?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** Published items, newest first, with how many there are in all. */
export async function listPublishedNews(
  context: ServiceContext,
  query: PublishedQuery = {},
): Promise<PublishedNews> {
  const db = context.database.db;
  let base = db.selectFrom('news_items').where('status', '=', 'published');
  if (query.category) base = base.where('category', '=', query.category);
  if (query.congressId) base = base.where('congress_id', '=', query.congressId);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .limit(query.limit ?? 20)
    .offset(query.offset ?? 0)
    .execute();
  return { items: rows.map(publicNewsItem), total: Number(total.n) };
}

/** A published item, or 404 (a draft or a withdrawn item is not there for the public). */
async function publishedRow(db: Reader, newsId: string): Promise<NewsItemsTable> {
  const row = await db
    .selectFrom('news_items')
    .selectAll()
    .where('id', '=', newsId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!row) throw notFound('news item', '稿件');
  return row;
}

export async function getPublishedNews(context: ServiceContext, newsId: string): Promise<PublicNewsItem> {
  return publicNewsItem(await publishedRow(context.database.db, newsId));
}

/**
 * A page view: one more on the count of a published item, in its own small transaction and without
 * an audit entry (a view changes nothing anyone answers for). Returns the item as counted.
 */
export async function recordView(context: ServiceContext, newsId: string): Promise<PublicNewsItem> {
  const row = await inTransaction(context.database, async (trx) => {
    await trx
      .updateTable('news_items')
      .set((eb) => ({ views: eb('views', '+', 1) }))
      .where('id', '=', newsId)
      .where('status', '=', 'published')
      .execute();
    return publishedRow(trx, newsId);
  });
  return publicNewsItem(row);
}
