import type { Position, PositionView } from '../../../../contract/congress.ts';

// A term's positions as the organisations page lays them out: the groups in published order [T7]
// (the server sends the positions in that order) and, for a member's seat falling vacant, who
// succeeds [P7][T6]: the first alternate in the succession order.

export const POSITION_ORDER: readonly Position[] = [
  'secretary',
  'deputy-secretary',
  'standing-member',
  'member',
  'alternate',
];

/** Members and alternates are listed as names; the leadership one per row, with its approval [P6]. */
export const NAME_GRID: ReadonlySet<Position> = new Set(['member', 'alternate']);

export interface PositionGroup {
  readonly position: Position;
  readonly people: readonly PositionView[];
}

export function positionGroups(positions: readonly PositionView[]): PositionGroup[] {
  return POSITION_ORDER.map((position) => ({
    position,
    people: positions.filter((p) => p.position === position),
  })).filter((group) => group.people.length > 0);
}

/** The alternate who becomes a member when a seat falls vacant, or null when none is left. */
export function successor(positions: readonly PositionView[]): PositionView | null {
  const alternates = positions
    .filter((p) => p.position === 'alternate')
    .sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
  return alternates[0] ?? null;
}
