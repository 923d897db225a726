import type { Lang } from '../lib/format.ts';
import { en } from './en.ts';
import { bilingual, fillMessage, PLACEHOLDER, type Vars } from './message-format.ts';
import { type MessageKey, zh } from './zh.ts';

// The dictionaries and the translate function, without React (tests import this module).
// Placeholders ({n}, {n|seat|seats}) are filled by message-format.ts.

export type { MessageKey } from './zh.ts';
export { bilingual, type Vars };

export const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { zh, en };

/** The values a message uses ({n}, {name}; {n|seat|seats} uses n), sorted, each once. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

export function translate(lang: Lang, key: MessageKey, vars: Vars = {}): string {
  const message = DICTIONARIES[lang][key] ?? DICTIONARIES.zh[key] ?? key;
  return fillMessage(message, vars);
}
