import { describe, expect, it } from 'vitest';
import {
  buildAttendanceRecord,
  buildDelegateList,
  buildResultList,
  byDelegationAndStrokes,
  type FlowDocument,
  type NameGridBlock,
  publishedNames,
  type ResultListInput,
  type TableBlock,
} from '../../../src/core/documents/index.ts';

const texts = (doc: FlowDocument) => doc.blocks.flatMap((b) => ('text' in b ? [b.text] : []));
const grids = (doc: FlowDocument) => doc.blocks.filter((b): b is NameGridBlock => b.kind === 'name-grid');

function list(overrides: Partial<ResultListInput>): FlowDocument {
  return buildResultList({
    congressTitle: '中国共产党示范市第十三次代表大会',
    electionTitle: '中国共产党示范市第十三届委员会委员',
    office: 'committee-member',
    elected: [],
    approvedOrder: [],
    annotate: true,
    complete: true,
    announcedOn: { year: 2026, month: 9, day: 29 },
    pendingApproval: false,
    ...overrides,
  });
}

describe('lists of those elected', () => {
  it('[T7] members in surname-stroke order, padded and annotated, under （按姓氏笔画为序）', () => {
    const doc = list({
      elected: [
        { name: '王宁' },
        { name: '李丽', gender: '女' },
        { name: '丁小强' },
        { name: '马明', ethnicity: '回族' },
        { name: '丁宁' },
      ],
    });
    expect(texts(doc).slice(0, 3)).toEqual([
      '中国共产党示范市第十三届委员会委员名单',
      '（按姓氏笔画为序）',
      '（2026年9月29日中国共产党示范市第十三次代表大会选举产生）',
    ]);
    expect(grids(doc)[0]!.names).toEqual(['丁　宁', '丁小强', '马　明（回族）', '王　宁', '李　丽（女）']);
    expect(texts(doc)).toContain('共5名');
  });

  it('annotations can be left out', () => {
    const doc = list({ elected: [{ name: '李丽', gender: '女' }], annotate: false });
    expect(grids(doc)[0]!.names).toEqual(['李　丽']);
  });

  it('[T6] alternates keep the succession order, under （按得票多少为序）', () => {
    const doc = list({
      office: 'alternate-member',
      electionTitle: '中国共产党示范市第十三届委员会候补委员',
      elected: [{ name: '欧阳修远' }, { name: '才让' }, { name: '胡军' }],
    });
    expect(texts(doc)[1]).toBe('（按得票多少为序）');
    expect(grids(doc)[0]!.names).toEqual(['欧阳修远', '才　让', '胡　军']);
  });

  it('[T7] the secretary and deputies in the approved order, with no order note', () => {
    const input = {
      office: 'deputy-secretary' as const,
      elected: [{ name: '王宁' }, { name: '陈静' }],
      approvedOrder: ['陈静', '王宁'],
    };
    expect(publishedNames(input)).toEqual(['陈静', '王宁']);
    const doc = list({
      ...input,
      electionTitle: '中国共产党示范市第十三届委员会副书记',
      pendingApproval: true,
    });
    expect(texts(doc)).not.toContain('（按姓氏笔画为序）');
    expect(texts(doc)).toContain('以上人选尚需报上级党委批准。');
  });

  it('a list of an unfinished election is a draft', () => {
    const doc = list({ complete: false, elected: [{ name: '王宁' }] });
    expect(doc.title).toBe('中国共产党示范市第十三届委员会委员名单（草稿）');
    expect(texts(doc).join()).toContain('草稿：选举尚未完成');
    expect(doc.warnings).toEqual(['draft: the election is not complete']);
  });
});

describe('the delegate list', () => {
  it('[T7] by delegation, stroke order within each, with counts', () => {
    const doc = buildDelegateList({
      congressTitle: '中国共产党示范市第十三次代表大会',
      delegations: ['市直机关代表团', '教育系统代表团'],
      delegates: [
        { name: '王宁', gender: '男', ethnicity: '汉族', delegation: 1 },
        { name: '于波', gender: '男', ethnicity: '汉族', delegation: 1 },
        { name: '阿不都·热合曼', gender: '男', ethnicity: '维吾尔族', delegation: null },
        { name: '李丽', gender: '女', ethnicity: '汉族', delegation: 0 },
        { name: '丁小强', gender: '男', ethnicity: '汉族', delegation: 0 },
      ],
      annotate: true,
    });
    expect(texts(doc)).toEqual([
      '中国共产党示范市第十三次代表大会代表名单',
      '（按姓氏笔画为序）',
      '共5名',
      '市直机关代表团（2名）',
      '教育系统代表团（2名）',
      '其他（1名）',
    ]);
    expect(grids(doc).map((g) => g.names)).toEqual([
      ['丁小强', '李　丽（女）'],
      ['于　波', '王　宁'],
      ['阿不都·热合曼（维吾尔族）'],
    ]);
  });

  it('puts a name outside the stroke data last in its delegation, with a warning', () => {
    const doc = buildDelegateList({
      congressTitle: 'x',
      delegations: ['甲'],
      delegates: [
        { name: '𠮷田', gender: null, ethnicity: null, delegation: 0 },
        { name: '王宁', gender: null, ethnicity: null, delegation: 0 },
      ],
      annotate: false,
    });
    expect(grids(doc)[0]!.names).toEqual(['王　宁', '𠮷　田']);
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toContain('U+20BB7');
  });

  it('orders by delegation rank, then strokes, delegates without one last', () => {
    const people = [
      { name: '王宁', delegationRank: null },
      { name: '李丽', delegationRank: 1 },
      { name: '丁宁', delegationRank: 1 },
      { name: '马明', delegationRank: 0 },
    ];
    expect(byDelegationAndStrokes(people).map((p) => p.name)).toEqual(['马明', '丁宁', '李丽', '王宁']);
  });
});

describe('the attendance record', () => {
  it('[Q1][Q4] expected, on leave with reasons, present, absent, and the quorum', () => {
    const doc = buildAttendanceRecord({
      congressTitle: '中国共产党示范市第十三次代表大会',
      sittingTitle: '第二次全体会议',
      date: { year: 2026, month: 9, day: 28 },
      noun: '代表',
      counts: {
        expected: 417,
        present: 413,
        onLeave: { total: 4, personal: 1, illness: 3, other: 0 },
        absent: 0,
        nonVoting: { expected: 2, present: 1 },
      },
      quorum: { rule: 'Q1', met: true, minimumPresent: 209 },
      onLeave: [
        { name: '张伟', delegation: '教育系统代表团', delegationRank: 1, reason: '因病：住院' },
        { name: '朱红', delegation: '市直机关代表团', delegationRank: 0, reason: '因事' },
      ],
      absent: [],
    });
    expect(texts(doc)).toContain('应到代表417名，请假4人（因事1人，因病3人），实到代表413名，符合法定人数。');
    const [counts, leave] = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(counts!.rows[0]!.cells).toEqual(['417名', '4人', '413名', '0人', '1人']);
    expect(leave!.rows.map((r) => r.cells)).toEqual([
      ['1', '市直机关代表团', '朱　红', '因事'],
      ['2', '教育系统代表团', '张　伟', '因病：住院'],
    ]);
    expect(texts(doc)).toContain('缺席代表名单（未报到、未请假，0人）');
  });
});
