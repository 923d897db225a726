import type { NewsCategory, PublicNewsItem } from '../../../contract/news.ts';
import { html, paragraphs, safeUrl } from './html.ts';
import { page, portalHref } from './layout.ts';
import { CATEGORY_NAMES, type PortalLang, portalDate, portalTime, sourceIn, WORDS } from './portal-text.ts';

// The portal's pages: the list of published items (all, or one category) and an item with its
// breadcrumb (位置：首页 > 要闻动态), title, 发布时间, 信息来源, 浏览次数, images with captions, the
// text, and links to the official lists.

/** An item's title and text in the page's language; English falls back to Chinese when missing. */
export function itemText(
  item: PublicNewsItem,
  lang: PortalLang,
): { title: string; body: string; translated: boolean } {
  if (lang === 'en' && item.titleEn.trim() !== '' && item.bodyEn.trim() !== '') {
    return { title: item.titleEn, body: item.bodyEn, translated: true };
  }
  return { title: item.titleZh, body: item.bodyZh, translated: lang === 'zh' };
}

export interface ListPage {
  readonly items: readonly PublicNewsItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly category: NewsCategory | undefined;
}

export function listPage(lang: PortalLang, list: ListPage): string {
  const words = WORDS[lang];
  const heading = list.category ? CATEGORY_NAMES[list.category][lang] : words.all;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const link = (n: number) =>
    portalHref('/news', lang, { category: list.category, page: n > 1 ? String(n) : undefined });
  const content = html`<nav class="crumbs" aria-label="breadcrumb">${words.location}<a href="${portalHref('/news', lang)}">${words.home}</a>${
    list.category ? html` &gt; <a href="${link(1)}">${heading}</a>` : ''
  }</nav>
<h1 class="title">${heading}</h1>
${
  list.items.length === 0
    ? html`<p>${words.empty}</p>`
    : html`<ul class="items">${list.items.map((item) => {
        const text = itemText(item, lang);
        return html`
<li><a href="${portalHref(`/news/${encodeURIComponent(item.id)}`, lang)}">${list.category ? '' : html`<span class="tag">[${CATEGORY_NAMES[item.category][lang]}]</span>`}${text.title}</a><time datetime="${item.publishedAt ?? ''}">${portalDate(item.publishedAt)}</time></li>`;
      })}
</ul>`
}
<div class="pager"><span>${list.page > 1 ? html`<a href="${link(list.page - 1)}" rel="prev">${words.previous}</a>` : ''}</span><span>${words.page(
    Math.min(list.page, pages),
    pages,
  )}</span><span>${list.page < pages ? html`<a href="${link(list.page + 1)}" rel="next">${words.next}</a>` : ''}</span></div>`;
  return page({
    lang,
    title: heading,
    path: '/news',
    query: { category: list.category, page: list.page > 1 ? String(list.page) : undefined },
    current: list.category ?? 'home',
    content,
  });
}

export function itemPage(lang: PortalLang, item: PublicNewsItem): string {
  const words = WORDS[lang];
  const text = itemText(item, lang);
  const category = CATEGORY_NAMES[item.category][lang];
  const images = item.images.flatMap((image) => {
    const src = safeUrl(image.url);
    if (!src) return [];
    const caption = lang === 'en' && image.captionEn ? image.captionEn : image.captionZh;
    return [
      html`<figure><img src="${src}" alt="${caption}" loading="lazy">${caption ? html`<figcaption>${caption}</figcaption>` : ''}</figure>`,
    ];
  });
  const links = item.links.flatMap((link) => {
    const href = safeUrl(link.url);
    if (!href) return [];
    const title = lang === 'en' && link.titleEn ? link.titleEn : link.titleZh;
    const pdf = /\.pdf$/i.test(href) ? ' (PDF)' : '';
    return [html`<li><a href="${href}">${title}</a>${pdf}</li>`];
  });
  const content = html`<nav class="crumbs" aria-label="breadcrumb">${words.location}<a href="${portalHref('/news', lang)}">${words.home}</a> &gt; <a href="${portalHref('/news', lang, { category: item.category })}">${category}</a></nav>
<article>
<h1 class="title">${text.title}</h1>
<div class="meta"><span>${words.published}${portalTime(item.publishedAt)}</span><span>${words.source}${sourceIn(item.source, lang)}</span><span>${words.views}${item.views}</span></div>
${lang === 'en' && !text.translated ? html`<p class="note">${words.untranslated}</p>` : ''}
${images}
<div class="body" lang="${text.translated && lang === 'en' ? 'en' : 'zh-CN'}">
${paragraphs(text.body)}</div>
${links.length > 0 ? html`<section class="docs"><h2>${words.documents}</h2><ul>${links}</ul></section>` : ''}
</article>`;
  return page({
    lang,
    title: text.title,
    path: `/news/${encodeURIComponent(item.id)}`,
    query: {},
    current: item.category,
    content,
  });
}

export function notFoundPage(lang: PortalLang): string {
  const words = WORDS[lang];
  const content = html`<nav class="crumbs" aria-label="breadcrumb">${words.location}<a href="${portalHref('/news', lang)}">${words.home}</a></nav>
<h1 class="title">${words.notFoundTitle}</h1>
<p>${words.notFound}</p>
<p><a href="${portalHref('/news', lang)}">${words.home}</a></p>`;
  return page({ lang, title: words.notFoundTitle, path: '/news', query: {}, content });
}
