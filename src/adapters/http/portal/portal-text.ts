// The portal's own words in its two languages, and how its times are written.
import type { NewsCategory } from '../../../contract/news.ts';

export type PortalLang = 'zh' | 'en';

/** ?lang=en gives English; anything else (or nothing) the default, Chinese. */
export function portalLang(value: unknown): PortalLang {
  return value === 'en' ? 'en' : 'zh';
}

export const CATEGORY_ORDER: readonly NewsCategory[] = ['news', 'communique', 'notice'];

export function isCategory(value: unknown): value is NewsCategory {
  return typeof value === 'string' && (CATEGORY_ORDER as readonly string[]).includes(value);
}

export const CATEGORY_NAMES: Readonly<Record<NewsCategory, Readonly<Record<PortalLang, string>>>> = {
  news: { zh: '要闻动态', en: 'News' },
  communique: { zh: '大会公报', en: 'Communiqués' },
  notice: { zh: '通知公告', en: 'Notices' },
};

export const WORDS = {
  zh: {
    site: '党代会新闻中心',
    tagline: '中国共产党代表大会和全体会议新闻发布',
    home: '首页',
    location: '位置：',
    published: '发布时间：',
    source: '信息来源：',
    views: '浏览次数：',
    documents: '相关文件',
    all: '最新发布',
    empty: '暂无已发布的稿件。',
    previous: '上一页',
    next: '下一页',
    page: (n: number, of: number) => `第${n}页，共${of}页`,
    otherLanguage: 'English',
    notFound: '您访问的稿件不存在或已撤回。',
    notFoundTitle: '页面不存在',
    untranslated: '',
    feeds: '订阅：',
    footer: '本站由大会秘书处发布',
  },
  en: {
    site: 'Party Congress News',
    tagline: 'News of Party congresses and committee plenary sessions',
    home: 'Home',
    location: 'You are here: ',
    published: 'Published: ',
    source: 'Source: ',
    views: 'Views: ',
    documents: 'Documents',
    all: 'Latest',
    empty: 'Nothing has been published yet.',
    previous: 'Previous',
    next: 'Next',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    otherLanguage: '中文',
    notFound: 'The item you asked for does not exist or has been withdrawn.',
    notFoundTitle: 'Not found',
    untranslated: 'No English version of this item has been published; the Chinese text follows.',
    feeds: 'Feeds: ',
    footer: 'Published by the secretariat of the congress',
  },
} as const;

/** Sources the English edition names in English. */
const SOURCES_EN: Readonly<Record<string, string>> = {
  大会秘书处: 'Secretariat of the congress',
};

export function sourceIn(source: string, lang: PortalLang): string {
  return lang === 'en' ? (SOURCES_EN[source] ?? source) : source;
}

/** 2026-11-28 10:20 in China Standard Time, as the portal's 发布时间 shows it. */
export function portalTime(isoUtc: string | null): string {
  if (!isoUtc) return '';
  const local = new Date(Date.parse(isoUtc) + 480 * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** 2026-11-28: the date in a list. */
export function portalDate(isoUtc: string | null): string {
  return portalTime(isoUtc).slice(0, 10);
}
