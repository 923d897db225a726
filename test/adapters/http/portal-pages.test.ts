import { SaxesParser } from 'saxes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xmlText } from '../../../src/adapters/http/portal/feeds.ts';
import { escapeHtml } from '../../../src/core/documents/news/index.ts';
import {
  createDraft,
  generateDraft,
  publishNews,
  withdrawNews,
} from '../../../src/services/news/news-items.ts';
import { CONGRESS, seedNewsCongress } from '../../services/news/fixtures.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { SYSTEM, type TestApp, testApp } from '../../support/http.ts';

/** The page's text without tags, entities decoded: what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Parses an XML document (saxes: the strict, namespace-aware parser exceljs reads workbooks with)
 * and returns its elements' names and texts in document order; throws on anything not well-formed.
 */
function parseXml(xml: string): { name: string; text: string; attributes: Record<string, string> }[] {
  const parser = new SaxesParser({ xmlns: true });
  const elements: { name: string; text: string; attributes: Record<string, string> }[] = [];
  const open: { name: string; text: string; attributes: Record<string, string> }[] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes))
      attributes[name] = typeof attribute === 'string' ? attribute : attribute.value;
    const element = { name: tag.name, text: '', attributes };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    const top = open.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(xml).close();
  return elements;
}

describeEachDatabase('news portal', (target) => {
  let test: TestApp;
  let opening: string;

  beforeEach(async () => {
    const database = await openMigrated(target);
    await seedNewsCongress(database);
    test = await testApp(database);
    const draft = await generateDraft(test.context, SYSTEM, CONGRESS, { kind: 'opening' });
    opening = draft.id;
    await publishNews(test.context, SYSTEM, CONGRESS, opening);
  });
  afterEach(async () => test?.close());

  const get = (url: string) => test.app.inject({ method: 'GET', url });

  it('/news lists the published items, newest first, by category, without any script', async () => {
    test.clock.advance(3_600_000);
    const notice = await createDraft(test.context, SYSTEM, CONGRESS, {
      category: 'notice',
      titleZh: '关于大会期间交通安排的通知',
      bodyZh: '各代表团：……',
    });
    await publishNews(test.context, SYSTEM, CONGRESS, notice.id);
    const unpublished = await createDraft(test.context, SYSTEM, CONGRESS, {
      category: 'notice',
      titleZh: '尚未发布的草稿',
      bodyZh: '……',
    });

    const response = await get('/news');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    // Its icon is inline, as the console's: the browser asks for no /favicon.ico (a 404).
    expect(response.body).toContain('<link rel="icon" href="data:image/svg+xml,');
    const html = response.body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).not.toMatch(/<script/i);
    const text = visibleText(html);
    expect(text).toContain('党代会新闻中心');
    expect(text).toContain('[要闻动态]中国共产党通辽市第六次代表大会隆重开幕');
    expect(text).toContain('[通知公告]关于大会期间交通安排的通知');
    expect(text.indexOf('关于大会期间交通安排的通知')).toBeLessThan(text.indexOf('隆重开幕'));
    expect(text).not.toContain(unpublished.titleZh);
    expect(html).toContain(`href="/news/${opening}"`);
    expect(html).toContain('href="/news?lang=en"');

    const notices = visibleText((await get('/news?category=notice')).body);
    expect(notices).toContain('位置：首页 > 通知公告');
    expect(notices).toContain('关于大会期间交通安排的通知');
    expect(notices).not.toContain('隆重开幕');
    // Lenient with what a browser may send.
    expect((await get('/news?category=nonsense&page=abc&lang=fr')).statusCode).toBe(200);
    expect((await get('/news?lang=en&lang=zh&page=2&page=3')).statusCode).toBe(200);
  });

  it('/news/:id shows the breadcrumb, title, time, source and views, counting each view', async () => {
    const first = await get(`/news/${opening}`);
    expect(first.statusCode).toBe(200);
    const text = visibleText(first.body);
    expect(text).toContain('位置：首页 > 要闻动态');
    expect(text).toContain('中国共产党通辽市第六次代表大会隆重开幕');
    // Published at 01:00Z on the test clock: 09:00 in the hall.
    expect(text).toContain('发布时间：2026-09-27 09:00');
    expect(text).toContain('信息来源：大会秘书处');
    expect(text).toContain('浏览次数：1');
    expect(text).toContain('本次大会应到代表12名，因事因病请假3人，实到代表9名，符合法定人数。');
    expect(first.body).toContain(
      '<p>9月27日上午，中国共产党通辽市第六次代表大会在市行政中心大礼堂隆重开幕。</p>',
    );
    expect(visibleText((await get(`/news/${opening}`)).body)).toContain('浏览次数：2');
    expect((await test.app.inject({ method: 'HEAD', url: `/news/${opening}` })).statusCode).toBe(200);
    const row = await test.context.database.db
      .selectFrom('news_items')
      .select('views')
      .where('id', '=', opening)
      .executeTakeFirstOrThrow();
    expect(row.views).toBe(2);

    const english = visibleText((await get(`/news/${opening}?lang=en`)).body);
    expect(english).toContain('You are here: Home > News');
    expect(english).toContain('The 6th CPC Tongliao Municipal Congress opens');
    expect(english).toContain('Published: 2026-09-27 09:00');
    expect(english).toContain('Source: Secretariat of the congress');
    expect(english).toContain('Views: 3');
    expect(english).toContain('12 delegates were expected, 3 were on leave, 9 attended; the quorum was met.');
  });

  it('shows images with captions and links to the official lists', async () => {
    const closing = await generateDraft(test.context, SYSTEM, CONGRESS, { kind: 'closing' });
    const db = test.context.database.db;
    await db
      .updateTable('news_items')
      .set({
        images_json: JSON.stringify([
          { url: '/photos/hall.jpg', captionZh: '闭幕大会会场', captionEn: 'The closing sitting' },
        ]),
      })
      .where('id', '=', closing.id)
      .execute();
    await publishNews(test.context, SYSTEM, CONGRESS, closing.id);
    const html = (await get(`/news/${closing.id}`)).body;
    expect(html).toContain(
      '<figure><img src="/photos/hall.jpg" alt="闭幕大会会场" loading="lazy"><figcaption>闭幕大会会场</figcaption></figure>',
    );
    expect(html).toContain(
      `<a href="/api/congresses/${CONGRESS}/elections/e-committee/list.pdf">中国共产党通辽市第六届委员会委员当选名单</a> (PDF)`,
    );
    expect(visibleText(html)).toContain('相关文件');
    // The list as the press sets it: in columns, whole names, two-character names padded.
    expect(html).toContain(
      '<p class="lines">中国共产党通辽市第六届委员会委员名单<br>（3名，按姓氏笔画为序）</p>\n<ul class="names"><li>丁　宁</li><li>于　波</li><li>马慧吉</li></ul>',
    );
  });

  it('escapes every text it prints', async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const item = await createDraft(test.context, SYSTEM, CONGRESS, {
      category: 'news',
      titleZh: evil,
      bodyZh: `第一段${evil}\n\n第二段 & "引号"`,
      source: `秘书处${evil}`,
      images: [
        { url: '/photo.jpg" onerror="alert(1)', captionZh: evil, captionEn: '' },
        { url: '/ok.jpg', captionZh: evil, captionEn: '' },
      ],
      links: [{ url: 'javascript:alert(1)', titleZh: evil, titleEn: '' }],
    });
    await publishNews(test.context, SYSTEM, CONGRESS, item.id);
    for (const url of [`/news/${item.id}`, '/news', '/news?lang=en']) {
      const html = (await get(url)).body;
      expect(html, url).not.toContain('<script>');
      expect(html, url).not.toContain('<img src=x');
      expect(html, url).not.toContain('javascript:');
      expect(html, url).not.toContain('onerror="alert');
      expect(html, url).toContain(escapeHtml('<script>alert("x")</script>'));
    }
    const page = (await get(`/news/${item.id}`)).body;
    expect(page).toContain('<p>第二段 &amp; &quot;引号&quot;</p>');
    expect(page).toContain('<img src="/ok.jpg" alt="&lt;script&gt;');
    const feed = (await get('/news/feed.xml')).body;
    expect(feed).not.toContain('<script>');
    expect(() => parseXml(feed)).not.toThrow();
  });

  it('an unknown or withdrawn item is a 404 page', async () => {
    const missing = await get('/news/no-such-item');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(visibleText(missing.body)).toContain('您访问的稿件不存在或已撤回。');
    await withdrawNews(test.context, SYSTEM, CONGRESS, opening);
    expect((await get(`/news/${opening}`)).statusCode).toBe(404);
    expect(visibleText((await get('/news')).body)).toContain('暂无已发布的稿件。');
  });

  it('the Atom feed is well-formed XML with the published items', async () => {
    test.clock.advance(60_000);
    const notice = await createDraft(test.context, SYSTEM, CONGRESS, {
      category: 'notice',
      titleZh: '通知\u0007一则',
      bodyZh: '正文',
    });
    await publishNews(test.context, SYSTEM, CONGRESS, notice.id);
    const response = await get('/news/feed.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const elements = parseXml(response.body);
    expect(elements[0]).toMatchObject({ name: 'feed', attributes: { xmlns: 'http://www.w3.org/2005/Atom' } });
    const entries = elements.filter((e) => e.name === 'entry');
    expect(entries).toHaveLength(2);
    const titles = elements.filter((e) => e.name === 'title').map((e) => e.text);
    expect(titles).toEqual(['党代会新闻中心', '通知一则', '中国共产党通辽市第六次代表大会隆重开幕']);
    expect(elements.find((e) => e.name === 'link' && e.attributes.rel === 'self')?.attributes.href).toBe(
      'http://localhost:80/news/feed.xml',
    );
    const ids = elements.filter((e) => e.name === 'id').map((e) => e.text);
    expect(ids).toContain(`http://localhost:80/news/${opening}`);
    expect(elements.filter((e) => e.name === 'updated')[0]?.text).toBe('2026-09-27T01:01:00.000Z');
    const content = elements.filter((e) => e.name === 'content').map((e) => e.text);
    expect(content[1]).toContain(
      '<p>9月27日上午，中国共产党通辽市第六次代表大会在市行政中心大礼堂隆重开幕。</p>',
    );

    const english = parseXml((await get('/news/feed.xml?lang=en')).body);
    expect(english.filter((e) => e.name === 'title').map((e) => e.text)).toContain(
      'The 6th CPC Tongliao Municipal Congress opens',
    );
  });

  it('the RSS feed is well-formed XML with the published items', async () => {
    const response = await get('/news/rss.xml');
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const elements = parseXml(response.body);
    expect(elements[0]).toMatchObject({ name: 'rss', attributes: { version: '2.0' } });
    const items = elements.filter((e) => e.name === 'item');
    expect(items).toHaveLength(1);
    expect(elements.find((e) => e.name === 'pubDate')?.text).toBe('Sun, 27 Sep 2026 01:00:00 GMT');
    expect(elements.find((e) => e.name === 'link' && e.text.includes(opening))?.text).toBe(
      `http://localhost:80/news/${opening}`,
    );
  });
});

describe('XML text', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlText('a<b>&"\'\u0000\u0007\uFFFE\uD800c')).toBe('a&lt;b&gt;&amp;&quot;&apos;c');
    expect(xmlText('汉字 😀')).toBe('汉字 😀');
  });
});
