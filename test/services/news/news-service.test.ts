import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database } from '../../../src/persistence/index.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { ServiceError } from '../../../src/services/errors.ts';
import type { CongressEvent } from '../../../src/services/events.ts';
import { InputError } from '../../../src/services/input-error.ts';
import {
  createDraft,
  generateDraft,
  getPublishedNews,
  listCongressNews,
  listPublishedNews,
  previewNews,
  publishNews,
  recordView,
  updateDraft,
  withdrawNews,
} from '../../../src/services/news/news-items.ts';
import { listTemplates, resetTemplate, saveTemplate } from '../../../src/services/news/news-templates.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { SYSTEM, TestClock, testContext } from '../../support/http.ts';
import {
  auditActions,
  COMMITTEE_ELECTION,
  CONGRESS,
  FIRST_PLENARY,
  PLENARY,
  seedFirstPlenary,
  seedNewsCongress,
  WORK_REPORT,
} from './fixtures.ts';

async function refusal(promise: Promise<unknown>): Promise<ServiceError | InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError || error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describeEachDatabase('news service', (target) => {
  let database: Database;
  let context: ServiceContext;
  let clock: TestClock;

  beforeEach(async () => {
    database = await openMigrated(target);
    clock = new TestClock();
    context = testContext(database, clock);
    await seedNewsCongress(database);
  });
  afterEach(async () => database?.close());

  it('[T6][T7] drafts the opening report from the record: attendance, chairs, the work report', async () => {
    const draft = await generateDraft(context, SYSTEM, CONGRESS, { kind: 'opening' });
    expect(draft).toMatchObject({
      congressId: CONGRESS,
      kind: 'opening',
      category: 'news',
      status: 'draft',
      source: '大会秘书处',
      views: 0,
      publishedAt: null,
      links: [],
      images: [],
    });
    expect(draft.titleZh).toBe('中国共产党通辽市第六次代表大会隆重开幕');
    expect(draft.bodyZh).toBe(
      [
        '9月27日上午，中国共产党通辽市第六次代表大会在市行政中心大礼堂隆重开幕。',
        '大会的主题是，聚焦绿色转型、聚力高质量发展，为加快建设现代化区域中心城市而奋斗。',
        '大会执行主席孟宪东、郭玉峰、方玉东在主席台前排就座。',
        '大会由郭玉峰同志主持。上午9时整，郭玉峰宣布中国共产党通辽市第六次代表大会开幕，全体起立，奏唱国歌。本次大会应到代表12名，因事因病请假3人，实到代表9名，符合法定人数。',
        `孟宪东同志代表中国共产党通辽市第五届委员会向大会作了题为《${WORK_REPORT}》的报告。报告共分四个部分：一、五年来的工作回顾；二、今后五年的指导思想和奋斗目标；三、今后五年的重点任务；四、全面加强党的建设。`,
        '会上，亢永强同志代表中国共产党通辽市纪律检查委员会向中国共产党通辽市第六次代表大会作了题为《正风肃纪反腐》的报告。',
        '大会还以书面形式作了关于党费收缴、使用和管理情况的报告。',
      ].join('\n\n'),
    );
    expect(draft.titleEn).toBe('The 6th CPC Tongliao Municipal Congress opens');
    expect(draft.bodyEn).toContain(
      '12 delegates were expected, 3 were on leave, 9 attended; the quorum was met.',
    );
    expect(await auditActions(database)).toEqual(['news.generate']);
  });

  it('[P2] the closing report has announced results only, and links to their official lists', async () => {
    const draft = await generateDraft(context, SYSTEM, CONGRESS, { kind: 'closing' });
    expect(draft.bodyZh).toContain('大会审议通过了关于中国共产党通辽市第五届委员会报告的决议。');
    expect(draft.bodyZh).toContain('大会应到代表12名，实到代表12名，符合法定人数。');
    expect(draft.bodyZh).toContain('大会以无记名投票方式，选举产生了中国共产党通辽市第六届委员会委员。');
    expect(draft.bodyZh).toContain(
      '中国共产党通辽市第六届委员会委员名单\n（3名，按姓氏笔画为序）\n丁宁　于波　马慧吉',
    );
    // The alternates' round is counted, not announced: nothing of it may appear.
    expect(draft.bodyZh).not.toContain('候补委员');
    expect(draft.bodyZh).not.toContain('李强');
    expect(draft.bodyEn).not.toContain('Li Qiang');
    expect(draft.links).toEqual([
      {
        url: `/api/congresses/${CONGRESS}/elections/${COMMITTEE_ELECTION}/list.pdf`,
        titleZh: '中国共产党通辽市第六届委员会委员当选名单',
        titleEn: 'Members of the 6th CPC Tongliao Municipal Committee: the official list',
      },
    ]);
  });

  it('[P5][T7] the first plenary: its communiqué from the congress’s URL, and its results in the closing report', async () => {
    await seedFirstPlenary(database);
    const communique = await generateDraft(context, SYSTEM, CONGRESS, { kind: 'first-plenary' });
    expect(communique).toMatchObject({
      category: 'communique',
      titleZh: '中国共产党通辽市第六届委员会第一次全体会议公报',
    });
    expect(communique.bodyZh).toBe(
      [
        '中国共产党通辽市第六届委员会第一次全体会议于2026年9月29日在通辽市举行。',
        '全会应到委员6名，实到委员6名，符合法定人数。候补委员2名列席会议。全会由大会主席团委托孟宪东同志主持。',
        // The standing committee in the approved order, not stroke order (方 would come first).
        '全会以无记名投票方式，选举孟宪东、郭玉峰、方玉东为中国共产党通辽市第六届委员会常务委员会委员，选举孟宪东为书记，郭玉峰、方玉东为副书记。',
        '全会审议通过了市纪委六届一次全会选举结果：亢永强、焦刚伟为中国共产党通辽市第六届纪律检查委员会常务委员会委员，亢永强为书记，焦刚伟为副书记。',
      ].join('\n\n'),
    );
    expect(communique.links.map((l) => l.url)).toEqual([
      `/api/congresses/${FIRST_PLENARY}/elections/fe-standing/list.pdf`,
      `/api/congresses/${FIRST_PLENARY}/elections/fe-secretary/list.pdf`,
      `/api/congresses/${FIRST_PLENARY}/elections/fe-deputies/list.pdf`,
    ]);
    // The same from the plenary's own URL.
    expect((await generateDraft(context, SYSTEM, FIRST_PLENARY, { kind: 'first-plenary' })).bodyZh).toBe(
      communique.bodyZh,
    );

    const closing = await generateDraft(context, SYSTEM, CONGRESS, { kind: 'closing' });
    expect(closing.bodyZh).toContain(
      '市委六届一次全会选举产生了新一届市委常委、书记和副书记，通过了市纪委六届一次全会选举结果。孟宪东当选为市委书记，郭玉峰、方玉东当选为市委副书记，亢永强当选为市纪委书记。',
    );
    expect(closing.links).toHaveLength(4);
  });

  it('drafts the decision of a later plenary with its members and alternates present', async () => {
    const draft = await generateDraft(context, SYSTEM, PLENARY, { kind: 'plenary-decision' });
    expect(draft.titleZh).toBe('市委六届二次全体会议举行');
    expect(draft.source).toBe('市委办公室');
    expect(draft.bodyZh).toBe(
      [
        '1月15日，中国共产党通辽市第六届委员会第二次全体会议在通辽市举行。',
        '出席这次全会的市委委员5名，候补委员2名。市委常委会主持会议。',
        '全会听取和讨论了孟宪东作的工作报告。全会审议通过了《中共通辽市委关于加快建设现代化区域中心城市的决定》。',
      ].join('\n\n'),
    );
    expect(draft.bodyEn).toContain(
      '5 members of the municipal Party committee and 2 alternate members attended the session.',
    );
  });

  it('refuses what the record cannot give, and stores nothing', async () => {
    expect(await refusal(generateDraft(context, SYSTEM, PLENARY, { kind: 'opening' }))).toMatchObject({
      status: 409,
      code: 'not-a-congress',
    });
    expect(
      await refusal(generateDraft(context, SYSTEM, CONGRESS, { kind: 'plenary-decision' })),
    ).toMatchObject({ status: 409 });
    expect(await refusal(generateDraft(context, SYSTEM, CONGRESS, { kind: 'first-plenary' }))).toMatchObject({
      status: 409,
      code: 'no-first-plenary',
    });
    expect(
      await refusal(generateDraft(context, SYSTEM, 'no-such-congress', { kind: 'opening' })),
    ).toMatchObject({ status: 404 });
    expect(await listCongressNews(context, CONGRESS)).toEqual([]);
    expect(await auditActions(database)).toEqual([]);
  });

  it('draft → edit → publish → read → view counts → withdraw, every step but the views audited', async () => {
    const events: CongressEvent[] = [];
    context.events.subscribe(CONGRESS, (event) => events.push(event));
    const draft = await generateDraft(context, SYSTEM, CONGRESS, { kind: 'opening' });
    expect(await listPublishedNews(context)).toEqual({ items: [], total: 0 });
    expect(await refusal(getPublishedNews(context, draft.id))).toMatchObject({ status: 404 });

    clock.advance(60_000);
    const edited = await updateDraft(context, SYSTEM, CONGRESS, draft.id, {
      titleZh: '市第六次党代会隆重开幕',
      images: [{ url: '/photos/opening.jpg', captionZh: '大会会场', captionEn: 'The hall' }],
    });
    expect(edited.titleZh).toBe('市第六次党代会隆重开幕');
    expect(edited.bodyZh).toBe(draft.bodyZh);
    expect(edited.updatedAt).toBe('2026-09-27T01:01:00.000Z');

    clock.advance(60_000);
    const published = await publishNews(context, SYSTEM, CONGRESS, draft.id);
    expect(published).toMatchObject({ status: 'published', publishedAt: '2026-09-27T01:02:00.000Z' });
    expect(events.map((e) => e.type)).toEqual(['news']);

    const listed = await listPublishedNews(context);
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({ id: draft.id, titleZh: '市第六次党代会隆重开幕', views: 0 });
    expect(listed.items[0]).not.toHaveProperty('status');
    expect((await listPublishedNews(context, { category: 'notice' })).total).toBe(0);

    const before = await auditActions(database);
    expect((await recordView(context, draft.id)).views).toBe(1);
    expect((await recordView(context, draft.id)).views).toBe(2);
    expect((await getPublishedNews(context, draft.id)).views).toBe(2);
    expect(await auditActions(database)).toEqual(before);

    await withdrawNews(context, SYSTEM, CONGRESS, draft.id);
    expect(await listPublishedNews(context)).toEqual({ items: [], total: 0 });
    expect(await refusal(getPublishedNews(context, draft.id))).toMatchObject({ status: 404 });
    expect(await refusal(recordView(context, draft.id))).toMatchObject({ status: 404 });
    expect(await auditActions(database)).toEqual([
      'news.generate',
      'news.edit',
      'news.publish',
      'news.withdraw',
    ]);

    // Withdrawn, it may be edited and published again.
    await updateDraft(context, SYSTEM, CONGRESS, draft.id, { category: 'communique' });
    await publishNews(context, SYSTEM, CONGRESS, draft.id);
    expect((await listPublishedNews(context, { category: 'communique' })).total).toBe(1);
  });

  it('a refused change changes nothing', async () => {
    const draft = await generateDraft(context, SYSTEM, CONGRESS, { kind: 'opening' });
    await publishNews(context, SYSTEM, CONGRESS, draft.id);
    const actions = await auditActions(database);
    const row = await database.db
      .selectFrom('news_items')
      .selectAll()
      .where('id', '=', draft.id)
      .executeTakeFirstOrThrow();

    expect(await refusal(updateDraft(context, SYSTEM, CONGRESS, draft.id, { titleZh: '改' }))).toMatchObject({
      status: 409,
      code: 'news-published',
    });
    expect(await refusal(publishNews(context, SYSTEM, CONGRESS, draft.id))).toMatchObject({ status: 409 });
    // Another congress's URL does not reach the item.
    expect(await refusal(withdrawNews(context, SYSTEM, PLENARY, draft.id))).toMatchObject({ status: 404 });
    const other = await createDraft(context, SYSTEM, CONGRESS, {
      category: 'notice',
      titleZh: '通知',
      bodyZh: '正文',
    });
    expect(await refusal(withdrawNews(context, SYSTEM, CONGRESS, other.id))).toMatchObject({
      status: 409,
      code: 'news-not-published',
    });

    expect(
      await database.db
        .selectFrom('news_items')
        .selectAll()
        .where('id', '=', draft.id)
        .executeTakeFirstOrThrow(),
    ).toEqual(row);
    expect(await auditActions(database)).toEqual([...actions, 'news.create']);
  });

  it('templates: an edited one is used, a broken one refused, the default comes back on reset', async () => {
    const templates = await listTemplates(context);
    // Six kinds of report, each in Chinese and English.
    expect(templates).toHaveLength(12);
    expect(templates.every((t) => t.isDefault)).toBe(true);
    expect(
      templates.find((t) => t.kind === 'opening' && t.lang === 'zh')?.placeholders.map((p) => p.path),
    ).toContain('opening.attendance');

    const refused = await refusal(
      saveTemplate(
        context,
        SYSTEM,
        { kind: 'opening', lang: 'zh' },
        { title: '{{congress.fullName}}开幕', body: '第一段\n{{elected.committee}}' },
      ),
    );
    expect(refused).toBeInstanceOf(InputError);
    expect(refused).toMatchObject({
      field: 'body',
      en: 'unknown placeholder {{elected.committee}} (line 2, column 1)',
      zh: '未知的占位符{{elected.committee}}（第2行第1列）',
    });
    expect(
      await refusal(
        saveTemplate(context, SYSTEM, { kind: 'opening', lang: 'zh' }, { title: '{{#if x}}', body: 'x' }),
      ),
    ).toMatchObject({ field: 'title' });
    expect(await auditActions(database)).toEqual([]);

    const saved = await saveTemplate(
      context,
      SYSTEM,
      { kind: 'opening', lang: 'zh' },
      { title: '{{congress.shortName}}开幕', body: '本次大会{{opening.attendance}}。' },
    );
    expect(saved).toMatchObject({ isDefault: false, updatedAt: '2026-09-27T01:00:00.000Z' });
    const draft = await generateDraft(context, SYSTEM, CONGRESS, { kind: 'opening' });
    expect(draft).toMatchObject({
      titleZh: '市第六次党代会开幕',
      bodyZh: '本次大会应到代表12名，因事因病请假3人，实到代表9名，符合法定人数。',
    });
    expect(draft.titleEn).toBe('The 6th CPC Tongliao Municipal Congress opens');
    expect((await previewNews(context, CONGRESS, 'opening')).titleZh).toBe('市第六次党代会开幕');

    await resetTemplate(context, SYSTEM, { kind: 'opening', lang: 'zh' });
    expect((await previewNews(context, CONGRESS, 'opening')).titleZh).toBe(
      '中国共产党通辽市第六次代表大会隆重开幕',
    );
    expect(await auditActions(database)).toEqual([
      'news.template.save',
      'news.generate',
      'news.template.reset',
    ]);
  });
});
