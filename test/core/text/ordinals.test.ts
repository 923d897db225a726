import { describe, expect, it } from 'vitest';
import {
  committeeFullName,
  congressFullName,
  congressName,
  disciplineCommissionFullName,
  disciplineTermName,
  type OrganisationNames,
  plenaryFullName,
  plenaryPressName,
  plenaryShortName,
  termName,
} from '../../../src/core/text/ordinals.ts';

const tongliao: OrganisationNames = { locality: '通辽市', committeeShortName: '市委' };
const demo: OrganisationNames = { locality: '示范市', committeeShortName: '市委' };

describe('[P7] congress, term and plenary names', () => {
  it('[P7] names the Nth congress', () => {
    expect(congressName(6)).toBe('第六次代表大会');
    expect(congressName(13)).toBe('第十三次代表大会');
    expect(congressName(20)).toBe('第二十次代表大会');
    expect(congressFullName(tongliao, 6)).toBe('中国共产党通辽市第六次代表大会');
  });

  it('[P7] names the Nth committee and discipline commission', () => {
    expect(termName(13)).toBe('第十三届委员会');
    expect(committeeFullName(tongliao, 5)).toBe('中国共产党通辽市第五届委员会');
    expect(disciplineTermName(13)).toBe('第十三届纪律检查委员会');
    expect(disciplineCommissionFullName(tongliao, 6)).toBe('中国共产党通辽市第六届纪律检查委员会');
  });

  it('[P7] numbers plenaries within the term', () => {
    expect(plenaryShortName(13, 1)).toBe('十三届一次全会');
    expect(plenaryShortName(8, 2)).toBe('八届二次全会');
    expect(plenaryFullName(demo, 13, 1)).toBe('中国共产党示范市第十三届委员会第一次全体会议');
    expect(plenaryPressName('市委', 13, 1)).toBe('市委十三届一次全会');
    // The Quzhou seed's headline form.
    expect(plenaryPressName('市委', 8, 2, 'meeting')).toBe('市委八届二次全体会议');
    // The Dalian seed: the discipline commission's plenary.
    expect(plenaryPressName('市纪委', 13, 1)).toBe('市纪委十三届一次全会');
  });

  it.each([0, -1, 1.5])('rejects the number %s', (n) => {
    expect(() => congressName(n)).toThrow(RangeError);
    expect(() => plenaryShortName(13, n)).toThrow(RangeError);
  });
});
