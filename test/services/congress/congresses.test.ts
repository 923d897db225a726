import { expect, it } from 'vitest';
import {
  closeCongress,
  createCongress,
  getCongress,
  listCongressBasics,
  updateCongress,
} from '../../../src/services/congress/congresses.ts';
import { createOrganisation } from '../../../src/services/congress/organisations.ts';
import { closeSitting, createSitting, openSitting } from '../../../src/services/congress/sittings.ts';
import { createTerm } from '../../../src/services/congress/terms.ts';
import type { CongressEvent } from '../../../src/services/events.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { ADMIN, serviceContext, snapshot, tongliao } from './fixtures.ts';

describeEachDatabase('congresses and plenaries', (target) => {
  it('[P7] titles a congress and its plenaries with Chinese numerals, and picks the rule set', async () => {
    const { context } = await serviceContext(target);
    const { city, congress } = await tongliao(context);
    expect(congress).toMatchObject({
      title: '中国共产党通辽市第六次代表大会',
      name: '第六次代表大会',
      kind: 'congress',
      number: 6,
      ruleSet: 'local-congress',
      status: 'preparing',
    });
    const term = await createTerm(context, ADMIN, city.id, {
      body: 'committee',
      number: 13,
      startedOn: '2026-09-29',
    });
    const plenary = await createCongress(context, ADMIN, {
      kind: 'plenary',
      termId: term.id,
      plenaryNumber: 1,
    });
    expect(plenary).toMatchObject({
      kind: 'plenary',
      number: 13,
      plenaryNumber: 1,
      termId: term.id,
      title: '中国共产党通辽市第十三届委员会第一次全体会议',
      name: '市委十三届一次全会',
      ruleSet: 'local-plenary',
    });
    const discipline = await createTerm(context, ADMIN, city.id, {
      body: 'discipline-commission',
      number: 13,
      startedOn: '2026-09-29',
    });
    const commission = await createCongress(context, ADMIN, {
      kind: 'plenary',
      termId: discipline.id,
      plenaryNumber: 1,
    });
    expect(commission).toMatchObject({
      title: '中国共产党通辽市第十三届纪律检查委员会第一次全体会议',
      name: '市纪委十三届一次全会',
    });
    await expect(
      createCongress(context, ADMIN, { kind: 'plenary', termId: term.id, plenaryNumber: 1 }),
    ).rejects.toMatchObject({ code: 'plenary-exists' });
    const village = await createOrganisation(context, ADMIN, {
      name: '某村党委',
      shortName: '党委',
      locality: '某村',
      level: 'grassroots',
      parentId: city.id,
    });
    expect(
      await createCongress(context, ADMIN, { kind: 'congress', organisationId: village.id, number: 2 }),
    ).toMatchObject({ ruleSet: 'grassroots', title: '中国共产党某村第二次代表大会' });
  });

  it('lists the public basics only, and edits dates with checks', async () => {
    const { context, database } = await serviceContext(target);
    const { congress } = await tongliao(context);
    expect(await listCongressBasics(context)).toEqual([
      {
        id: congress.id,
        title: '中国共产党通辽市第六次代表大会',
        startsOn: '2026-09-27',
        endsOn: '2026-09-29',
        venue: '市行政中心大礼堂',
      },
    ]);
    const before = await snapshot(database);
    await expect(updateCongress(context, ADMIN, congress.id, { endsOn: '2026-09-01' })).rejects.toMatchObject(
      { field: 'endsOn' },
    );
    expect(await snapshot(database)).toEqual(before);
    const updated = await updateCongress(context, ADMIN, congress.id, {
      theme: '聚焦绿色转型 聚力高质量发展',
    });
    expect(updated.theme).toBe('聚焦绿色转型 聚力高质量发展');
  });

  it('goes in session with its first sitting and closes once every sitting is closed', async () => {
    const { context } = await serviceContext(target);
    const { congress } = await tongliao(context);
    const events: CongressEvent[] = [];
    context.events.subscribe(congress.id, (event) => events.push(event));
    const sitting = await createSitting(context, ADMIN, congress.id, { kind: 'opening' });
    await openSitting(context, ADMIN, congress.id, sitting.id);
    expect((await getCongress(context, congress.id)).status).toBe('in-session');
    await expect(closeCongress(context, ADMIN, congress.id)).rejects.toMatchObject({
      code: 'sitting-open',
      zh: '请先结束会次“开幕大会”',
    });
    await closeSitting(context, ADMIN, congress.id, sitting.id);
    expect((await closeCongress(context, ADMIN, congress.id)).status).toBe('closed');
    expect(events.map((e) => (e.data as { change: string }).change)).toEqual([
      'sitting-opened',
      'sitting-closed',
      'congress-status',
    ]);
    await expect(createSitting(context, ADMIN, congress.id, { kind: 'plenary' })).rejects.toMatchObject({
      code: 'congress-closed',
    });
  });
});
