import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCheckCharacter, makeIdNumber, validateIdNumber } from '../../../src/core/text/id-number.ts';

const today = { year: 2025, month: 11, day: 24 };

describe('validateIdNumber', () => {
  it('accepts the example printed in GB 11643-1999', () => {
    expect(validateIdNumber('11010519491231002X', today)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    });
  });

  it('accepts a number computed by hand, and reads a man from an odd 17th digit', () => {
    // 110101 Dongcheng, Beijing; born 1975-03-12; sequence 123; check character 4.
    expect(validateIdNumber('110101197503121234', today)).toEqual({
      ok: true,
      normalized: '110101197503121234',
      birthDate: '1975-03-12',
      gender: 'male',
    });
  });

  it('normalises a lower-case x, spaces and full-width digits', () => {
    const result = validateIdNumber(' 110105 19491231 002x ', today);
    expect(result.ok && result.normalized).toBe('11010519491231002X');
    const fullWidth = validateIdNumber('１１０１０５１９４９１２３１００２Ｘ', today);
    expect(fullWidth.ok && fullWidth.normalized).toBe('11010519491231002X');
  });

  it('rejects a wrong check character with reasons in both languages', () => {
    const result = validateIdNumber('110101197503121235', today);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.en).toMatch(/check character/);
    expect(result.reason.zh).toMatch(/校验码/);
  });

  it('accepts 29 February only in a leap year', () => {
    expect(validateIdNumber('330802196802290047', today).ok).toBe(true);
    const nonLeap = makeIdNumber('330802', '1968-02-28', 4).replace('19680228', '19690229');
    const result = validateIdNumber(nonLeap, today);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason.en).toMatch(/not a real date/);
  });

  it('rejects a birth date after today, and accepts one on today', () => {
    const future = makeIdNumber('110101', '2025-11-25', 11);
    expect(validateIdNumber(future, today).ok).toBe(false);
    expect(validateIdNumber(makeIdNumber('110101', '2025-11-24', 11), today).ok).toBe(true);
  });

  it.each([
    ['', /empty/],
    ['1.10101197503121E+17', /Excel/],
    ['110101750312123', /15-digit/],
    ['11010119750312123', /18 characters/],
    ['11010119750312123A', /17 digits/],
    ['X10101197503121234', /17 digits/],
    ['910101197503121234', /foreigner/],
    ['190101197503121234', /province/],
    ['720101197503121234', /province/],
    ['110101197513121234', /not a real date/],
    ['110101189912311234', /before 1900/],
  ])('rejects %j', (input, reason) => {
    const result = validateIdNumber(input, today);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.en).toMatch(reason);
    expect(result.reason.zh).not.toBe('');
  });

  it('accepts every province-level code, plus 83 for Taiwan residence permits', () => {
    for (const code of [
      '11',
      '15',
      '21',
      '23',
      '31',
      '37',
      '41',
      '46',
      '50',
      '54',
      '61',
      '65',
      '71',
      '81',
      '82',
      '83',
    ]) {
      expect(validateIdNumber(makeIdNumber(`${code}0000`, '1980-01-01', 1), today).ok).toBe(true);
    }
  });
});

describe('makeIdNumber', () => {
  const birthDate = fc
    .record({
      year: fc.integer({ min: 1900, max: 2025 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(
      ({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    );
  const region = fc.constantFrom('110101', '150502', '330802', '440305', '650102');

  it('builds numbers that validate and carry their birth date and gender (property)', () => {
    fc.assert(
      fc.property(region, birthDate, fc.integer({ min: 0, max: 999 }), (r, b, seq) => {
        const id = makeIdNumber(r, b, seq);
        const result = validateIdNumber(id, { year: 2025, month: 12, day: 31 });
        expect(result).toEqual({
          ok: true,
          normalized: id,
          birthDate: b,
          gender: seq % 2 === 1 ? 'male' : 'female',
        });
      }),
    );
  });

  it('any single changed digit breaks the checksum (property)', () => {
    // MOD 11-2 detects every single-character substitution.
    fc.assert(
      fc.property(
        region,
        birthDate,
        fc.integer({ min: 0, max: 999 }),
        fc.nat(16),
        fc.integer({ min: 1, max: 9 }),
        (r, b, seq, pos, delta) => {
          const id = makeIdNumber(r, b, seq);
          const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
          expect(idCheckCharacter(changed.slice(0, 17))).not.toBe(changed[17]);
        },
      ),
    );
  });

  it('rejects bad arguments', () => {
    expect(() => makeIdNumber('11010', '1975-03-12', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('110101', '1975-02-30', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('110101', '1975-03-12', 1000)).toThrow(RangeError);
  });
});
