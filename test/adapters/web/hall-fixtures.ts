import type { AttendanceCounts } from '../../../src/contract/attendance.ts';
import type { ElectionSummary, ElectionView, RoundView } from '../../../src/contract/elections.ts';

// Small views for the hall pages' pure logic: only the fields the logic reads are meaningful.

export function round(patch: Partial<RoundView> & Pick<RoundView, 'id'>): RoundView {
  return {
    seq: 1,
    kind: 'formal',
    mode: 'electronic',
    status: 'open',
    seats: 5,
    advance: null,
    candidates: [],
    expected: 417,
    present: 300,
    ballotsIssued: null,
    openedAt: null,
    closedAt: null,
    announcedAt: null,
    result: null,
    ...patch,
  };
}

export function election(patch: Partial<ElectionView> & Pick<ElectionView, 'id'>): ElectionView {
  return {
    title: `选举 ${patch.id}`,
    ballotMode: 'electronic',
    status: 'in-progress',
    sittingId: null,
    rounds: [],
    ...patch,
  } as ElectionView;
}

export function summary(patch: Partial<ElectionSummary> & Pick<ElectionSummary, 'id'>): ElectionSummary {
  return {
    office: 'committee-member',
    title: `选举 ${patch.id}`,
    seats: 5,
    ballotMode: 'paper',
    status: 'preparing',
    sortOrder: 0,
    sittingId: null,
    ...patch,
  } as ElectionSummary;
}

export function counts(
  sittingId: string,
  present: number,
  sittingStatus: AttendanceCounts['sittingStatus'] = 'open',
) {
  return { sittingId, present, sittingStatus } as AttendanceCounts;
}
