import { beforeEach, expect, it } from 'vitest';
import { renderPdf } from '../../../src/adapters/pdf/index.ts';
import type { Database } from '../../../src/persistence/index.ts';
import { PUBLIC } from '../../../src/services/actor.ts';
import {
  attendanceRecordDocument,
  delegateListDocument,
} from '../../../src/services/documents/congress-documents.ts';
import { ballotSheets, resultList, tallySheet } from '../../../src/services/documents/election-documents.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { SYSTEM, testContext } from '../../support/http.ts';
import {
  ALTERNATE_RESULT,
  COMMITTEE_RESULT,
  CONGRESS,
  CONGRESS_TITLE,
  ELECTION,
  ROUND,
  SITTING,
  seedDocumentCongress,
} from './document-fixtures.ts';
import { compact, pdfText, positionsIn, savePreview } from './pdf-tools.ts';

// Each document rendered from rows in the database (both engines), read back with pdftotext, and
// page 1 saved as test-output/pdf/<name>.png for a person to look at.

/** The names appear in this order (each found after the one before). */
function expectInOrder(text: string, names: readonly string[]): void {
  expect(
    positionsIn(text, names).every((p) => p >= 0),
    `${names.join('、')} in this order`,
  ).toBe(true);
}

describeEachDatabase('printed documents', (target) => {
  let database: Database;
  const context = () => testContext(database);

  // describeEachDatabase closes what a test opened after it: every test seeds its own congress.
  beforeEach(async () => {
    database = await openMigrated(target);
    await seedDocumentCongress(database);
  });

  it('[B1][C3][B4] ballots: title, instructions, names in ballot order, write-in boxes, seal area, no serial', async () => {
    const file = await ballotSheets(context(), CONGRESS, ROUND.committee, { sheets: 2 }, renderPdf);
    savePreview(file.pdf, 'ballot-committee');
    expect(file.filename).toBe('中国共产党示范市第十三届委员会委员选举票.pdf');
    expect(file.pages).toBe(2);
    expect(file.warnings).toEqual([]);
    const text = pdfText(file.pdf);
    const flat = compact(text);
    expect(text).toContain('委员选举票');
    expect(text).toContain('第一轮投票（正式选举）');
    expect(text).toContain(CONGRESS_TITLE);
    expect(text).toContain('中国共产党示范市第十三届委员会委员选举票');
    expect(text).toContain('应选5名，候选人7名（差额选举）');
    expect(flat).toContain(
      compact(
        '说明：赞成的在姓名上方空格内划“○”，不赞成的划“×”，弃权的不划任何符号；另选他人的，在另选人栏内写上其姓名，并在姓名上方空格内划“○”；所选人数多于应选人数的为无效票。',
      ),
    );
    expectInOrder(text, COMMITTEE_RESULT.printed);
    expect(COMMITTEE_RESULT.printed).toEqual(['马明', '王宁', '刘洋', '李丽', '张伟', '陈静', '赵敏']);
    expect(text).toContain('另选人');
    expect(text).toContain('盖章处');
    // [B4] Every sheet of a round is the same unless the secretariat asks for serials.
    expect(text).not.toContain('编号');
  });

  it('[B1] ballots of other types carry their own band; with serials, a reprint starts at its number', async () => {
    const file = await ballotSheets(
      context(),
      CONGRESS,
      ROUND.alternate,
      { sheets: 1, from: 51, serials: true },
      renderPdf,
    );
    savePreview(file.pdf, 'ballot-alternate');
    const text = pdfText(file.pdf);
    expect(text).toContain('候补委员选举票');
    expect(text).toContain('编号：RaLTe2y8-0051');
    expectInOrder(text, ALTERNATE_RESULT.printed);
    const deputy = pdfText(
      (await ballotSheets(context(), CONGRESS, ROUND.deputy, { sheets: 1 }, renderPdf)).pdf,
    );
    expect(deputy).toContain('副书记选举票');
    expect(deputy).toContain('应选2名，候选人2名（等额选举）');
    expectInOrder(deputy, ['陈静', '王宁']);
  });

  it('[B2][B3][T1] the tally sheet: counts, every candidate, threshold, elected, signature lines', async () => {
    const file = await tallySheet(context(), CONGRESS, ROUND.committee, renderPdf);
    savePreview(file.pdf, 'tally-sheet');
    expect(file.filename).toBe('中国共产党示范市第十三届委员会委员选举计票结果报告单（第一轮正式选举）.pdf');
    const text = pdfText(file.pdf);
    const flat = compact(text);
    expect(text).toContain('计票结果报告单');
    expect(text).toContain('中国共产党示范市第十三届委员会委员选举');
    for (const figure of ['417人', '413人', '413张', '411张', '2张']) expect(text).toContain(figure);
    expect(flat).toContain(compact('收回选票413张，等于或少于发出选票413张，选举有效。'));
    expect(flat).toContain(compact('有效票411张，无效票2张。'));
    expect(flat).toContain(compact('当选须得赞成票超过应到会有选举权人数417人的半数，即至少209票。'));
    expect(flat).toContain(compact('当选5名（按姓氏笔画为序）：马明、王宁、李丽、张伟、赵敏。'));
    expectInOrder(text, COMMITTEE_RESULT.printed);
    // 王宁: 209 for (exactly the minimum), 149 against, 53 abstain (the 2 invalid ballots count for no one).
    const wangRow = text.split('\n').find((line) => compact(line).includes('王宁'))!;
    expect(compact(wangRow)).toBe(compact('2 王 宁 209 149 53 当选'));
    const liuRow = text.split('\n').find((line) => compact(line).includes('刘洋'))!;
    expect(compact(liuRow)).toBe(compact('3 刘 洋 208 0 203'));
    for (const line of [
      '总监票人（签名）：',
      '副总监票人（签名）：',
      '监票人（签名）：',
      '计票人（签名）：',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toContain('2026年9月28日');
  });

  it('the tally sheet of a round not yet counted is blank, to fill in by hand', async () => {
    const file = await tallySheet(context(), CONGRESS, ROUND.disciplineOpen, renderPdf);
    savePreview(file.pdf, 'tally-sheet-blank');
    const text = pdfText(file.pdf);
    expect(text).toContain('第二轮投票（另行选举）');
    expect(text).toContain('尚未计票');
    expectInOrder(text, ['于波', '朱红']);
    // The threshold is known before the count: 417 expected [T1].
    expect(compact(text)).toContain(
      compact('当选须得赞成票超过应到会有选举权人数417人的半数，即至少209票。'),
    );
    expect(text).not.toContain('当选1名');
  });

  it('[T7] the committee list: （按姓氏笔画为序）, padded names, annotations', async () => {
    const file = await resultList(
      context(),
      PUBLIC,
      CONGRESS,
      ELECTION.committee,
      { annotate: true },
      renderPdf,
    );
    savePreview(file.pdf, 'list-committee');
    expect(file.filename).toBe('中国共产党示范市第十三届委员会委员名单.pdf');
    const text = pdfText(file.pdf);
    expect(text).toContain('中国共产党示范市第十三届委员会委员名单');
    expect(text).toContain('（按姓氏笔画为序）');
    expect(text).toContain('（2026年9月28日中国共产党示范市第十三次代表大会选举产生）');
    expectInOrder(text, ['马明（回族）', '王宁', '李丽（女）', '张伟', '赵敏（女，满族）']);
    expect(text).toMatch(/王\s+宁/u);
    expect(text).toContain('共5名');
  });

  it('[T6] the alternates list: （按得票多少为序）, equal votes in stroke order', async () => {
    const file = await resultList(
      context(),
      PUBLIC,
      CONGRESS,
      ELECTION.alternate,
      { annotate: true },
      renderPdf,
    );
    savePreview(file.pdf, 'list-alternate');
    const text = pdfText(file.pdf);
    expect(text).toContain('（按得票多少为序）');
    expect(text).not.toContain('（按姓氏笔画为序）');
    // 欧阳修远 350 votes; 才让 and 胡军 300 each: 才 (3 strokes) before 胡 (9).
    expectInOrder(text, ['欧阳修远', '才让（藏族）', '胡军']);
  });

  it('[T7] the deputy secretaries in the approved order', async () => {
    const text = pdfText(
      (await resultList(context(), PUBLIC, CONGRESS, ELECTION.deputy, { annotate: false }, renderPdf)).pdf,
    );
    expectInOrder(text, ['陈静', '王宁']);
    expect(text).not.toContain('（女）');
  });

  it('a list of an election still under way: a draft for the secretariat, refused to anyone else', async () => {
    const draft = await resultList(
      context(),
      SYSTEM,
      CONGRESS,
      ELECTION.discipline,
      { annotate: true },
      renderPdf,
    );
    expect(draft.filename).toBe('中国共产党示范市第十三届纪律检查委员会委员名单（草稿）.pdf');
    expect(pdfText(draft.pdf)).toContain('草稿');
    await expect(
      resultList(context(), PUBLIC, CONGRESS, ELECTION.discipline, { annotate: true }, renderPdf),
    ).rejects.toMatchObject({ status: 409, code: 'not-published' });
  });

  it('[T7] the delegate list: by delegation, stroke order within', async () => {
    const file = await delegateListDocument(context(), CONGRESS, { annotate: true }, renderPdf);
    savePreview(file.pdf, 'delegates');
    const text = pdfText(file.pdf);
    expect(text).toContain(`${CONGRESS_TITLE}代表名单`);
    expect(text).toContain('（按姓氏笔画为序）');
    expect(text).toContain('共16名');
    expectInOrder(text, [
      '市直机关代表团（5名）',
      '丁小强',
      '于波',
      '马明（回族）',
      '王宁',
      '李丽（女）',
      '教育系统代表团（5名）',
      '才让（藏族）',
      '刘洋',
      '张伟',
      '陈静（女）',
      '赵敏（女，满族）',
      '企业代表团（5名）',
      '朱红（女）',
      '孙涛',
      '欧阳修远',
      '胡军',
      '高峰',
      '其他（1名）',
      '阿不都·热合曼（维吾尔族）',
    ]);
  });

  it('[Q1][Q4] the attendance record: expected, on leave with reasons, present, the names', async () => {
    const file = await attendanceRecordDocument(context(), CONGRESS, SITTING, renderPdf);
    savePreview(file.pdf, 'attendance');
    expect(file.filename).toBe('第二次全体会议出席情况记录.pdf');
    const text = pdfText(file.pdf);
    const flat = compact(text);
    expect(text).toContain('第二次全体会议出席情况记录');
    expect(text).toContain('2026年9月28日');
    expect(flat).toContain(
      compact('应到代表15名，请假2人（因事1人，因病1人），实到代表10名，符合法定人数。'),
    );
    expectInOrder(text, [
      '请假代表名单（2人）',
      '教育系统代表团',
      '张伟',
      '因病：住院',
      '企业代表团',
      '朱红',
      '因事',
    ]);
    expectInOrder(text, ['缺席代表名单（未报到、未请假，3人）', '于波', '孙涛', '阿不都·热合曼']);
    // [Q4] 高峰 has no vote: present, but in none of the voting counts.
    expect(flat).not.toContain('高峰');
  });
});
