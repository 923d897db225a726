import { describe, expect, it } from 'vitest';
import {
  ETHNIC_GROUPS,
  ethnicGroup,
  genderZh,
  parseEthnicity,
  parseGender,
} from '../../../src/core/text/gender-ethnicity.ts';

describe('ethnic groups', () => {
  it('lists the 56 groups with GB 3304 codes 01–56 in order', () => {
    expect(ETHNIC_GROUPS).toHaveLength(56);
    ETHNIC_GROUPS.forEach((g, i) => {
      expect(g.code).toBe(String(i + 1).padStart(2, '0'));
      expect(g.zh.endsWith('族')).toBe(true);
    });
    expect(new Set(ETHNIC_GROUPS.map((g) => g.zh)).size).toBe(56);
    expect(ethnicGroup('基诺族')).toMatchObject({ code: '56', en: 'Jino' });
    expect(ethnicGroup('朝鲜族')).toMatchObject({ code: '10', en: 'Korean', roman: 'Chosen' });
  });

  it.each([
    ['汉', '汉族'],
    ['汉族', '汉族'],
    ['Han', '汉族'],
    [' han ', '汉族'],
    ['01', '汉族'],
    ['回', '回族'],
    ['Tibetan', '藏族'],
    ['Zang', '藏族'],
    ['Uyghur', '维吾尔族'],
    ['蒙古', '蒙古族'],
    ['土', '土族'],
    ['土家', '土家族'],
    ['deang', '德昂族'],
    ["De'ang", '德昂族'],
    ['Russian', '俄罗斯族'],
  ])('reads %j as %s', (input, zh) => {
    expect(parseEthnicity(input)).toBe(zh);
  });

  it('parses every group from its Chinese, English and romanised names', () => {
    for (const g of ETHNIC_GROUPS) {
      expect(parseEthnicity(g.zh)).toBe(g.zh);
      expect(parseEthnicity(g.en)).toBe(g.zh);
      expect(parseEthnicity(g.roman.toUpperCase())).toBe(g.zh);
    }
  });

  it.each(['', '族', '汉人', 'Chinese', '57', '穿青人'])('does not guess at %j', (input) => {
    expect(parseEthnicity(input)).toBeUndefined();
  });
});

describe('gender', () => {
  it('maps 男/女 to male/female and back', () => {
    expect(parseGender('男')).toBe('male');
    expect(parseGender('女')).toBe('female');
    expect(parseGender('Female')).toBe('female');
    expect(parseGender('M')).toBe('male');
    expect(parseGender('男性')).toBe('male');
    expect(parseGender('未知')).toBeUndefined();
    expect(genderZh('male')).toBe('男');
    expect(genderZh('female')).toBe('女');
  });
});
