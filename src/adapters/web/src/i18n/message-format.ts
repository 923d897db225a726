import type { Lang } from '../lib/format.ts';

// Filling a message's placeholders, and picking a server text's language: no dictionary here, so
// the light voting page (with its own small dictionary) and the console share the same rules.

export type Vars = Readonly<Record<string, string | number>>;

/**
 * A placeholder: {n}, or a word that agrees with a count, {n|seat|seats} (English: the first form
 * for exactly 1, the second otherwise), so that English never says "1 seats".
 */
export const PLACEHOLDER = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

/** The message with its placeholders filled from vars; an unknown placeholder stays as written. */
export function fillMessage(message: string, vars: Vars = {}): string {
  return message.replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string) => {
    if (!(name in vars)) return whole;
    if (one === undefined) return String(vars[name]);
    return Number(vars[name]) === 1 ? one : (other ?? one);
  });
}

/** A text the API sent in both languages ({ en, zh }), in the active one. */
export function bilingual(
  text: { readonly en: string; readonly zh: string } | null | undefined,
  lang: Lang,
): string {
  if (!text) return '';
  return lang === 'zh' ? text.zh || text.en : text.en || text.zh;
}
