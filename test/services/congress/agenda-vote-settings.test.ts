import { expect, it } from 'vitest';
import { createAgendaItem, listAgenda, updateAgendaItem } from '../../../src/services/congress/agenda.ts';
import { createSitting } from '../../../src/services/congress/sittings.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { ADMIN, serviceContext, tongliao } from './fixtures.ts';

describeEachDatabase('vote settings of an agenda item', (target) => {
  it('gives an adoption-vote item entered without its vote the vote it lacks', async () => {
    const { context, database } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const preparatory = await createSitting(context, ADMIN, congress.id, { kind: 'preparatory' });
    const item = await createAgendaItem(context, ADMIN, congress.id, preparatory.id, {
      kind: 'adoption-vote',
      title: '通过大会议程',
      vote: { mode: 'counts' },
    });
    // As a seeded or imported congress may hold it: the item without its vote.
    await database.db.deleteFrom('adoption_votes').where('agenda_item_id', '=', item.id).execute();
    expect((await listAgenda(context, congress.id, preparatory.id))[0]!.vote).toBeNull();

    const updated = await updateAgendaItem(context, ADMIN, congress.id, item.id, {
      vote: { mode: 'counts', proposal: { kind: 'agenda' } },
    });
    expect(updated.vote).toMatchObject({
      subject: '通过大会议程',
      mode: 'counts',
      basis: 'present',
      state: 'prepared',
      proposal: { kind: 'agenda' },
    });
  });

  it('refuses vote settings on an item that is not an adoption vote, and a vote in a delegation discussion', async () => {
    const { context } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const opening = await createSitting(context, ADMIN, congress.id, { kind: 'opening' });
    const report = await createAgendaItem(context, ADMIN, congress.id, opening.id, {
      kind: 'report',
      title: '听取和审查工作报告',
    });
    await expect(
      updateAgendaItem(context, ADMIN, congress.id, report.id, { vote: { mode: 'counts' } }),
    ).rejects.toMatchObject({ field: 'vote' });
    const discussion = await createSitting(context, ADMIN, congress.id, { kind: 'delegation-discussion' });
    await expect(
      createAgendaItem(context, ADMIN, congress.id, discussion.id, {
        kind: 'adoption-vote',
        title: '表决',
        vote: { mode: 'counts' },
      }),
    ).rejects.toMatchObject({ field: 'kind' });
    expect(await listAgenda(context, congress.id, discussion.id)).toEqual([]);
  });
});
