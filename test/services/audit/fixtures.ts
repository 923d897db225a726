import { DEFAULT_TEMPLATES } from '../../../src/core/documents/news/index.ts';
import { checkIn } from '../../../src/services/attendance/check-in.ts';
import { castElectronicBallot } from '../../../src/services/ballots/electronic/cast.ts';
import { createAgendaItem, deleteAgendaItem } from '../../../src/services/congress/agenda.ts';
import { createDelegation, deleteDelegation } from '../../../src/services/congress/delegations.ts';
import { createSitting, openSitting } from '../../../src/services/congress/sittings.ts';
import {
  addPosition,
  approvePosition,
  removePosition,
} from '../../../src/services/congress/term-positions.ts';
import { createTerm } from '../../../src/services/congress/terms.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { saveTemplate } from '../../../src/services/news/news-templates.ts';
import { delegateActor, seedElectronicRound } from '../ballots/electronic/fixtures.ts';
import { ADMIN, addDelegates, tongliao } from '../congress/fixtures.ts';

// Two congresses and the installation's shared data, with an audit entry of every kind a
// congress's log must keep or leave out: the Tongliao congress through the services (delegates,
// a delegation and an agenda item created and deleted, a check-in, a term with a position added,
// removed and approved), a news template changed (shared by every congress), and a county
// congress seeded directly whose electronic round receives two votes.

export interface AuditScenario {
  readonly congressId: string;
  readonly otherCongressId: string;
  readonly sittingId: string;
  readonly deletedDelegationId: string;
  readonly termId: string;
  readonly voterIds: readonly string[];
  /** What the two voters' ballots hold: never to be found in the log [B4]. */
  readonly receipts: readonly string[];
  readonly marks: readonly string[];
}

export async function auditScenario(context: ServiceContext): Promise<AuditScenario> {
  const { city, congress } = await tongliao(context);
  const [first] = await addDelegates(context, congress.id, 2, 2);
  const spare = await createDelegation(context, ADMIN, congress.id, { name: '临时代表团' });
  await deleteDelegation(context, ADMIN, congress.id, spare.id);
  const sitting = await createSitting(context, ADMIN, congress.id, { kind: 'opening', title: '开幕大会' });
  const item = await createAgendaItem(context, ADMIN, congress.id, sitting.id, {
    kind: 'report',
    title: '报告会议筹备情况',
  });
  await deleteAgendaItem(context, ADMIN, congress.id, item.id);
  await openSitting(context, ADMIN, congress.id, sitting.id);
  await checkIn(context, ADMIN, {
    congressId: congress.id,
    sittingId: sitting.id,
    delegate: { delegateId: first! },
    desk: '1',
  });
  const term = await createTerm(context, ADMIN, city.id, {
    body: 'committee',
    number: 6,
    startedOn: '2026-09-29',
    electedByCongressId: congress.id,
  });
  await addPosition(context, ADMIN, term.id, { personName: '王伟', position: 'member' });
  const mistaken = await addPosition(context, ADMIN, term.id, { personName: '李娜', position: 'member' });
  await removePosition(context, ADMIN, term.id, mistaken.id);
  const standing = await addPosition(context, ADMIN, term.id, {
    personName: '王伟',
    position: 'standing-member',
  });
  await approvePosition(context, ADMIN, term.id, standing.id, '自治区党委批复同意');
  const opening = DEFAULT_TEMPLATES.opening.zh;
  await saveTemplate(
    context,
    ADMIN,
    { kind: 'opening', lang: 'zh' },
    { ...opening, title: `${opening.title}！` },
  );

  const county = await seedElectronicRound(context.database, {
    tag: 'e',
    delegates: 4,
    candidates: 3,
    seats: 2,
  });
  const marks = ['FFA', 'F-F'];
  const receipts: string[] = [];
  for (const [index, voter] of county.delegates.slice(0, 2).entries()) {
    const { receipt } = await castElectronicBallot(
      context,
      delegateActor(county, voter),
      county.congressId,
      county.roundId,
      { marks: marks[index]! },
    );
    receipts.push(receipt);
  }
  return {
    congressId: congress.id,
    otherCongressId: county.congressId,
    sittingId: sitting.id,
    deletedDelegationId: spare.id,
    termId: term.id,
    voterIds: county.delegates.slice(0, 2).map((d) => d.id),
    receipts,
    marks,
  };
}
