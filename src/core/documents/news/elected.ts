// Who was elected to what, in the order the lists are published [T7]: members, discipline
// commission members and delegates in surname-stroke order; alternates by votes [T6] (the
// succession order: earlier rounds first, by votes within a round); the standing committee,
// secretary and deputies in the order the higher committee approved.

import { type Office, publishedOrder } from '../../rules/index.ts';
import type { ElectedRecord, ElectionRecord } from './record.ts';

/** The published list of everyone an office's elections elected (announced rounds only). */
export function electedNames(elections: readonly ElectionRecord[], office: Office): string[] {
  const relevant = elections.filter((e) => e.office === office);
  // [T5] a combined member-and-alternate ballot elects alternates too.
  const combined =
    office === 'alternate-member' ? elections.filter((e) => e.office === 'committee-member') : [];
  if (office === 'alternate-member') {
    const names: string[] = [];
    for (const election of [...combined, ...relevant]) {
      for (const round of election.rounds) {
        const elected =
          election.office === 'alternate-member' ? round.elected : (round.electedAlternates ?? []);
        for (const name of publishedOrder('alternate-member', elected, []))
          if (!names.includes(name)) names.push(name);
      }
    }
    return names;
  }
  const standings = new Map<string, ElectedRecord>();
  const approved: string[] = [];
  for (const election of relevant) {
    for (const name of election.approvedOrder) if (!approved.includes(name)) approved.push(name);
    for (const round of election.rounds)
      for (const s of round.elected) if (!standings.has(s.name)) standings.set(s.name, s);
  }
  return publishedOrder(office, [...standings.values()], approved);
}

/** The title of the first election of an office (the delegates' list takes its heading from it). */
export function electionTitle(elections: readonly ElectionRecord[], office: Office): string | null {
  return elections.find((e) => e.office === office)?.title ?? null;
}
