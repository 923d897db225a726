import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, nameSortKey, sortNames } from '../../../src/core/names/index.ts';

// Surnames (compound ones too), given-name characters, traditional forms that tie with their
// simplified ones (張/张, 陳/陈, 寧/宁), and characters with identical strokes (佘/余, 土/士).
const SURNAMES = [
  '王',
  '李',
  '张',
  '張',
  '刘',
  '陈',
  '陳',
  '丁',
  '于',
  '马',
  '欧阳',
  '司马',
  '诸葛',
  '佘',
  '余',
  '於',
];
const GIVEN = '宁寧纯炜铭小强一乙伟伟华明丽芳军静土士鑫淼燊珺曌'.split('');

const name = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...SURNAMES),
        fc.array(fc.constantFrom(...GIVEN), { minLength: 0, maxLength: 3 }),
      )
      .map(([surname, given]) => surname + given.join('')),
  },
  // Long transliterated names, with or without separators: more positions than sortNames packs
  // into a number, so the rest of the key decides.
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('阿不都', '阿不都热', '买买提', '阿'),
        fc.array(fc.constantFrom(...GIVEN), { minLength: 0, maxLength: 6 }),
        fc.boolean(),
      )
      .map(([first, rest, dot]) => first + (dot ? '·' : '') + rest.join('')),
  },
);

const ANNOTATIONS = ['（女）', '（回族）', '(河南)', '（女）（满族）'];
/** The same name with padding or annotations added, as lists are typed. */
const decorate = (text: string, how: number): string => {
  const chars = Array.from(text);
  switch (how % 4) {
    case 0:
      return chars.length === 2 ? `${chars[0]}　${chars[1]}` : ` ${text} `;
    case 1:
      return text + ANNOTATIONS[how % ANNOTATIONS.length];
    case 2:
      return chars.join(' ') + ANNOTATIONS[(how >> 2) % ANNOTATIONS.length];
    default:
      return `　${text}\t`;
  }
};

const sign = (n: number) => Math.sign(n) || 0;

describe('§7 order properties', () => {
  it('§7 compareNames is a total preorder: reflexive, antisymmetric in sign, transitive', () => {
    fc.assert(
      fc.property(name, name, name, (a, b, c) => {
        expect(compareNames(a, a)).toBe(0);
        expect(sign(compareNames(a, b)) + sign(compareNames(b, a))).toBe(0);
        if (compareNames(a, b) <= 0 && compareNames(b, c) <= 0)
          expect(compareNames(a, c)).toBeLessThanOrEqual(0);
        // Total: any two names compare one way or the other (or tie).
        expect([-1, 0, 1]).toContain(sign(compareNames(a, b)));
      }),
      { numRuns: 500 },
    );
  });

  it('§7 sorting gives a permutation of the input, in non-decreasing order', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), (names) => {
        const out = sortNames(names, (n) => n);
        expect([...out].sort()).toEqual([...names].sort());
        for (let i = 1; i < out.length; i++)
          expect(compareNames(out[i - 1]!, out[i]!)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('§7 sorting is stable: items with equal keys keep their input order', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), (names) => {
        const items = names.map((text, index) => ({ text, index }));
        const out = sortNames(items, (item) => item.text);
        for (let i = 1; i < out.length; i++) {
          const previous = out[i - 1]!;
          const current = out[i]!;
          if (nameSortKey(previous.text) === nameSortKey(current.text)) {
            expect(previous.index).toBeLessThan(current.index);
          }
        }
      }),
    );
  });

  it('§7 sorting twice changes nothing', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), (names) => {
        const once = sortNames(names, (n) => n);
        expect(sortNames(once, (n) => n)).toEqual(once);
      }),
    );
  });

  it('§7 adding annotations or padding never changes any position', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.nat(), fc.boolean()), { maxLength: 40 }), (entries) => {
        const plain = entries.map(([text], index) => ({ text, index }));
        const decorated = entries.map(([text, how, touch], index) => ({
          text: touch ? decorate(text, how) : text,
          index,
        }));
        const order = (items: { text: string; index: number }[]) =>
          sortNames(items, (item) => item.text).map((item) => item.index);
        expect(order(decorated)).toEqual(order(plain));
      }),
    );
  });

  it('§7 sortNames agrees with a stable sort by compareNames', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), (names) => {
        expect(sortNames(names, (n) => n)).toEqual([...names].sort(compareNames));
      }),
    );
  });
});
