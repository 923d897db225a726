import { describe, expect, it } from 'vitest';
import {
  avatarText,
  formatDate,
  formatDateRange,
  formatHallDateTime,
  formatHallTime,
  hallToday,
} from '../../../src/adapters/web/src/lib/format.ts';

describe('dates as the interface shows them', () => {
  it('writes a date the Chinese way, and the English way', () => {
    expect(formatDate('2026-11-26', 'zh')).toBe('2026年11月26日');
    expect(formatDate('2026-01-05', 'zh')).toBe('2026年1月5日');
    expect(formatDate('2026-11-26', 'en')).toBe('26 November 2026');
    expect(formatDate(null, 'zh')).toBe('');
    expect(formatDate('soon', 'zh')).toBe('soon');
  });

  it('writes a congress’s dates as the press does', () => {
    expect(formatDateRange('2026-11-26', '2026-11-28', 'zh')).toBe('2026年11月26日至28日');
    expect(formatDateRange('2026-11-30', '2026-12-02', 'zh')).toBe('2026年11月30日至12月2日');
    expect(formatDateRange('2026-12-30', '2027-01-02', 'zh')).toBe('2026年12月30日至2027年1月2日');
    expect(formatDateRange('2026-11-26', '2026-11-26', 'zh')).toBe('2026年11月26日');
    expect(formatDateRange('2026-11-26', null, 'zh')).toBe('2026年11月26日');
    expect(formatDateRange('2026-11-26', '2026-11-28', 'en')).toBe('26–28 November 2026');
    expect(formatDateRange('2026-11-30', '2026-12-02', 'en')).toBe('30 November – 2 December 2026');
  });

  it('shows times in the hall’s time (UTC+8), whatever the browser’s zone', () => {
    expect(formatHallTime('2026-11-26T00:31:00.000Z')).toBe('08:31');
    expect(formatHallTime('2026-11-26T16:05:00Z')).toBe('00:05');
    expect(formatHallDateTime('2026-11-26T16:05:00Z', 'zh')).toBe('2026年11月27日 00:05');
    expect(formatHallDateTime('2026-11-26T01:00:00Z', 'en')).toBe('26 November 2026, 09:00');
    expect(formatHallTime(null)).toBe('');
    expect(formatHallTime('not a time')).toBe('');
    expect(hallToday(new Date('2026-11-25T17:00:00Z'))).toBe('2026-11-26');
  });

  it('puts a name’s given-name characters on an avatar without a photo', () => {
    expect(avatarText('王小强')).toBe('小强');
    expect(avatarText('王宁')).toBe('王宁');
    expect(avatarText('买买提·艾力')).toBe('艾力');
    expect(avatarText('Anna Lee')).toBe('AL');
  });
});
