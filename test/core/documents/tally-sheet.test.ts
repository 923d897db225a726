import { describe, expect, it } from 'vitest';
import {
  type Block,
  buildTallySheet,
  type FlowDocument,
  type TableBlock,
  type TallySheetInput,
} from '../../../src/core/documents/index.ts';
import { ballotOrder, tallyRound } from '../../../src/core/rules/index.ts';
import { buildRound, type SimpleBallot } from '../rules/round-builder.ts';

const CANDIDATES = ballotOrder('committee-member', ['王宁', '李丽', '马明', '张伟', '赵敏', '刘洋']);

function sheet(
  ballots: readonly SimpleBallot[],
  overrides: Partial<TallySheetInput> = {},
  seats = 4,
): FlowDocument {
  const result = tallyRound(buildRound({ seats, candidates: CANDIDATES, ballots }));
  return buildTallySheet({
    congressTitle: '中国共产党示范市第十三次代表大会',
    electionTitle: '中国共产党示范市第十三届委员会委员',
    office: 'committee-member',
    round: { seq: 1, kind: 'formal', seats, advance: null, expected: 417, present: 413, issued: 413 },
    candidates: CANDIDATES,
    result,
    officerRoles: ['chief-scrutineer', 'deputy-chief-scrutineer', 'scrutineer', 'teller'],
    date: { year: 2026, month: 9, day: 28 },
    ...overrides,
  });
}

const texts = (doc: FlowDocument) =>
  doc.blocks.flatMap((b: Block) =>
    'text' in b ? [b.text] : b.kind === 'signatures' ? [...b.labels, b.date ?? ''] : [],
  );
const tables = (doc: FlowDocument) => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');

const marks = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, 'for' as const]));

