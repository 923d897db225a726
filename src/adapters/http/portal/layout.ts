import type { NewsCategory } from '../../../contract/news.ts';
import { html, SafeHtml } from './html.ts';
import { CATEGORY_NAMES, CATEGORY_ORDER, type PortalLang, WORDS } from './portal-text.ts';

// The page shell of the public portal: a red header band with the site's name, the categories,
// the language switch, and a footer with the feeds. No script at all; the style sheet is inline so
// one response is the whole page (the policy below allows nothing else to run).

export const PORTAL_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' https: data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f4f1ec;color:#222;font:16px/1.8 "Noto Sans SC","PingFang SC","Microsoft YaHei","Source Han Sans SC",sans-serif}
html[lang=en] body,.body[lang=en]{font-family:"Helvetica Neue",Arial,"Segoe UI","DejaVu Sans","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
a{color:#a4121b;text-decoration:none}
a:hover,a:focus{text-decoration:underline}
.band{background:linear-gradient(#d7141d,#b70f18);color:#fff;border-bottom:4px solid #f3c65f}
.band .wrap{display:flex;align-items:center;justify-content:space-between;gap:1rem;padding:1.1rem 1rem}
.brand{color:#fff;font:700 1.75rem/1.2 "Noto Serif SC","Songti SC","SimSun",serif;letter-spacing:.08em}
.brand small{display:block;font:400 .85rem/1.4 sans-serif;letter-spacing:.02em;opacity:.9}
.lang{color:#fff;border:1px solid rgba(255,255,255,.7);border-radius:3px;padding:.15rem .7rem;white-space:nowrap}
nav.menu{background:#8f0d14}
nav.menu .wrap{display:flex;flex-wrap:wrap;padding:0 .5rem}
nav.menu a{color:#fff;padding:.55rem .9rem;display:block}
nav.menu a[aria-current]{background:#6d0a10;font-weight:700}
.wrap{max-width:1000px;margin:0 auto}
main.wrap{background:#fff;padding:1.25rem 1.5rem 2rem;min-height:60vh}
.crumbs{font-size:.9rem;color:#666;border-bottom:1px solid #eee;padding-bottom:.5rem;margin-bottom:1rem}
h1.title{font:700 1.6rem/1.5 "Noto Serif SC","Songti SC","SimSun",serif;color:#1d1d1d;text-align:center;margin:.5rem 0 .75rem}
.meta{text-align:center;color:#777;font-size:.88rem;border-bottom:1px dashed #ddd;padding-bottom:.75rem;margin-bottom:1.25rem}
.meta span{margin:0 .6rem;display:inline-block}
.body p{margin:0 0 1em;text-indent:2em;text-align:justify}
.body[lang=en] p{text-indent:0;text-align:left}
.body p.lines{text-indent:0;text-align:left}
.body p.lines::first-line{font-weight:700}
.body ul.names{list-style:none;margin:-.6em 0 1em;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5em,1fr));column-gap:1em}
.body ul.names li,.body .name{white-space:nowrap}
.note{background:#fff8e5;border-left:3px solid #f3c65f;padding:.5rem .8rem;font-size:.9rem;color:#6b5300}
figure{margin:1.25rem auto;text-align:center}
figure img{max-width:100%;height:auto}
figcaption{font-size:.88rem;color:#555;margin-top:.35rem}
.docs{border-top:1px solid #eee;margin-top:1.5rem;padding-top:.75rem}
.docs h2{font-size:1rem;color:#a4121b;margin:0 0 .4rem}
.docs ul{margin:0;padding-left:1.2rem}
ul.items{list-style:none;margin:0;padding:0}
ul.items li{display:flex;justify-content:space-between;gap:1rem;border-bottom:1px dotted #ddd;padding:.55rem 0}
ul.items li a{flex:1}
ul.items .tag{color:#a4121b;font-size:.85rem;margin-right:.4rem}
ul.items time{color:#888;font-size:.9rem;white-space:nowrap}
.pager{display:flex;justify-content:space-between;margin-top:1rem;font-size:.9rem;color:#666}
footer{color:#666;font-size:.85rem;text-align:center;padding:1.25rem 1rem 2rem}
footer a{margin:0 .3rem}
@media (max-width:640px){
 .band .wrap{padding:.8rem}
 .brand{font-size:1.3rem}
 main.wrap{padding:1rem}
 h1.title{font-size:1.3rem}
 ul.items li{flex-direction:column;gap:0}
}
`;

/** The URL of the current page in the other language (keeps category and page). */
function switchUrl(
  path: string,
  query: Readonly<Record<string, string | undefined>>,
  lang: PortalLang,
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && key !== 'lang') params.set(key, value);
  if (lang === 'zh') params.set('lang', 'en');
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** A portal link in the page's language. */
export function portalHref(
  path: string,
  lang: PortalLang,
  params: Readonly<Record<string, string | undefined>> = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  if (lang === 'en') search.set('lang', 'en');
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export interface PageOptions {
  readonly lang: PortalLang;
  readonly title: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | undefined>>;
  /** The category the page belongs to, highlighted in the menu. */
  readonly current?: NewsCategory | 'home';
  readonly content: SafeHtml;
}

export function page(options: PageOptions): string {
  const { lang } = options;
  const words = WORDS[lang];
  const menu = [
    html`<a href="${portalHref('/news', lang)}"${options.current === 'home' ? html` aria-current="page"` : ''}>${words.home}</a>`,
    ...CATEGORY_ORDER.map(
      (category) =>
        html`<a href="${portalHref('/news', lang, { category })}"${options.current === category ? html` aria-current="page"` : ''}>${CATEGORY_NAMES[category][lang]}</a>`,
    ),
  ];
  const document = html`<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23b71c1c'/%3E%3Cpath d='M16 5l3.2 7.6 8.2.7-6.2 5.4 1.9 8L16 22.5 8.9 26.7l1.9-8-6.2-5.4 8.2-.7z' fill='%23f6d365'/%3E%3C/svg%3E">
<title>${options.title} - ${words.site}</title>
<link rel="alternate" type="application/atom+xml" title="${words.site} (Atom)" href="${portalHref('/news/feed.xml', lang)}">
<link rel="alternate" type="application/rss+xml" title="${words.site} (RSS)" href="${portalHref('/news/rss.xml', lang)}">
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<header class="band"><div class="wrap">
<a class="brand" href="${portalHref('/news', lang)}">${words.site}<small>${words.tagline}</small></a>
<a class="lang" href="${switchUrl(options.path, options.query, lang)}" hreflang="${lang === 'zh' ? 'en' : 'zh-CN'}" lang="${lang === 'zh' ? 'en' : 'zh-CN'}">${words.otherLanguage}</a>
</div></header>
<nav class="menu" aria-label="${lang === 'zh' ? '栏目' : 'Sections'}"><div class="wrap">${menu}</div></nav>
<main class="wrap">
${options.content}
</main>
<footer>${words.footer} · ${words.feeds}<a href="${portalHref('/news/feed.xml', lang)}">Atom</a><a href="${portalHref('/news/rss.xml', lang)}">RSS</a></footer>
</body>
</html>
`;
  return document.value;
}
