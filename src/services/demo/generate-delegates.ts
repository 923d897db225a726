import { sortNames } from '../../core/names/index.ts';
import type { Ethnicity, Gender } from '../../core/text/gender-ethnicity.ts';
import {
  DELEGATIONS,
  type DemoTag,
  PLACES,
  type PoolPost,
  type Post,
  TIERS,
  type Tier,
} from './delegations.ts';
import { PersonGenerator } from './people.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface GeneratedDelegate {
  /** 代表证号: 0001, 0002… by delegation, then surname-stroke order within it. */
  readonly code: string;
  readonly name: string;
  readonly gender: Gender;
  readonly ethnicity: Ethnicity;
  readonly birthDate: string;
  readonly joinedDate: string;
  readonly idNumber: string;
  readonly position: string;
  readonly delegation: string;
  readonly tier: Tier;
  /** The demo's use of this delegate (offices, bodies, candidacies). */
  readonly tags: readonly DemoTag[];
  readonly votingRights: boolean;
  readonly suspensionReason: string | null;
}

/** The demo has 417 delegates with four suspended; other counts scale this. */
const FULL_SIZE = DELEGATIONS.reduce((sum, d) => sum + d.size, 0);
const SUSPENDED_PER_FULL_SIZE = 4;

const SUSPENSION_REASONS = [
  '因涉嫌违纪被停止党员权利',
  '因涉嫌严重违纪违法接受审查调查，停止执行代表职务',
  '受到留党察看处分，无表决权和选举权',
  '因涉嫌违纪被停止党员权利',
] as const;

/**
 * `count` delegates of the demonstration congress, in delegate-code order: the delegations of
 * delegations.ts scaled to `count`, their fixed posts first, the rest drawn from their pools, with
 * names that are unique (up to very large counts) and ID numbers that match birth date and gender.
 * Pure: the same generator state gives the same delegates. For tests and benchmarks too.
 */
export function generateDelegates(
  random: SeededRandom,
  count: number,
  people = new PersonGenerator(random),
): GeneratedDelegate[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const sizes = scaledSizes(count);
  const drafts: Omit<GeneratedDelegate, 'code'>[][] = [];
  DELEGATIONS.forEach((spec, index) => {
    const size = sizes[index]!;
    const usedPositions = new Set<string>();
    const members: Omit<GeneratedDelegate, 'code'>[] = [];
    const place = (key: string): string => random.pick(spec.places?.[key] ?? PLACES[key] ?? [key]);
    const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, key: string) => place(key));
    const add = (post: Post | PoolPost, position: string, pooled: boolean) => {
      const tier = TIERS[post.tier];
      const women = 'women' in post && post.women !== undefined ? post.women : tier.women;
      const person = people.person({
        born: tier.born,
        women,
        ...('gender' in post && post.gender ? { gender: post.gender } : {}),
        regions: spec.regions,
      });
      members.push({
        ...person,
        position,
        delegation: spec.name,
        tier: post.tier,
        tags: pooled ? [] : ((post as Post).tags ?? []),
        votingRights: true,
        suspensionReason: null,
      });
    };
    for (const post of spec.posts.slice(0, size)) {
      const position = fill(post.position);
      usedPositions.add(position);
      add(post, position, false);
    }
    const weighted = spec.pool.map((post) => [post, post.weight] as const);
    while (members.length < size) {
      const post = random.weighted(weighted);
      // Posts of one unit (a village's secretary) are not given twice when another can be found.
      let position = fill(post.position);
      for (let attempt = 0; attempt < 12 && usedPositions.has(position); attempt++)
        position = fill(post.position);
      usedPositions.add(position);
      add(post, position, true);
    }
    drafts.push(members);
  });
  suspendSome(random, drafts, Math.round((SUSPENDED_PER_FULL_SIZE * count) / FULL_SIZE));
  let next = 0;
  return drafts.flatMap((members) =>
    sortNames(members, (member) => member.name).map((member) => ({
      code: String(++next).padStart(4, '0'),
      ...member,
    })),
  );
}

/** Delegation sizes proportional to the full demo's, summing to `count` (largest remainder). */
function scaledSizes(count: number): number[] {
  const exact = DELEGATIONS.map((d) => (d.size * count) / FULL_SIZE);
  const sizes = exact.map(Math.floor);
  let missing = count - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing === 0) break;
    sizes[index]! += 1;
    missing -= 1;
  }
  return sizes;
}

/** Suspends the voting rights of `n` ordinary delegates (never one holding a post the demo uses). */
function suspendSome(random: SeededRandom, drafts: Omit<GeneratedDelegate, 'code'>[][], n: number): void {
  const ordinary = drafts
    .flatMap((members) => members.map((member, index) => ({ members, index, member })))
    .filter(({ member }) => member.tags.length === 0);
  random.sample(ordinary, n).forEach(({ members, index, member }, k) => {
    members[index] = {
      ...member,
      votingRights: false,
      suspensionReason: SUSPENSION_REASONS[k % SUSPENSION_REASONS.length]!,
    };
  });
}
