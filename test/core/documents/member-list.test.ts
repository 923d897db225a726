import { describe, expect, it } from 'vitest';
import { buildMemberList, type FlowDocument, type NameGridBlock } from '../../../src/core/documents/index.ts';

const texts = (doc: FlowDocument) => doc.blocks.flatMap((b) => ('text' in b ? [b.text] : []));
const grids = (doc: FlowDocument) => doc.blocks.filter((b): b is NameGridBlock => b.kind === 'name-grid');

// Issue 12, 5: the first plenary's list was titled 代表名单 with every member under 其他. A plenary
// has members, not delegates, and no delegations: 委员 by strokes, 候补委员 (列席) by votes.

describe('the member list of a plenary session', () => {
  const person = (name: string, gender: string | null = null) => ({ name, gender, ethnicity: null });
  const doc = buildMemberList({
    meetingTitle: '中国共产党示范市第十三届委员会第一次全体会议',
    members: [person('王宁'), person('丁小强'), person('李丽', '女'), person('丁宁')],
    // [T6] the alternates' succession order, kept as given.
    alternates: [person('赵敏'), person('马明')],
    annotate: true,
  });

  it('[T7][T6] is titled 委员名单: members by strokes, then the alternates attending (列席) by votes', () => {
    expect(doc.title).toBe('中国共产党示范市第十三届委员会第一次全体会议委员名单');
    expect(texts(doc)).toEqual([
      '中国共产党示范市第十三届委员会第一次全体会议委员名单',
      '委员4名，候补委员2名',
      '委员（4名）',
      '（按姓氏笔画为序）',
      '候补委员（列席，2名）',
      '（按得票多少为序）',
    ]);
    expect(grids(doc).map((g) => g.names)).toEqual([
      ['丁　宁', '丁小强', '王　宁', '李　丽（女）'],
      ['赵　敏', '马　明'],
    ]);
    expect(JSON.stringify(doc)).not.toContain('代表');
    expect(JSON.stringify(doc)).not.toContain('其他');
  });

  it('leaves out the alternates’ part when there are none', () => {
    const members = buildMemberList({
      meetingTitle: '某全会',
      members: [person('丁宁')],
      alternates: [],
      annotate: false,
    });
    expect(texts(members)).not.toContain('候补委员（列席，0名）');
    expect(grids(members)).toHaveLength(1);
  });
});
