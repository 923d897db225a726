import {
  BallotBoxBuilder,
  defaultParameters,
  MARK_CODE,
  type RoundInput,
  tallyRound,
} from '../../src/core/rules/index.ts';
import { seededRandom } from './prng.ts';

/** Candidate names drawn from common surnames and given-name characters (all covered by the stroke data). */
function candidateNames(count: number): string[] {
  const surnames =
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛';
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力林宁波';
  const names = new Set<string>();
  for (let i = 0; names.size < count; i++) {
    names.add(
      surnames[i % surnames.length]! +
        given[Math.floor(i / surnames.length) % given.length]! +
        given[(i * 7) % given.length]!,
    );
  }
  return [...names];
}

/**
 * A round of `ballots` distinct ballots (no two merged, the worst case) over `candidates` printed names;
 * each mark is "for" with probability 0.5, "against" 0.1, otherwise an abstention.
 */
export function makeRound(ballots: number, candidates: number, seats: number, seed: number): RoundInput {
  const random = seededRandom(seed);
  const builder = new BallotBoxBuilder(candidates, ballots);
  const marks = new Uint8Array(candidates);
  for (let i = 0; i < ballots; i++) {
    for (let j = 0; j < candidates; j++) {
      const r = random();
      marks[j] = r < 0.5 ? MARK_CODE.for : r < 0.6 ? MARK_CODE.against : MARK_CODE.abstain;
    }
    builder.add({ marks });
  }
  return {
    ruleSet: 'local-congress',
    office: 'committee-member',
    round: 'formal',
    seats,
    electors: { expected: ballots, present: ballots },
    ballotsIssued: ballots,
    candidates: candidateNames(candidates),
    ballots: builder.build(),
    parameters: { ...defaultParameters('local-congress', 'committee-member'), minSurplusPercent: 0 },
  };
}

/** Times `tallyRound` alone (the ballots are built beforehand). */
export function benchTally(input: RoundInput): { ms: number; outcome: string } {
  const start = performance.now();
  const result = tallyRound(input);
  return { ms: performance.now() - start, outcome: result.outcome };
}
