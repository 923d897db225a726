import type { Kysely } from 'kysely';
import type { NewsTemplate } from '../../contract/news.ts';
import {
  checkPlaceholders,
  DEFAULT_TEMPLATES,
  knownPaths,
  NEWS_KINDS,
  NEWS_LANGS,
  type NewsKind,
  type NewsLang,
  type NewsTemplates,
  parseTemplate,
  placeholderCatalogue,
  TemplateError,
} from '../../core/documents/news/index.ts';
import type { NewsTemplatesTable } from '../../persistence/news-schema.ts';
import type { Schema } from '../../persistence/schema.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { InputError } from '../input-error.ts';

// The templates of the announcements: the defaults in the code, replaced kind by kind and language
// by language by the secretariat (news_templates). A template is checked when it is saved — its
// tags must parse and every placeholder must be one its kind has — so drafting never meets a
// broken template. Saving and resetting are audited.

type Reader = Kysely<Schema>;
type TemplateKey = { readonly kind: NewsKind; readonly lang: NewsLang };

/** The kind and language named in a URL, or 404. */
export function templateKey(kind: string, lang: string): TemplateKey {
  if (
    !(NEWS_KINDS as readonly string[]).includes(kind) ||
    !(NEWS_LANGS as readonly string[]).includes(lang)
  ) {
    throw notFound('template', '模板');
  }
  return { kind: kind as NewsKind, lang: lang as NewsLang };
}

/** The template in force: the secretariat's row, or the default when there is none. */
function templateView(key: TemplateKey, row: NewsTemplatesTable | undefined): NewsTemplate {
  const template = row
    ? { title: row.title_template, body: row.body_template }
    : DEFAULT_TEMPLATES[key.kind][key.lang];
  return {
    ...key,
    ...template,
    isDefault: !row,
    updatedAt: row?.updated_at ?? null,
    placeholders: [...placeholderCatalogue(key.kind)],
  };
}

async function storedTemplate(db: Reader, key: TemplateKey): Promise<NewsTemplatesTable | undefined> {
  return db
    .selectFrom('news_templates')
    .selectAll()
    .where('kind', '=', key.kind)
    .where('lang', '=', key.lang)
    .executeTakeFirst();
}

/** The templates in force for a kind, in both languages. */
export async function effectiveTemplates(db: Reader, kind: NewsKind): Promise<NewsTemplates> {
  const rows = await db.selectFrom('news_templates').selectAll().where('kind', '=', kind).execute();
  const pick = (lang: NewsLang) => {
    const { title, body } = templateView(
      { kind, lang },
      rows.find((r) => r.lang === lang),
    );
    return { title, body };
  };
  return { zh: pick('zh'), en: pick('en') };
}

export async function listTemplates(context: ServiceContext): Promise<NewsTemplate[]> {
  const rows = await context.database.db.selectFrom('news_templates').selectAll().execute();
  return NEWS_KINDS.flatMap((kind) =>
    NEWS_LANGS.map((lang) =>
      templateView(
        { kind, lang },
        rows.find((r) => r.kind === kind && r.lang === lang),
      ),
    ),
  );
}

/** A template that cannot be used, as an InputError naming the field, the place and the problem. */
function checkTemplate(kind: NewsKind, field: 'title' | 'body', source: string): void {
  try {
    checkPlaceholders(parseTemplate(source), knownPaths(kind));
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const { line, column } = error.position;
    throw new InputError(
      field,
      `${error.en} (line ${line}, column ${column})`,
      `${error.zh}（第${line}行第${column}列）`,
    );
  }
}

export async function saveTemplate(
  context: ServiceContext,
  actor: Actor,
  key: TemplateKey,
  input: { readonly title: string; readonly body: string },
): Promise<NewsTemplate> {
  checkTemplate(key.kind, 'title', input.title);
  checkTemplate(key.kind, 'body', input.body);
  return auditedWrite(context, actor, async (trx, at) => {
    const before = await storedTemplate(trx, key);
    const row: NewsTemplatesTable = {
      ...key,
      title_template: input.title,
      body_template: input.body,
      updated_at: at,
    };
    if (before) {
      await trx
        .updateTable('news_templates')
        .set(row)
        .where('kind', '=', key.kind)
        .where('lang', '=', key.lang)
        .execute();
    } else {
      await trx.insertInto('news_templates').values(row).execute();
    }
    const { title, body, isDefault } = templateView(key, before);
    return {
      result: templateView(key, row),
      audit: {
        action: 'news.template.save',
        subject: `news-template:${key.kind}:${key.lang}`,
        before: { title, body, isDefault },
        after: { title: input.title, body: input.body },
      },
    };
  });
}

/** Back to the built-in default. */
export async function resetTemplate(
  context: ServiceContext,
  actor: Actor,
  key: TemplateKey,
): Promise<NewsTemplate> {
  return auditedWrite(context, actor, async (trx) => {
    const before = await storedTemplate(trx, key);
    if (before) {
      await trx
        .deleteFrom('news_templates')
        .where('kind', '=', key.kind)
        .where('lang', '=', key.lang)
        .execute();
    }
    return {
      result: templateView(key, undefined),
      audit: {
        action: 'news.template.reset',
        subject: `news-template:${key.kind}:${key.lang}`,
        before: before ? { title: before.title_template, body: before.body_template } : null,
        after: { isDefault: true },
      },
    };
  });
}
