// The announcements of a congress and its plenaries (开幕, 闭幕, 一次全会公报, 全会决定) and of the
// committee's meetings between congresses (常委会会议, 全体（扩大）会议), generated from a record
// through editable templates, in Chinese and English. Pure: no I/O.

// One implementation, in core/text so that the web's editor uses it too.
export { hasUntranslated, type UntranslatedSpan, untranslatedSpans } from '../../text/untranslated.ts';
export { DEFAULT_TEMPLATES, type NewsTemplate } from './default-templates.ts';
export { electedNames } from './elected.ts';
export { bodyNamesEn, capacityEn, englishOrdinal, personNameEn, placeEn } from './english.ts';
export { NewsError } from './errors.ts';
export { capitaliseSentences, generateNews, type NewsTemplates, tidyBody, tidyTitle } from './generate.ts';
export { knownPaths, type PlaceholderInfo, placeholderCatalogue } from './placeholders.ts';
export * from './record.ts';
export {
  checkPlaceholders,
  escapeHtml,
  MAX_TEMPLATE_LENGTH,
  type ParsedTemplate,
  parseTemplate,
  renderTemplate,
  TemplateError,
  type TemplateValues,
  templatePlaceholders,
  valuePaths,
} from './template.ts';
export { newsValues } from './values.ts';
