import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { enVote } from '../../i18n/en-vote.ts';
import { initialLang, storeLang } from '../../i18n/lang-choice.ts';
import { bilingual, fillMessage, type Vars } from '../../i18n/message-format.ts';
import { type VoteMessageKey, zhVote } from '../../i18n/zh-vote.ts';
import type { ApiError } from '../../lib/api.ts';
import type { Lang } from '../../lib/format.ts';

// The language of the delegate's phone pages: the same choice as the console's (lang-choice.ts),
// but only the delegate's texts (zh-vote.ts, en-vote.ts), so the phone does not download the
// console's dictionaries. The compiler refuses a key these pages do not have.

export interface VoteI18n {
  readonly lang: Lang;
  setLang(lang: Lang): void;
  t(key: VoteMessageKey, vars?: Vars): string;
  /** A server text ({ en, zh }) or an ApiError in the active language. */
  tx(text: { readonly en: string; readonly zh: string } | ApiError | null | undefined): string;
}

const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<VoteMessageKey, string>>>> = {
  zh: zhVote,
  en: enVote,
};

const VoteI18nContext = createContext<VoteI18n | null>(null);

export function VoteI18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = DICTIONARIES[lang]['vote.title'];
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);
  const value = useMemo<VoteI18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => fillMessage(DICTIONARIES[lang][key] ?? zhVote[key], vars),
      tx: (text) => bilingual(text, lang),
    }),
    [lang, setLang],
  );
  return <VoteI18nContext.Provider value={value}>{children}</VoteI18nContext.Provider>;
}

export function useVoteI18n(): VoteI18n {
  const value = useContext(VoteI18nContext);
  if (!value) throw new Error('useVoteI18n outside VoteI18nProvider');
  return value;
}