describe('the tally sheet', () => {
  const clear = [
    { marks: marks(['王宁', '李丽', '马明', '张伟']), count: 209 },
    { marks: marks(['赵敏', '刘洋']), count: 202 },
    { marks: marks(CANDIDATES), count: 2 },
  ];

  it('heads the sheet with the election and the round', () => {
    const doc = sheet(clear);
    expect(texts(doc).slice(0, 4)).toEqual([
      '计票结果报告单',
      '中国共产党示范市第十三届委员会委员选举',
      '第一轮投票（正式选举）',
      '应选4名，候选人6名（差额选举）。',
    ]);
    expect(doc.title).toBe('中国共产党示范市第十三届委员会委员选举计票结果报告单（第一轮正式选举）');
  });

  it('[B2][B3] issued, returned, valid and invalid, with the verdicts', () => {
    const doc = sheet(clear);
    expect(tables(doc)[0]!.rows[0]!.cells).toEqual(['417人', '413人', '413张', '413张', '411张', '2张']);
    expect(texts(doc)).toContain('收回选票413张，等于或少于发出选票413张，选举有效。');
    expect(texts(doc)).toContain(
      '每张选票所选人数等于或少于4名的为有效票，多于4名的为无效票：有效票411张，无效票2张。',
    );
  });

  it('[C3] lists every candidate in ballot order with for, against and abstain', () => {
    const rows = tables(sheet(clear))[1]!.rows;
    expect(rows.map((r) => r.cells[1])).toEqual(['马　明', '王　宁', '刘　洋', '李　丽', '张　伟', '赵　敏']);
    expect(rows[1]!.cells).toEqual(['2', '王　宁', '209', '0', '202', '当选']);
    expect(rows[1]!.bold).toBe(true);
    expect(rows[2]!.cells).toEqual(['3', '刘　洋', '202', '0', '209', '']);
  });

  it('[T1] states the threshold and who is elected, in stroke order', () => {
    const doc = sheet(clear);
    expect(texts(doc)).toContain('当选须得赞成票超过应到会有选举权人数417人的半数，即至少209票。');
    expect(texts(doc)).toContain('当选4名（按姓氏笔画为序）：马明、王宁、李丽、张伟。');
  });

  it('[T3] names a run-off among the candidates tied at the last seat', () => {
    const doc = sheet([
      { marks: marks(['王宁', '李丽', '马明', '张伟']), count: 150 },
      { marks: marks(['王宁', '李丽', '马明', '赵敏']), count: 150 },
      { marks: marks(['王宁', '李丽', '张伟', '赵敏']), count: 113 },
    ]);
    const all = texts(doc).join('\n');
    expect(all).toContain('当选3名（按姓氏笔画为序）：马明、王宁、李丽。');
    expect(all).toContain(
      '张伟、赵敏得票相等（各263票），不能确定当选人，须就票数相等的被选举人再次投票，决定1个名额。',
    );
    const rows = tables(doc)[1]!.rows;
    expect(rows.find((r) => r.cells[1] === '张　伟')!.cells[5]).toBe('再次投票');
  });

  it('[T4] names the shortfall', () => {
    const doc = sheet([
      { marks: marks(['王宁', '李丽']), count: 250 },
      { marks: marks(['马明', '张伟']), count: 163 },
    ]);
    expect(texts(doc)).toContain(
      '得票超过半数的被选举人少于应选名额，缺额2名，须另行选举，或经批准减少名额。',
    );
  });

  it('[B2] a round with more ballots returned than issued is void', () => {
    const doc = sheet(clear, {}, 4);
    const voidSheet = buildTallySheet({
      congressTitle: 'x',
      electionTitle: 'y',
      office: 'committee-member',
      round: { seq: 1, kind: 'formal', seats: 4, advance: null, expected: 417, present: 413, issued: 400 },
      candidates: CANDIDATES,
      result: tallyRound(buildRound({ seats: 4, candidates: CANDIDATES, ballots: clear, issued: 400 })),
      officerRoles: [],
      date: null,
    });
    expect(texts(voidSheet)).toContain('收回选票413张，多于发出选票400张，选举无效，应重新进行选举。');
    expect(tables(voidSheet)[1]!.rows[0]!.cells.slice(2)).toEqual(['', '', '', '']);
    expect(texts(doc)).not.toContain('选举无效');
  });

  it('[P1][P2] has lines for the chief scrutineer, the deputy, the scrutineers and the tellers, and the date', () => {
    const signatures = sheet(clear).blocks.find((b) => b.kind === 'signatures');
    expect(signatures).toEqual({
      kind: 'signatures',
      labels: ['总监票人（签名）', '副总监票人（签名）', '监票人（签名）', '计票人（签名）'],
      date: '2026年9月28日',
    });
  });

  it('before the count: a blank sheet to fill in by hand', () => {
    const blank = buildTallySheet({
      congressTitle: 'x',
      electionTitle: '选举县委委员',
      office: 'committee-member',
      round: {
        seq: 2,
        kind: 'supplementary',
        seats: 1,
        advance: null,
        expected: 417,
        present: 411,
        issued: null,
      },
      candidates: ['王宁', '李丽'],
      result: null,
      officerRoles: ['chief-scrutineer'],
      date: null,
    });
    expect(tables(blank)[0]!.rows[0]!.cells).toEqual(['417人', '411人', '', '', '', '']);
    expect(tables(blank)[1]!.rows.map((r) => r.cells)).toEqual([
      ['1', '王　宁', '', '', '', ''],
      ['2', '李　丽', '', '', '', ''],
    ]);
    expect(texts(blank)).toContain('第二轮投票（另行选举）');
    expect(blank.blocks.find((b) => b.kind === 'signatures')).toMatchObject({ date: null });
  });

  it('issue 13 item 14: prints the audit head at the close under the signatures, to check the chain against', () => {
    const hash = 'ab'.repeat(32);
    const doc = sheet(clear, { auditAnchor: { seq: 1204, hash } });
    const last = doc.blocks.at(-1)!;
    expect(doc.blocks.at(-2)!.kind).toBe('signatures');
    expect(last).toEqual({
      kind: 'note',
      text: `审计日志锚点（投票结束时）：第1204条，哈希 ${hash}。核对：plenum audit verify --anchor 1204:${hash}`,
    });
    expect(sheet(clear).blocks.at(-1)!.kind).toBe('signatures');
  });
});
