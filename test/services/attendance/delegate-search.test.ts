import { describe, expect, it } from 'vitest';
import { checkIn } from '../../../src/services/attendance/check-in.ts';
import { searchDelegates } from '../../../src/services/attendance/delegate-search.ts';
import { matchPinyin, pinyinReadings } from '../../../src/services/attendance/pinyin-keys.ts';
import { describeEachDatabase, openMigrated } from '../../support/databases.ts';
import { testContext } from '../../support/http.ts';
import { DESK, seedAttendanceCongress } from './fixtures.ts';

describe('pinyin readings', () => {
  it('matches initials, full pinyin, its prefix and mixtures from the start of the name', () => {
    const readings = pinyinReadings('王小强');
    for (const query of ['wxq', 'wangxiaoqiang']) expect(matchPinyin(readings, query)).toBe('exact');
    for (const query of ['w', 'wx', 'wang', 'wangx', 'wangxiao', 'wangxq', 'wxiaoq'])
      expect(matchPinyin(readings, query)).toBe('prefix');
    for (const query of ['xq', 'wqx', 'wangq', 'wxqa']) expect(matchPinyin(readings, query)).toBeUndefined();
  });

  it('reads polyphonic surnames both as a surname and the everyday way', () => {
    expect(matchPinyin(pinyinReadings('曾小华'), 'zxh')).toBe('exact');
    expect(matchPinyin(pinyinReadings('曾小华'), 'cxh')).toBe('exact');
    expect(matchPinyin(pinyinReadings('单雄信'), 'shanxiongxin')).toBe('exact');
    expect(matchPinyin(pinyinReadings('单雄信'), 'dxx')).toBe('exact');
    expect(matchPinyin(pinyinReadings('解放'), 'xief')).toBe('prefix');
    // ü typed as v or u.
    expect(matchPinyin(pinyinReadings('吕明'), 'lvm')).toBe('prefix');
    expect(matchPinyin(pinyinReadings('吕明'), 'lum')).toBe('prefix');
    expect(matchPinyin(pinyinReadings('吕明'), 'lm')).toBe('exact');
  });

  it('ignores annotations and padding of a name', () => {
    expect(matchPinyin(pinyinReadings('王　宁（女）'), 'wn')).toBe('exact');
    expect(matchPinyin(pinyinReadings('阿不都·热合曼'), 'abdrhm')).toBe('exact');
  });
});

describeEachDatabase('delegate search at the desk', (target) => {
  const names = ['王小强', '王晓强', '汪小青', '曾小华', '单雄信', '吕明', '王　宁（女）', '欧阳修'];

  it('finds by name characters, initials, full pinyin prefix and code, with status and photo presence', async () => {
    const database = await openMigrated(target);
    const context = testContext(database);
    const { congressId, sittingId, delegates } = await seedAttendanceCongress(database, {
      voting: 40,
      names,
    });
    await checkIn(context, DESK, {
      congressId,
      sittingId,
      delegate: { code: delegates[0]!.code },
      desk: '2',
    });
    const search = async (q: string) =>
      (await searchDelegates(database.db, congressId, sittingId, q)).candidates;

    const byChars = await search('小强');
    expect(byChars.map((c) => c.name)).toEqual(['王小强']);
    expect(byChars[0]).toMatchObject({
      code: 'A0001',
      delegation: '第1代表团',
      hasPhoto: true,
      votingRights: true,
      status: 'present',
      desk: '2',
    });
    expect((await search('王')).map((c) => c.name).slice(0, 3)).toEqual(['王小强', '王晓强', '王　宁（女）']);
    // Initials: 王小强 and 王晓强 share wxq; 汪小青 is wxq too (wang xiao qing).
    expect((await search('wxq')).map((c) => c.name)).toEqual(['王小强', '王晓强', '汪小青']);
    expect((await search('wangxiaoqia')).map((c) => c.name)).toEqual(['王小强', '王晓强']);
    expect((await search('wangxiaoqin')).map((c) => c.name)).toEqual(['汪小青']);
    expect((await search('WXQ')).map((c) => c.name)).toHaveLength(3);
    expect((await search('zxh')).map((c) => c.name)).toContain('曾小华');
    expect((await search('cxh')).map((c) => c.name)).toContain('曾小华');
    expect((await search('shanxx')).map((c) => c.name)).toEqual(['单雄信']);
    expect((await search('lvm')).map((c) => c.name)).toContain('吕明');
    expect((await search('oyx')).map((c) => c.name)).toEqual(['欧阳修']);
    expect((await search('王宁')).map((c) => c.name)).toEqual(['王　宁（女）']);
    // A code read off the card comes first, in any case.
    expect((await search('a0006'))[0]).toMatchObject({ name: '吕明', status: 'absent', hasPhoto: false });
    // The number on the card without prefix or zeros.
    expect((await search('06'))[0]).toMatchObject({ name: '吕明' });
    expect(await search('zzzz')).toEqual([]);
  });

  it('returns at most ten candidates and says there are more', async () => {
    const database = await openMigrated(target);
    const { congressId, sittingId } = await seedAttendanceCongress(database, { voting: 200 });
    const result = await searchDelegates(database.db, congressId, sittingId, 'A0');
    expect(result.candidates).toHaveLength(10);
    expect(result.more).toBe(true);
    expect(result.candidates.map((c) => c.code)).toEqual(
      Array.from({ length: 10 }, (_, i) => `A${String(i + 1).padStart(4, '0')}`),
    );
  });
});
