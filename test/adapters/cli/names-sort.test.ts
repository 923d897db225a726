import { describe, expect, it } from 'vitest';
import { expectUsageError, namesSort } from './run-cli.ts';

// `plenum names sort` (cli-contract.md; election-rules.md §7).

const lines = (...names: readonly string[]): string => names.map((name) => `${name}\n`).join('');

describe.concurrent('plenum names sort', () => {
  it('prints the contract example byte for byte', async () => {
    const run = await namesSort('丁小强\n丁宁（女）\n于波\n');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdoutBytes.equals(Buffer.from('丁宁（女）\n丁小强\n于波\n', 'utf8'))).toBe(true);
  });

  it('[§7.2] orders equal stroke counts by the strokes in writing order (于 < 才 < 万 < 么 < 习 < 马; 李 < 张)', async () => {
    const run = await namesSort(
      lines('马力', '习平', '么强', '万里', '才华', '于波', '张伟', '李强', '中华', '月明', '仁杰'),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      lines('于波', '才华', '万里', '么强', '习平', '马力', '中华', '仁杰', '月明', '李强', '张伟'),
    );
  });

  it('[§7.3] a single-character given name sorts before every two-character one (丁宁 < 丁纯 < 丁炜 < 丁铭 < 丁小强)', async () => {
    const run = await namesSort(lines('丁小强', '丁铭', '丁炜', '丁纯', '丁宁'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(lines('丁宁', '丁纯', '丁炜', '丁铭', '丁小强'));
  });

  it('ignores blank lines, including lines of spaces and a missing final newline', async () => {
    const run = await namesSort('\n于波\n\n   \n丁小强\n\n丁宁（女）');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('丁宁（女）\n丁小强\n于波\n');
  });

  it('reads CRLF input and prints each name without the carriage return', async () => {
    const run = await namesSort('丁小强\r\n丁宁（女）\r\n\r\n于波\r\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('丁宁（女）\n丁小强\n于波\n');
  });

  it('reads input whose only line breaks are carriage returns (old Mac files, some Excel exports)', async () => {
    const run = await namesSort('丁小强\r丁宁（女）\r\r于波\r');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('丁宁（女）\n丁小强\n于波\n');
  });

  it('reads a mix of CR LF, LF and CR line breaks', async () => {
    const run = await namesSort('丁小强\r\n丁宁（女）\n于波\r王宁');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('丁宁（女）\n丁小强\n于波\n王宁\n');
  });

  it('prints nothing for empty input', async () => {
    const run = await namesSort('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('[§7.4] keeps annotations and the full-width padding space in the output but not in the key', async () => {
    // 王　宁 sorts as 王宁 (4 strokes, then 宁) and before 王小明; （回族） does not make 丁一 sort later.
    const run = await namesSort(lines('王小明', '于波（河南）', '王　宁', '丁一（回族）', '马　力（女）'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(lines('丁一（回族）', '于波（河南）', '马　力（女）', '王　宁', '王小明'));
  });

  it('[§7.5] identical keys keep their input order', async () => {
    const run = await namesSort(
      lines('王宁（女）', '张伟', '王　宁', '丁一', '王宁', '张伟（河南）', '张　伟'),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(lines('丁一', '王宁（女）', '王　宁', '王宁', '张伟', '张伟（河南）', '张　伟'));
  });

  it('[§7.6] counts a traditional character as its simplified standard form (劉 as 刘, 6 strokes)', async () => {
    const run = await namesSort(lines('李强', '劉洋', '王宁'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(lines('王宁', '劉洋', '李强'));
  });

  it('an Extension-B character without stroke data is an error naming the character and the line', async () => {
    const run = await namesSort('丁小强\n\n𠀀宁（女）\n于波\n');
    const line = expectUsageError(run, '𠀀');
    expect(line).toMatch(/line 3\b|第\s*3\s*行/);
  });

  it('a Latin name is an error naming the character and the line', async () => {
    const run = await namesSort('丁小强\r\n于波\r\nSmith\r\n');
    const line = expectUsageError(run, 'S');
    expect(line).toMatch(/line 3\b|第\s*3\s*行/);
  });

  it('`--unknown error` is the default behaviour, spelled out', async () => {
    const run = await namesSort('王宁\nSmith\n', ['--unknown', 'error']);
    const line = expectUsageError(run, 'S');
    expect(line).toMatch(/line 2\b|第\s*2\s*行/);
  });

  it('`--unknown last` puts names without stroke data after all others, in input order', async () => {
    const run = await namesSort(lines('Smith', '王宁', '𠀀宁（女）', '丁小强', 'Ann Lee', '于波'), [
      '--unknown',
      'last',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(lines('丁小强', '于波', '王宁', 'Smith', '𠀀宁（女）', 'Ann Lee'));
  });

  it('an unknown flag is exit 2 with one line naming it', async () => {
    expectUsageError(await namesSort('王宁\n', ['--reverse']), '--reverse');
  });

  it('an unknown value of --unknown is exit 2', async () => {
    expectUsageError(await namesSort('王宁\n', ['--unknown', 'first']), '--unknown');
  });
});
