import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/adapters/import/read-rows.ts';
import { personName } from '../../../src/contract/common.ts';
import { makeIdNumber } from '../../../src/core/text/id-number.ts';
import { nameProblem, normalisePersonName } from '../../../src/core/text/person-name.ts';
import { isDelegateHeaderRow, previewImport } from '../../../src/services/congress/delegate-row.ts';
import { normaliseName } from '../../../src/services/congress/delegate-values.ts';
import { InputError } from '../../../src/services/input-error.ts';

// Issue 13, item 12: lone surrogates were stored as invalid UTF-8; U+202E and zero-width
// characters were accepted (张\u200b伟 beside 张伟); the import accepted markup the form refused.
// One refusal rule and one normalisation now serve every way a name enters.

/** Characters no name may hold: each is refused wherever it stands. */
const REFUSED = [
  '\u200b', // zero width space
  '\u200c',
  '\u200d',
  '\u2060', // word joiner
  '\ufeff', // zero width no-break space (BOM)
  '\u00ad', // soft hyphen
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e', // right-to-left override
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ud800', // a high surrogate alone
  '\udfff', // a low surrogate alone
  '\ufffe',
  '\ufffd', // what a wrong encoding leaves
  '<',
  '>',
];

/** What names are made of: Chinese, Latin, spaces of all kinds, dots, a combining accent, a pair. */
const ALLOWED = [
  '王',
  '宁',
  '张',
  '伟',
  '买',
  '提',
  '艾',
  '力',
  'a',
  'Z',
  'e',
  '\u0301',
  ' ',
  '\u3000',
  '\u00a0',
  '.',
  '・',
  '·',
  '-',
  '😀',
];

const allowedName = fc
  .array(fc.constantFrom(...ALLOWED), { minLength: 1, maxLength: 16 })
  .map((cs) => cs.join(''));
const anyName = fc
  .array(fc.constantFrom(...ALLOWED, ...REFUSED, '\t', '\n', '（', ','), { minLength: 1, maxLength: 16 })
  .map((cs) => cs.join(''));

describe('names: one refusal rule, one normalisation (issue 13, item 12)', () => {
  it('refuses invisible, direction, control and unpaired characters and markup, in both languages', () => {
    for (const [name, reason] of [
      ['张\u200b伟', /invisible character \(U\+200B\)/],
      ['\u202e伟张', /text-direction control \(U\+202E\)/],
      ['张\ud800伟', /unpaired surrogate/],
      ['张\u0007伟', /control character \(U\+0007\)/],
      ['<b>张伟</b>', /< or >/],
      ['\ufeff张伟', /invisible character \(U\+FEFF\)/],
    ] as const) {
      const problem = nameProblem(name);
      expect(problem?.en, name).toMatch(reason);
      expect(problem?.zh, name).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('normalises: NFC, spaces at the ends and inside a Chinese name, the middle dot', () => {
    expect(normalisePersonName(' 王\u3000宁\t')).toBe('王宁');
    expect(normalisePersonName('买买提.艾力')).toBe('买买提·艾力');
    expect(normalisePersonName('  John   Smith ')).toBe('John Smith');
    expect(normalisePersonName('Jose\u0301')).toBe('José');
    expect(nameProblem(' 王\u3000宁\t')).toBeNull();
  });

  it('any accepted name round-trips: the stored form is accepted again, unchanged, and is valid UTF-8', () => {
    fc.assert(
      fc.property(anyName, (raw) => {
        fc.pre(nameProblem(raw) === null);
        const stored = normalisePersonName(raw);
        expect(nameProblem(stored)).toBeNull();
        expect(normalisePersonName(stored)).toBe(stored);
        expect(stored.normalize('NFC')).toBe(stored);
        expect(Buffer.from(stored, 'utf8').toString('utf8')).toBe(stored);
        if (stored !== '') expect(personName(50).parse(stored)).toBe(stored);
      }),
      { numRuns: 2000 },
    );
  });

  it('no refused character survives: inserted anywhere into a good name, it is refused', () => {
    fc.assert(
      fc.property(allowedName, fc.constantFrom(...REFUSED), fc.nat(), (name, refused, at) => {
        const i = at % (name.length + 1);
        const bad = name.slice(0, i) + refused + name.slice(i);
        // (A surrogate put next to its other half would make a pair: a real character.)
        fc.pre(!/[\ud800-\udbff][\udc00-\udfff]/.test(bad.slice(Math.max(0, i - 1), i + 2)));
        expect(nameProblem(bad), JSON.stringify(bad)).not.toBeNull();
        const parsed = personName(50).safeParse(bad);
        expect(parsed.success).toBe(false);
        expect(() => normaliseName(bad)).toThrow(InputError);
      }),
      { numRuns: 2000 },
    );
  });

  it('the delegate form and the delegate import accept and store the same names, and refuse the same', async () => {
    const idNumber = makeIdNumber('150502', '1975-03-12', 123);
    /** The form: the contract's field, then the delegate service's rule (no notes in brackets). */
    const viaForm = (raw: string): string | null => {
      const parsed = personName(50).safeParse(raw);
      if (!parsed.success) return null;
      try {
        return normaliseName(parsed.data);
      } catch {
        return null;
      }
    };
    /** The import: a CSV file with the name in its 姓名 column, read and checked as an upload is. */
    const viaImport = async (raw: string): Promise<string | null> => {
      const cell = `"${raw.replaceAll('"', '""')}"`;
      const csv = `姓名,民族,入党时间,职务,代表团,公民身份号码\r\n${cell},汉族,1998-10,市委书记,第一代表团,${idNumber}\r\n`;
      const table = await readTable(Buffer.from(csv, 'utf8'), 'list.csv', {
        isHeaderRow: isDelegateHeaderRow,
      });
      const preview = previewImport(table, { today: { year: 2026, month: 9, day: 27 } });
      return preview.errors.length === 0 ? preview.valid[0]!.name : null;
    };
    await fc.assert(
      fc.asyncProperty(anyName, async (raw) => {
        expect(await viaImport(raw), JSON.stringify(raw)).toBe(viaForm(raw));
      }),
      { numRuns: 300 },
    );
    expect(viaForm('张\u200b伟')).toBeNull();
    expect(await viaImport('<script>张伟</script>')).toBeNull();
    expect(await viaImport(' 王\u3000宁 ')).toBe('王宁');
  });
});
