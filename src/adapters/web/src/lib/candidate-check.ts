import type { CandidacyVerdict } from '../../../../contract/elections.ts';

// [C1]/[C2] checked live while the secretariat edits a candidate list. The fewest (and, for an
// equal election, the most) candidates depend only on the seats and the election's parameters,
// so they are taken from the verdict the server computed for this election (GET
// …/elections/:id `candidacy`, from src/core/rules) rather than from a second copy of the rule
// here; only the count changes as the list is edited. The server checks again on PUT
// …/candidates.

export type CandidacyBounds = Pick<CandidacyVerdict, 'rule' | 'seats' | 'minimum' | 'maximum'>;

export interface CandidateListCheck {
  readonly ok: boolean;
  readonly rule: string;
  readonly count: number;
  readonly seats: number;
  readonly minimum: number;
  readonly maximum: number | null;
  /** 差额: candidates beyond the seats (negative when fewer). */
  readonly surplus: number;
  /** How many more candidates the rule needs; 0 when there are enough. */
  readonly short: number;
  /** How many candidates too many (an equal election); 0 otherwise. */
  readonly over: number;
  /** Names on the list more than once: the server refuses such a list. */
  readonly duplicates: readonly string[];
}

/** The name as it will be stored: trimmed, full-width letters and spaces folded. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').trim();
}

export function checkCandidateList(bounds: CandidacyBounds, names: readonly string[]): CandidateListCheck {
  const cleaned = names.map(normaliseName).filter((name) => name !== '');
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of cleaned) {
    if (seen.has(name)) duplicates.add(name);
    seen.add(name);
  }
  const count = cleaned.length;
  const short = Math.max(0, bounds.minimum - count);
  const over = bounds.maximum === null ? 0 : Math.max(0, count - bounds.maximum);
  return {
    ok: short === 0 && over === 0 && duplicates.size === 0,
    rule: bounds.rule,
    count,
    seats: bounds.seats,
    minimum: bounds.minimum,
    maximum: bounds.maximum,
    surplus: count - bounds.seats,
    short,
    over,
    duplicates: [...duplicates],
  };
}

/**
 * [C3] How a ballot lists the candidates: surname-stroke order (姓氏笔画为序), the order the
 * higher committee approved (secretary and deputies), or as entered (other bodies). The server
 * returns the list already in this order.
 */
export function ballotOrderKind(office: string): 'strokes' | 'approved' | 'entered' {
  if (office === 'secretary' || office === 'deputy-secretary') return 'approved';
  if (office === 'other') return 'entered';
  return 'strokes';
}
