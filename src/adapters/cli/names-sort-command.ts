import { sortNames, UnknownCharacterError } from '../../core/names/index.ts';
import { InputError } from '../../services/input-error.ts';
import { type CliIo, readAll, splitLines, write } from './io.ts';

/** `plenum names sort [--unknown error|last]`: names on stdin, surname-stroke order on stdout. */
export async function namesSortCommand(args: readonly string[], io: CliIo): Promise<number> {
  const unknown = parseUnknownFlag(args);
  const lines = splitLines(await readAll(io.stdin))
    .map((text, index) => ({ text, line: index + 1 }))
    .filter((entry) => entry.text.trim() !== '');
  let sorted: typeof lines;
  try {
    sorted = sortNames(lines, (entry) => entry.text, { unknown });
  } catch (error) {
    if (error instanceof UnknownCharacterError) {
      const line = lines.find((entry) => entry.text === error.nameText)?.line ?? 0;
      throw new InputError(
        `line ${line}`,
        `character ${error.character} in ${error.nameText} has no stroke data (use --unknown last to put such names last)`,
        `“${error.nameText}”中的“${error.character}”没有笔画数据`,
      );
    }
    throw error;
  }
  await write(io.stdout, sorted.map((entry) => `${entry.text}\n`).join(''));
  return 0;
}

function parseUnknownFlag(args: readonly string[]): 'error' | 'last' {
  let unknown: 'error' | 'last' = 'error';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value =
      arg === '--unknown' ? args[++i] : arg.startsWith('--unknown=') ? arg.slice('--unknown='.length) : null;
    if (value === null)
      throw new InputError(arg, 'unknown argument to plenum names sort', 'plenum names sort 不接受此参数');
    if (value !== 'error' && value !== 'last') {
      throw new InputError('--unknown', 'must be error or last', '应为 error 或 last');
    }
    unknown = value;
  }
  return unknown;
}
