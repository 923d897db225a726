import { describe, expect, it } from 'vitest';
import {
  BALLOT_LAYOUT_VERSION,
  type BallotInput,
  ballotInstructions,
  ballotQrPayload,
  ballotSerial,
  buildBallot,
  parseBallotQr,
  writeInBoxes,
} from '../../../src/core/documents/index.ts';
import { ballotOrder } from '../../../src/core/rules/index.ts';

const NAMES = ['王宁', '丁小强', '李丽（女）', '马明', '于波', '才让', '欧阳修远'];

function input(overrides: Partial<BallotInput> = {}): BallotInput {
  return {
    congressTitle: '中国共产党示范市第十三次代表大会',
    electionTitle: '中国共产党示范市第十三届委员会委员',
    office: 'committee-member',
    round: { id: 'RcMTe1x9Kq2LwZ7pVd3Hfa', seq: 1, kind: 'formal', seats: 6, advance: null },
    candidates: ballotOrder('committee-member', NAMES),
    writeInsAllowed: true,
    sheets: { first: 1, count: 3 },
    ...overrides,
  };
}

describe('the paper ballot', () => {
  it('[C3] prints the round list in ballot order (stroke order), padded', () => {
    const ballot = buildBallot(input());
    expect(ballot.candidates.map((c) => c.name)).toEqual([
      '丁小强',
      '于　波',
      '才　让',
      '马　明',
      '王　宁',
      '李　丽',
      '欧阳修远',
    ]);
    expect(ballot.candidates[5]).toEqual({ name: '李　丽', annotation: '（女）' });
  });

  it('[C3] keeps the approved order of a secretary or deputy ballot as the round holds it', () => {
    const ballot = buildBallot(
      input({
        office: 'deputy-secretary',
        electionTitle: '中国共产党示范市第十三届委员会副书记',
        candidates: ballotOrder('deputy-secretary', ['陈静', '王宁']),
        round: { id: 'R2', seq: 1, kind: 'formal', seats: 2, advance: null },
      }),
    );
    expect(ballot.candidates.map((c) => c.name)).toEqual(['陈　静', '王　宁']);
    expect(ballot.summary).toBe('应选2名，候选人2名（等额选举）');
    expect(ballot.ballotType.label).toBe('副书记');
  });

  it('titles the ballot from the election and labels the round and the ballot type', () => {
    const ballot = buildBallot(input());
    expect(ballot.heading).toBe('中国共产党示范市第十三届委员会委员选举票');
    expect(ballot.title).toBe('中国共产党示范市第十三届委员会委员选举票');
    expect(ballot.roundLabel).toBe('第一轮投票（正式选举）');
    expect(ballot.summary).toBe('应选6名，候选人7名（差额选举）');
    expect(ballot.ballotType).toEqual({ label: '委员', colour: '#C8102E' });
    expect(buildBallot(input({ office: 'alternate-member' })).ballotType.label).toBe('候补委员');
    expect(buildBallot(input({ office: 'discipline-member' })).ballotType.label).toBe('纪委委员');
    expect(buildBallot(input({ office: 'delegate' })).ballotType.label).toBe('代表');
  });

  it('[B1][B3] instructions: marks, write-ins, over-voting', () => {
    expect(buildBallot(input()).instructions).toBe(
      '赞成的在姓名上方空格内划“○”，不赞成的划“×”，弃权的不划任何符号；另选他人的，在另选人栏内写上其姓名，并在姓名上方空格内划“○”；所选人数多于应选人数的为无效票。',
    );
  });

  it('[B1] without write-ins the write-in clause and boxes go', () => {
    const ballot = buildBallot(input({ writeInsAllowed: false }));
    expect(ballot.instructions).not.toContain('另选');
    expect(ballot.instructions).toContain('所选人数多于应选人数的为无效票');
    expect(ballot.writeIns.boxes).toBe(0);
  });

  it('[C1] an equal ballot without write-ins cannot be over-marked: no over-vote clause', () => {
    const equal = input({
      office: 'secretary',
      candidates: ['王宁'],
      round: { id: 'R3', seq: 1, kind: 'formal', seats: 1, advance: null },
      writeInsAllowed: false,
    });
    expect(ballotInstructions(equal)).toBe(
      '赞成的在姓名上方空格内划“○”，不赞成的划“×”，弃权的不划任何符号。',
    );
    // With write-ins an equal ballot can be over-marked again.
    expect(ballotInstructions({ ...equal, writeInsAllowed: true })).toContain(
      '所选人数多于应选人数的为无效票',
    );
  });

  it('[B3] prints as many write-in boxes as the seats', () => {
    expect(buildBallot(input()).writeIns).toEqual({ boxes: 6, heading: '另选人' });
  });

  it('[C4] a preliminary round allows as many marks as candidates to put forward', () => {
    const preliminary = input({ round: { id: 'R4', seq: 1, kind: 'preliminary', seats: 5, advance: 6 } });
    expect(writeInBoxes(preliminary)).toBe(6);
    expect(buildBallot(preliminary).summary).toBe('预选：候选人7名，预选产生候选人6名');
    expect(ballotInstructions(preliminary)).toContain('所选人数多于预选应产生的候选人数的为无效票');
  });

  it('[T3] a run-off is among the tied candidates alone: no write-in boxes', () => {
    const runoff = buildBallot(
      input({
        candidates: ['刘洋', '张伟'],
        round: { id: 'R5', seq: 2, kind: 'runoff', seats: 1, advance: null },
      }),
    );
    expect(runoff.writeIns.boxes).toBe(0);
    expect(runoff.summary).toBe('就票数相等的被选举人再次投票：应选1名，候选人2名');
    expect(runoff.title).toBe('中国共产党示范市第十三届委员会委员选举票（第二轮再次投票）');
  });

  it('[B4] prints no serial by default: every sheet of a round is the same, its QR names round, ballot type, layout and page only', () => {
    const ballot = buildBallot(input({ sheets: { first: 9, count: 3 } }));
    expect(ballot.sheets.map((s) => s.serial)).toEqual([null, null, null]);
    expect(new Set(ballot.sheets.map((s) => s.qr)).size).toBe(1);
    const qr = parseBallotQr(ballot.sheets[0]!.qr);
    expect(qr).toEqual({
      roundId: 'RcMTe1x9Kq2LwZ7pVd3Hfa',
      office: 'committee-member',
      layout: BALLOT_LAYOUT_VERSION,
      page: 1,
      sheet: null,
    });
    expect(ballot.seal).toBe('盖章处');
  });

  it('numbers the sheets with a serial and carries it in the QR only when serials are asked for', () => {
    const ballot = buildBallot(input({ sheets: { first: 9, count: 3 }, serials: true }));
    expect(ballot.sheets.map((s) => s.serial)).toEqual(['RcMTe1x9-0009', 'RcMTe1x9-0010', 'RcMTe1x9-0011']);
    expect(parseBallotQr(ballot.sheets[0]!.qr)?.sheet).toBe(9);
    expect(ballotSerial('abc', 12345)).toBe('abc-12345');
    const payload = ballotQrPayload({
      roundId: 'abc',
      office: 'committee-member',
      layout: 2,
      page: 1,
      sheet: null,
    });
    expect(payload).toBe('plenum:ballot:v2:abc:committee-member:L2:p1');
    expect(parseBallotQr(payload)).toEqual({
      roundId: 'abc',
      office: 'committee-member',
      layout: 2,
      page: 1,
      sheet: null,
    });
    expect(parseBallotQr('plenum:ballot:v1:abc:1')).toBeNull();
    expect(() => buildBallot(input({ sheets: { first: 1, count: 0 } }))).toThrow(RangeError);
  });
});
