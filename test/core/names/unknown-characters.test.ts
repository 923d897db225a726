import { describe, expect, it } from 'vitest';
import {
  compareNames,
  nameSortKey,
  sortNames,
  strokeProfile,
  UnknownCharacterError,
} from '../../../src/core/names/index.ts';

function caught(run: () => unknown): UnknownCharacterError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UnknownCharacterError);
    return error as UnknownCharacterError;
  }
  throw new Error('expected an UnknownCharacterError');
}

describe('characters outside the stroke data (§7: an error, never a guess)', () => {
  it('§7 the error names the character and the name as given', () => {
    const error = caught(() => nameSortKey('王Ａ（女）'));
    expect(error.character).toBe('Ａ');
    expect(error.nameText).toBe('王Ａ（女）');
    expect(error.message).toContain('Ａ');
    expect(error.message).toContain('U+FF21');
    expect(error.message).toContain('没有笔画数据');
  });

  it('§7 a character outside the BMP is named whole, not as half a surrogate pair', () => {
    const error = caught(() => nameSortKey('王𠀀'));
    expect(error.character).toBe('𠀀');
    expect(error.message).toContain('U+20000');
  });

  it('§7 a Han character the data lacks is an error too (龘, in no list and no form of a standard character)', () => {
    expect(caught(() => nameSortKey('龘')).character).toBe('龘');
    expect(caught(() => strokeProfile('龘')).character).toBe('龘');
  });

  it('§7 compareNames throws rather than guess', () => {
    expect(caught(() => compareNames('王宁', 'Wang')).nameText).toBe('Wang');
  });

  it("§7 sortNames throws for the first such name in input order by default, or with unknown: 'error'", () => {
    expect(caught(() => sortNames(['王宁', '李x', '龘'], (n) => n)).nameText).toBe('李x');
    expect(caught(() => sortNames(['王宁', '龘', '李x'], (n) => n, { unknown: 'error' })).nameText).toBe(
      '龘',
    );
  });

  it("§7 unknown: 'last' puts such names after all others, in input order", () => {
    const names = ['龘森', '王宁', 'Smith', '丁小强', '王龘', '于波'];
    expect(sortNames(names, (n) => n, { unknown: 'last' })).toEqual([
      '丁小强',
      '于波',
      '王宁',
      '龘森',
      'Smith',
      '王龘',
    ]);
  });

  it('an unknown value for the option is refused', () => {
    expect(() => sortNames(['王宁'], (n) => n, { unknown: 'first' as 'last' })).toThrow(RangeError);
  });

  it('other errors from nameOf are not swallowed by unknown: last', () => {
    const boom = () => {
      throw new TypeError('boom');
    };
    expect(() => sortNames([1], boom, { unknown: 'last' })).toThrow(TypeError);
  });
});
