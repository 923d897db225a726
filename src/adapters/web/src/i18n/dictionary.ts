import type { Lang } from '../lib/format.ts';
import { en } from './en.ts';
import { type MessageKey, zh } from './zh.ts';

// The dictionaries and the translate function, without React (tests import this module).

export type { MessageKey } from './zh.ts';
export type Vars = Readonly<Record<string, string | number>>;

export const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { zh, en };

/** The placeholders a message uses ({n}, {name}), sorted. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export function translate(lang: Lang, key: MessageKey, vars: Vars = {}): string {
  const message = DICTIONARIES[lang][key] ?? DICTIONARIES.zh[key] ?? key;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A text the API sent in both languages ({ en, zh }), in the active one. */
export function bilingual(
  text: { readonly en: string; readonly zh: string } | null | undefined,
  lang: Lang,
): string {
  if (!text) return '';
  return lang === 'zh' ? text.zh || text.en : text.en || text.zh;
}
