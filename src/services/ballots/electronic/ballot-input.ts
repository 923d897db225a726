import { stripAnnotations } from '../../../core/names/index.ts';
import { BallotBoxBuilder, countBallots, type RuleParameters } from '../../../core/rules/index.ts';
import { checkMarks, markCodes } from '../../elections/marks-codec.ts';
import { ServiceError } from '../../errors.ts';
import { InputError } from '../../input-error.ts';
import type { ElectronicRound } from './electronic-round.ts';

/** What a delegate submits: one mark per printed candidate, and names written in. */
export interface ElectronicBallotInput {
  /** One character per printed candidate in ballot order: F for (赞成), A against (不赞成), - abstain (弃权). */
  readonly marks: string;
  /** [B1] Names written in (另选他人), each counted as a "for" mark. */
  readonly writeIns?: readonly string[];
  /** [B3] The elector knows the ballot is over-marked (invalid) and casts it anyway. */
  readonly confirmInvalid?: boolean;
}

export interface CheckedBallot {
  readonly marks: string;
  readonly writeIns: readonly string[];
  readonly valid: boolean;
}

/**
 * Checks a ballot against its round. [B1] Every printed candidate gets F, A or -; "unreadable"
 * does not exist on a screen. Write-ins only where the election method allows them, never a
 * printed name, never the same name twice, no more than the write-in slots (the seats).
 * [B3] An over-marked ballot is invalid: refused unless the elector confirms it deliberately.
 */
export function checkElectronicBallot(input: ElectronicBallotInput, round: ElectronicRound): CheckedBallot {
  if (input.marks.includes('?')) {
    throw new InputError(
      'marks',
      "'?' (unreadable) exists only on paper; mark each candidate F (for), A (against) or - (abstain)",
      '“?”（无法辨认）仅用于纸质选票；请对每名候选人选择 F（赞成）、A（不赞成）或 -（弃权）',
    );
  }
  const marks = checkMarks(input.marks, round.candidates.length);
  const writeIns = checkWriteIns(input.writeIns ?? [], round);
  const valid = ballotIsValid(marks, writeIns, round.maxFor, round.parameters);
  if (!valid && input.confirmInvalid !== true) {
    const forMarks = [...marks].filter((mark) => mark === 'F').length + writeIns.length;
    throw new ServiceError(
      400,
      'ballot-over-marked',
      `${forMarks} "for" marks (write-ins included) for ${round.maxFor} seats: a ballot with more "for" marks than seats is invalid and none of its marks count. Correct it, or cast it anyway with confirmInvalid: true`,
      `赞成${forMarks}人（含另选他人），多于应选${round.maxFor}名：所选人数多于应选名额的选票为无效票，全部标记均不计入。请修改；如确需投出无效票，请确认后再提交`,
      'B3',
    );
  }
  return { marks, writeIns, valid };
}

function checkWriteIns(names: readonly string[], round: ElectronicRound): string[] {
  if (names.length === 0) return [];
  if (!round.parameters.writeIns) {
    throw new InputError(
      'writeIns',
      'this election does not allow write-ins (另选他人)',
      '本次选举不设另选他人',
    );
  }
  if (names.length > round.maxFor) {
    throw new InputError(
      'writeIns',
      `at most ${round.maxFor} names may be written in (one per seat)`,
      `另选他人最多填写${round.maxFor}人（不超过应选名额）`,
    );
  }
  const printed = new Set(round.candidates.map(stripAnnotations));
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const name = raw.trim();
    const key = stripAnnotations(name);
    const field = `writeIns[${i}]`;
    if (key === '') throw new InputError(field, 'write a name', '请填写姓名');
    if (printed.has(key)) {
      throw new InputError(
        field,
        `${name} is a printed candidate: mark them instead of writing them in`,
        `${name}是候选人，请直接在其姓名下标记，不要另选`,
      );
    }
    if (seen.has(key)) throw new InputError(field, `${name} is written in twice`, `${name}被重复填写`);
    seen.add(key);
    return name;
  });
}

/** [B3] (through the rules engine's own count): is this one ballot valid? */
export function ballotIsValid(
  marks: string,
  writeIns: readonly string[],
  maxFor: number,
  parameters: RuleParameters,
): boolean {
  const box = new BallotBoxBuilder(marks.length, 1).add({ marks: markCodes(marks), writeIns }).build();
  return countBallots(box, maxFor, parameters).valid === 1;
}
