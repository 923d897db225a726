import { describe, expect, it } from 'vitest';
import { sortNames } from '../../../src/core/names/index.ts';
import { validateIdNumber } from '../../../src/core/text/id-number.ts';
import { generateDelegates } from '../../../src/services/demo/generate-delegates.ts';
import { DEMO_SEED } from '../../../src/services/demo/plan-demo.ts';
import { seededRandom } from '../../../src/services/demo/seeded-random.ts';

const TODAY = { year: 2026, month: 11, day: 1 };

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return [random.next(), random.int(1, 6), random.id(), random.code(8)];
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('stays in range and codes avoid look-alike characters', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 2000; i++) {
      const n = random.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(random.code(400)).toMatch(/^[A-HJKMNP-Z2-9]+$/);
    expect(random.id()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(random.sample([1, 2, 3, 4, 5], 3)).toHaveLength(3);
    expect(new Set(random.shuffle([1, 2, 3, 4, 5]))).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});

describe('generateDelegates', () => {
  const delegates = generateDelegates(seededRandom(DEMO_SEED), 417);

  it('is deterministic: the same seed gives the same delegates', () => {
    expect(generateDelegates(seededRandom(DEMO_SEED), 417)).toEqual(delegates);
    expect(generateDelegates(seededRandom(DEMO_SEED + 1), 417)).not.toEqual(delegates);
  });

  it('gives 417 delegates in 13 delegations with codes 0001… and unique names', () => {
    expect(delegates).toHaveLength(417);
    expect(delegates.map((d) => d.code)).toEqual(delegates.map((_, i) => String(i + 1).padStart(4, '0')));
    expect(new Set(delegates.map((d) => d.delegation)).size).toBe(13);
    expect(new Set(delegates.map((d) => d.name)).size).toBe(417);
  });

  it('numbers each delegation in surname-stroke order', () => {
    for (const delegation of new Set(delegates.map((d) => d.delegation))) {
      const members = delegates.filter((d) => d.delegation === delegation);
      expect(sortNames(members, (d) => d.name)).toEqual(members);
    }
  });

  it('has about 30% women and about 10% from ethnic minorities, with one- and two-character given names', () => {
    const women = delegates.filter((d) => d.gender === 'female').length;
    const minorities = delegates.filter((d) => d.ethnicity !== '汉族');
    expect(women / 417).toBeGreaterThan(0.25);
    expect(women / 417).toBeLessThan(0.4);
    expect(minorities.length / 417).toBeGreaterThan(0.06);
    expect(minorities.length / 417).toBeLessThan(0.15);
    expect(new Set(minorities.map((d) => d.ethnicity)).size).toBeGreaterThanOrEqual(4);
    const short = delegates.filter((d) => d.name.length === 2).length;
    expect(short).toBeGreaterThan(60);
    expect(short).toBeLessThan(300);
  });

  it('gives valid ID numbers that agree with the birth date and gender, and joining after the 18th birthday', () => {
    for (const d of delegates) {
      const id = validateIdNumber(d.idNumber, TODAY);
      expect(id, `${d.name} ${d.idNumber}`).toMatchObject({
        ok: true,
        birthDate: d.birthDate,
        gender: d.gender,
      });
      const year = Number(d.birthDate.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(1960);
      expect(year).toBeLessThanOrEqual(1992);
      const eighteen = `${year + 18}${d.birthDate.slice(4)}`;
      expect(d.joinedDate >= eighteen, `${d.name} born ${d.birthDate} joined ${d.joinedDate}`).toBe(true);
      expect(d.joinedDate <= '2024-12-31').toBe(true);
    }
    expect(new Set(delegates.map((d) => d.idNumber)).size).toBe(417);
  });

  it('suspends four ordinary delegates, each with a reason', () => {
    const suspended = delegates.filter((d) => !d.votingRights);
    expect(suspended).toHaveLength(4);
    for (const d of suspended) {
      expect(d.suspensionReason).toBeTruthy();
      expect(d.tags).toEqual([]);
    }
    expect(delegates.filter((d) => d.votingRights).every((d) => d.suspensionReason === null)).toBe(true);
  });

  it('has the posts the demo builds on: one secretary, an 11-member standing committee', () => {
    expect(delegates.filter((d) => d.tags.includes('secretary')).map((d) => d.position)).toEqual([
      '市委书记',
    ]);
    expect(delegates.filter((d) => d.tags.includes('standing'))).toHaveLength(11);
    expect(delegates.every((d) => d.position.length > 0 && !d.position.includes('{'))).toBe(true);
  });

  it('scales to other counts (benchmarks), names still sortable', () => {
    for (const count of [0, 1, 50, 2000]) {
      const list = generateDelegates(seededRandom(3), count);
      expect(list).toHaveLength(count);
      expect(() => sortNames(list, (d) => d.name)).not.toThrow();
    }
  });
});
