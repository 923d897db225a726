import { describe, expect, it } from 'vitest';
import { electionMethodTemplate } from '../../../src/core/documents/index.ts';

// Issue 12, 5: the first plenary's method dialog was blank, and voting was refused until a method
// was adopted. The template drafts it from the plenary's elections [P4][P5].

const COMMITTEE = '中国共产党示范市第十三届委员会';

describe('the election method template', () => {
  it('[P5][C1] a first plenary: standing committee competitive, secretary and deputies equal', () => {
    const method = electionMethodTemplate({
      kind: 'plenary',
      meetingTitle: `${COMMITTEE}第一次全体会议`,
      elections: [
        {
          office: 'standing-committee',
          title: `${COMMITTEE}常务委员会委员`,
          seats: 11,
          minSurplusPercent: 0,
        },
        { office: 'secretary', title: `${COMMITTEE}书记`, seats: 1, minSurplusPercent: 0 },
        { office: 'deputy-secretary', title: `${COMMITTEE}副书记`, seats: 2, minSurplusPercent: 0 },
      ],
    });
    expect(method.title).toBe(`${COMMITTEE}第一次全体会议选举办法（草案）`);
    const lines = method.body.split('\n');
    expect(lines[0]).toBe('第一条 根据《中国共产党章程》和《中国共产党地方组织选举工作条例》，制定本办法。');
    expect(lines[1]).toBe(`第二条 全体会议选举产生${COMMITTEE}常务委员会委员11名、书记1名、副书记2名。`);
    expect(method.body).toContain(
      '常务委员会委员实行差额选举，候选人数多于应选人数。书记、副书记实行等额选举。',
    );
    expect(method.body).toContain('先选举常务委员会委员，再从当选的常务委员会委员中选举书记、副书记。');
    expect(method.body).toContain('书记、副书记候选人按上级党委批复的顺序排列');
    // [Q2] two thirds; [T1] more than half of those expected.
    expect(method.body).toContain('超过应到会人数的三分之二');
    expect(method.body).toContain('候补委员列席会议，没有表决权。');
    expect(lines.at(-1)).toBe('第十三条 本办法经全体会议通过后生效。');
    expect(method.body).not.toMatch(/\[[A-Z]\d+\]/);
  });

  it('[C2] a congress: its elections with the surplus each needs', () => {
    const method = electionMethodTemplate({
      kind: 'congress',
      meetingTitle: '中国共产党示范市第十三次代表大会',
      elections: [
        { office: 'committee-member', title: `${COMMITTEE}委员`, seats: 45, minSurplusPercent: 10 },
        { office: 'alternate-member', title: `${COMMITTEE}候补委员`, seats: 8, minSurplusPercent: 10 },
        {
          office: 'delegate',
          title: '出席中国共产党示范省第十四次代表大会代表',
          seats: 30,
          minSurplusPercent: 20,
        },
      ],
    });
    expect(method.body).toContain(
      `大会选举产生${COMMITTEE}委员45名，${COMMITTEE}候补委员8名，出席中国共产党示范省第十四次代表大会代表30名。`,
    );
    expect(method.body).toContain(`${COMMITTEE}委员、${COMMITTEE}候补委员候选人的差额比例不少于百分之十`);
    expect(method.body).toContain('出席中国共产党示范省第十四次代表大会代表候选人的差额比例不少于百分之二十');
    expect(method.body).toContain('候补委员按得票多少排列先后顺序');
    expect(method.body).not.toMatch(/\[[A-Z]\d+\]/);
  });
});
