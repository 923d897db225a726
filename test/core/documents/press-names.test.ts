import { describe, expect, it } from 'vitest';
import {
  annotatedName,
  electionSubject,
  fractionZh,
  namesPerRow,
  personAnnotation,
  pressName,
  recordedFraction,
  roundLabel,
  splitAnnotation,
  thresholdSentence,
} from '../../../src/core/documents/index.ts';

describe('names as the press prints them', () => {
  it('pads two-character names with a full-width space', () => {
    expect(pressName('王宁')).toBe('王　宁');
    expect(pressName('王　宁')).toBe('王　宁');
    expect(pressName('王 宁')).toBe('王　宁');
    expect(pressName('丁小强')).toBe('丁小强');
    expect(pressName('欧阳修远')).toBe('欧阳修远');
  });

  it('keeps annotations after the padded name', () => {
    expect(pressName('丁宁（女）')).toBe('丁　宁（女）');
    expect(pressName('马明(回族)')).toBe('马　明(回族)');
    expect(splitAnnotation('王　宁（女，回族）')).toEqual({ name: '王宁', annotation: '（女，回族）' });
  });

  it('leaves single characters, transliterated and Latin names alone', () => {
    expect(pressName('阿不都·热合曼')).toBe('阿不都·热合曼');
    expect(pressName('王')).toBe('王');
    expect(pressName('AB')).toBe('AB');
  });

  it('annotates women and ethnic groups other than Han', () => {
    expect(personAnnotation({ gender: '女', ethnicity: '汉族' })).toBe('（女）');
    expect(personAnnotation({ gender: '男', ethnicity: '回族' })).toBe('（回族）');
    expect(personAnnotation({ gender: 'female', ethnicity: 'Hui' })).toBe('（女，回族）');
    expect(personAnnotation({ gender: '男', ethnicity: '汉' })).toBeNull();
    expect(annotatedName('赵敏', { gender: '女', ethnicity: '满族' })).toBe('赵敏（女，满族）');
    // An annotation typed with the name is not doubled.
    expect(annotatedName('赵敏（女）', { gender: '女', ethnicity: '满族' })).toBe('赵敏（女）');
  });

  it('sets rows of six names, five when annotations follow them', () => {
    expect(namesPerRow(['王　宁', '丁小强', '阿不都·热合曼'])).toBe(6);
    expect(namesPerRow(['王　宁（女）', '丁小强'])).toBe(5);
  });
});

describe('labels', () => {
  it('names rounds with Chinese numerals', () => {
    expect(roundLabel(1, 'formal')).toBe('第一轮投票（正式选举）');
    expect(roundLabel(2, 'runoff')).toBe('第二轮投票（再次投票）');
    expect(roundLabel(3, 'supplementary')).toBe('第三轮投票（另行选举）');
    expect(roundLabel(1, 'preliminary')).toBe('第一轮投票（预选）');
  });

  it('takes the subject of an election from its title', () => {
    expect(electionSubject('中国共产党示范市第十三届委员会委员')).toBe('中国共产党示范市第十三届委员会委员');
    expect(electionSubject('选举县委委员')).toBe('县委委员');
    expect(electionSubject('市委委员选举')).toBe('市委委员');
  });

  it('[T1] states the threshold with its numbers', () => {
    expect(thresholdSentence({ rule: 'T1', base: 417, minimumFor: 209 }, recordedFraction('1/2'))).toBe(
      '超过应到会有选举权人数417人的半数，即至少209票',
    );
  });

  it('[T2] counts from those present in grassroots elections', () => {
    expect(thresholdSentence({ rule: 'T2', base: 40, minimumFor: 21 }, recordedFraction('1/2'))).toBe(
      '超过实到会有选举权人数40人的半数，即至少21票',
    );
  });

  it('[T3] a run-off is decided by more votes', () => {
    expect(thresholdSentence({ rule: 'T3', base: 410, minimumFor: 1 }, recordedFraction('1/2'))).toContain(
      '得票多的当选',
    );
  });

  it('writes fractions as the regulations do', () => {
    expect(fractionZh({ numerator: 1, denominator: 2 })).toBe('半数');
    expect(fractionZh({ numerator: 2, denominator: 3 })).toBe('三分之二');
    expect(recordedFraction(undefined)).toEqual({ numerator: 1, denominator: 2 });
    expect(recordedFraction('2/3')).toEqual({ numerator: 2, denominator: 3 });
  });
});
