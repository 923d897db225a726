import type { Lang } from '../lib/format.ts';

// The language a visitor chose: Chinese unless English was chosen (kept in localStorage, or
// ?lang=en in the address). The console and the light voting page read the same choice.

const STORAGE_KEY = 'plenum.lang';

export function initialLang(): Lang {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'zh') {
    localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function storeLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
}
