import type { Kysely } from 'kysely';

// The news portal (src/services/news): announcements drafted from the congress record, edited by
// the secretariat, published and withdrawn; and the secretariat's replacements for the default
// templates. The defaults themselves live in the code (src/core/documents/news/default-templates.ts),
// not in rows written here: a migration is frozen in time, while the defaults may be improved, and
// a template row here means "the secretariat changed this one".

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and untyped
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('news_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null for an item that belongs to no congress.
    .addColumn('congress_id', 'text', (c) => c.references('congresses.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('images_json', 'text', (c) => c.notNull())
    .addColumn('links_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The portal lists published items newest first, by category.
  await db.schema
    .createIndex('news_items_published_index')
    .on('news_items')
    .columns(['status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('news_items_congress_index')
    .on('news_items')
    .columns(['congress_id'])
    .execute();

  await db.schema
    .createTable('news_templates')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title_template', 'text', (c) => c.notNull())
    .addColumn('body_template', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_templates_pk', ['kind', 'lang'])
    .execute();
}
