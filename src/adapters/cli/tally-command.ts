import { UnknownCharacterError } from '../../core/names/index.ts';
import { type RoundResult, tallyRound } from '../../core/rules/index.ts';
import { InputError } from '../../services/input-error.ts';
import { type CliIo, checkJsonDepth, readAll, write } from './io.ts';
import { fieldOfName, parseTallyInput } from './tally-input.ts';

/** `plenum tally`: one round as JSON on stdin, the result as JSON on stdout (cli-contract.md). */
export async function tallyCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args.length > 0)
    throw new InputError(args[0]!, 'unknown argument to plenum tally', 'plenum tally 不接受此参数');
  const text = await readAll(io.stdin);
  checkJsonDepth(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError('stdin', `not valid JSON: ${(error as Error).message}`, '输入不是有效的 JSON');
  }
  let result: RoundResult;
  try {
    result = tallyRound(parseTallyInput(json));
  } catch (error) {
    if (error instanceof UnknownCharacterError) {
      throw new InputError(
        fieldOfName(json, error),
        `character ${error.character} in ${error.nameText} has no stroke data`,
        `“${error.nameText}”中的“${error.character}”没有笔画数据，无法按姓氏笔画排序`,
      );
    }
    throw error;
  }
  await write(io.stdout, `${JSON.stringify(contractOrder(result), null, 2)}\n`);
  return 0;
}

/** The contract's fields in the contract's order, then what this implementation adds. */
export function contractOrder(result: RoundResult): Record<string, unknown> {
  const {
    outcome,
    quorum,
    candidacy,
    validity,
    ballots,
    threshold,
    results,
    elected,
    runoff,
    shortfall,
    ...extra
  } = result;
  return {
    outcome,
    quorum,
    candidacy,
    validity,
    ballots,
    threshold,
    results,
    elected,
    runoff,
    shortfall,
    ...extra,
  };
}
