import { describe, expect, it } from 'vitest';
import {
  bilingual,
  DICTIONARIES,
  placeholders,
  translate,
} from '../../../src/adapters/web/src/i18n/dictionary.ts';
import { en } from '../../../src/adapters/web/src/i18n/en.ts';
import { zh } from '../../../src/adapters/web/src/i18n/zh.ts';

const HAN = /\p{Script=Han}/u;

describe('the web dictionaries', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('have a non-empty text for every key in both languages', () => {
    for (const [lang, dictionary] of Object.entries(DICTIONARIES)) {
      for (const [key, text] of Object.entries(dictionary)) {
        // 'att.unit' is the measure word 名, which English does without.
        if (lang === 'en' && key === 'att.unit') continue;
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });

  it('speak Chinese in Chinese and English in English', () => {
    const untranslated = (Object.keys(zh) as (keyof typeof zh)[]).filter(
      (key) => zh[key] === en[key] && HAN.test(zh[key]),
    );
    // Only the language switch names the other language in its own script.
    expect(untranslated).toEqual([]);
    const hanInEnglish = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => HAN.test(en[key]) && key !== 'lang.switchTo',
    );
    expect(hanInEnglish).toEqual([]);
  });

  it('use the glossary terms for attendance, quorum and voting', () => {
    expect(zh['att.expected']).toBe('应到');
    expect(zh['att.leave']).toBe('请假');
    expect(zh['att.present']).toBe('实到');
    expect(zh['att.quorumMet']).toBe('符合法定人数');
    expect(zh['round.kind.preliminary']).toBe('预选');
    expect(zh['round.kind.formal']).toBe('正式选举');
    expect(zh['round.kind.supplementary']).toBe('另行选举');
    expect(zh['round.kind.runoff']).toBe('再次投票');
    expect(zh['leave.personal']).toBe('因事');
    expect(zh['leave.illness']).toBe('因病');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('zh', 'desk.deskNo', { n: 2 })).toBe('2号签到台');
    expect(translate('en', 'desk.deskNo', { n: 2 })).toBe('Desk 2');
    expect(translate('zh', 'att.quorumMin', { fraction: '1/2', n: 207 })).toBe('实到须超过1/2，至少207名');
  });

  it('makes English words agree with their count: never "1 seats"', () => {
    expect(translate('en', 'el.seatsN', { n: 1 })).toBe('1 seat');
    expect(translate('en', 'el.seatsN', { n: 2 })).toBe('2 seats');
    expect(translate('en', 'el.seatsN', { n: 0 })).toBe('0 seats');
    expect(translate('en', 'rh.yetToVote', { n: 1 })).toBe('1 elector has not voted');
    expect(translate('en', 'el.check.summary', { count: 2, seats: 1, surplus: 1 })).toBe(
      '2 candidates for 1 seat: a surplus of 1',
    );
    expect(translate('zh', 'el.seatsN', { n: 1 })).toBe('应选1名');
    expect(placeholders('{n} {n|seat|seats}')).toEqual(['n']);
  });

  it('gives every English count of things its singular form too', () => {
    // "{n} seats" reads "1 seats" when n is 1: a count before a plural noun must say {n|seat|seats}.
    const names = new Set(['name', 'names', 'successor']);
    const verbs = new Set(['is', 'was', 'has', 'stands', 'falls', 'leaves', 'becomes']);
    const bare = Object.entries(en).flatMap(([key, text]) =>
      [...text.matchAll(/\{(\w+)\} ([a-z]+s)\b/g)]
        .filter((m) => !names.has(m[1]!) && !verbs.has(m[2]!))
        .map((m) => `${key}: ${m[0]}`),
    );
    expect(bare).toEqual([]);
  });

  it('leaves a placeholder that was not given visible rather than inventing a value', () => {
    expect(translate('en', 'desk.deskNo')).toBe('Desk {n}');
  });

  it('shows the API texts in the active language, falling back to the other', () => {
    const error = { en: 'please log in', zh: '请先登录' };
    expect(bilingual(error, 'zh')).toBe('请先登录');
    expect(bilingual(error, 'en')).toBe('please log in');
    expect(bilingual({ en: 'only English', zh: '' }, 'zh')).toBe('only English');
    expect(bilingual(null, 'zh')).toBe('');
  });
});
