// An announcement in both languages: the record's values poured into the two templates of its
// kind, then tidied — paragraphs left empty by {{#if}} dropped, and in English every sentence
// begun with a capital (a value such as "the 6th CPC … Congress" may open a sentence).

import { DEFAULT_TEMPLATES, type NewsTemplate } from './default-templates.ts';
import type { NewsKind, NewsLang, NewsRecord, NewsText } from './record.ts';
import { parseTemplate, renderTemplate } from './template.ts';
import { newsValues } from './values.ts';

/** Paragraphs separated by one blank line; blank lines and empty paragraphs removed. */
export function tidyBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
        .filter((line) => line !== '')
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** One line, single spaces. */
export function tidyTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A capital at the start of every line and after a full stop: "the 6th …" → "The 6th …". */
export function capitaliseSentences(text: string): string {
  return text.replace(
    /(^|\n|[.!?] )([a-z])/g,
    (_, before: string, letter: string) => before + letter.toUpperCase(),
  );
}

export type NewsTemplates = Readonly<Record<NewsLang, NewsTemplate>>;

function renderOne(kind: NewsKind, record: NewsRecord, lang: NewsLang, template: NewsTemplate) {
  const values = newsValues(kind, record, lang);
  const title = tidyTitle(renderTemplate(parseTemplate(template.title), values));
  const body = tidyBody(renderTemplate(parseTemplate(template.body), values));
  return lang === 'en'
    ? { title: capitaliseSentences(title), body: capitaliseSentences(body) }
    : { title, body };
}

/**
 * The announcement of `kind` for the record, in Chinese and English. Throws NewsError when the
 * record cannot give it (no opening sitting…) and TemplateError when a template is unusable.
 */
export function generateNews(
  kind: NewsKind,
  record: NewsRecord,
  templates: NewsTemplates = DEFAULT_TEMPLATES[kind],
): NewsText {
  const zh = renderOne(kind, record, 'zh', templates.zh);
  const en = renderOne(kind, record, 'en', templates.en);
  return { titleZh: zh.title, bodyZh: zh.body, titleEn: en.title, bodyEn: en.body };
}
