import { expect, it } from 'vitest';
import { createCongress } from '../../../src/services/congress/congresses.ts';
import {
  createOrganisation,
  listOrganisations,
  updateOrganisation,
} from '../../../src/services/congress/organisations.ts';
import {
  addPosition,
  approvePosition,
  fillVacancy,
  removePosition,
  setAlternates,
} from '../../../src/services/congress/term-positions.ts';
import { createTerm, getTerm } from '../../../src/services/congress/terms.ts';
import { ServiceError } from '../../../src/services/errors.ts';
import { InputError } from '../../../src/services/input-error.ts';
import { describeEachDatabase } from '../../support/databases.ts';
import { ADMIN, serviceContext, snapshot, tongliao } from './fixtures.ts';

describeEachDatabase('organisations and terms', (target) => {
  it('keeps the hierarchy: a city under a province, never the other way round or in a cycle', async () => {
    const { context } = await serviceContext(target);
    const { region, city } = await tongliao(context);
    await expect(
      createOrganisation(context, ADMIN, {
        name: '中共某省委员会',
        shortName: '省委',
        locality: '某省',
        level: 'province',
        parentId: city.id,
      }),
    ).rejects.toMatchObject({ field: 'parentId', zh: '省级党组织不能隶属于市级党组织' });
    const county = await createOrganisation(context, ADMIN, {
      name: '中共开鲁县委员会',
      shortName: '县委',
      locality: '开鲁县',
      level: 'county',
      parentId: city.id,
    });
    const branch = await createOrganisation(context, ADMIN, {
      name: '某村党委',
      shortName: '党委',
      locality: '某村',
      level: 'grassroots',
      parentId: county.id,
    });
    const cell = await createOrganisation(context, ADMIN, {
      name: '某村第一党支部',
      shortName: '党支部',
      locality: '某村',
      level: 'grassroots',
      parentId: branch.id,
    });
    await expect(updateOrganisation(context, ADMIN, branch.id, { parentId: cell.id })).rejects.toMatchObject({
      field: 'parentId',
    });
    const list = await listOrganisations(context);
    expect(list.map((o) => o.level)).toEqual(['province', 'city', 'county', 'grassroots', 'grassroots']);
    expect(list[0]!.id).toBe(region.id);
  });

  it('[P7] names terms with Chinese numerals; the Nth congress elects the Nth term, once', async () => {
    const { context, database } = await serviceContext(target);
    const { city, congress } = await tongliao(context);
    const term = await createTerm(context, ADMIN, city.id, {
      body: 'committee',
      number: 6,
      startedOn: '2026-09-29',
      electedByCongressId: congress.id,
    });
    expect(term).toMatchObject({
      title: '中国共产党通辽市第六届委员会',
      name: '第六届委员会',
      electedByCongressId: congress.id,
    });
    const discipline = await createTerm(context, ADMIN, city.id, {
      body: 'discipline-commission',
      number: 6,
      startedOn: '2026-09-29',
    });
    expect(discipline.title).toBe('中国共产党通辽市第六届纪律检查委员会');
    const before = await snapshot(database);
    await expect(
      createTerm(context, ADMIN, city.id, { body: 'committee', number: 6, startedOn: '2026-09-29' }),
    ).rejects.toMatchObject({ status: 409, zh: '该组织第6届已存在' });
    const refused = createTerm(context, ADMIN, city.id, {
      body: 'committee',
      number: 7,
      startedOn: '2026-09-29',
      electedByCongressId: congress.id,
    });
    await expect(refused).rejects.toMatchObject({ rule: 'P7', status: 422 });
    await expect(
      createTerm(context, ADMIN, city.id, {
        body: 'committee',
        number: 8,
        startedOn: '2026-09-29',
        endedOn: '2021-01-01',
      }),
    ).rejects.toBeInstanceOf(InputError);
    expect(await snapshot(database)).toEqual(before);
  });

  it('[P6] files members and alternates; standing committee, secretary and deputies wait for approval with a note', async () => {
    const { context } = await serviceContext(target);
    const { city } = await tongliao(context);
    const term = await createTerm(context, ADMIN, city.id, {
      body: 'committee',
      number: 6,
      startedOn: '2026-09-29',
    });
    for (const name of ['孟宪东', '郭玉峰', '方玉东', '王玲'])
      await addPosition(context, ADMIN, term.id, { personName: name, position: 'member' });
    // [P5] only a member can be elected to the standing committee or as secretary.
    await expect(
      addPosition(context, ADMIN, term.id, { personName: '张三', position: 'secretary' }),
    ).rejects.toMatchObject({ rule: 'P5' });
    const secretary = await addPosition(context, ADMIN, term.id, {
      personName: '孟宪东',
      position: 'secretary',
    });
    expect(secretary.reportingStatus).toBe('pending-approval');
    await expect(
      addPosition(context, ADMIN, term.id, { personName: '郭玉峰', position: 'secretary' }),
    ).rejects.toMatchObject({ code: 'secretary-exists' });
    await addPosition(context, ADMIN, term.id, { personName: '方玉东', position: 'deputy-secretary' });
    await addPosition(context, ADMIN, term.id, {
      personName: '郭玉峰',
      position: 'deputy-secretary',
      rank: 1,
    });
    const member = (await getTerm(context, term.id)).positions.find((p) => p.position === 'member')!;
    expect(member.reportingStatus).toBe('filed');
    await expect(approvePosition(context, ADMIN, term.id, member.id, '无需审批')).rejects.toMatchObject({
      rule: 'P6',
    });
    const approved = await approvePosition(
      context,
      ADMIN,
      term.id,
      secretary.id,
      '自治区党委2026年10月8日批复同意',
    );
    expect(approved).toMatchObject({
      reportingStatus: 'approved',
      approvalNote: '自治区党委2026年10月8日批复同意',
      approvedAt: '2026-09-27T01:00:00.000Z',
    });
    await expect(approvePosition(context, ADMIN, term.id, secretary.id, '再批')).rejects.toMatchObject({
      rule: 'P6',
    });
    const positions = (await getTerm(context, term.id)).positions;
    // [T7] secretary, deputies in the approved order (郭玉峰 put first), members in stroke order.
    expect(positions.map((p) => `${p.position}:${p.personName}`)).toEqual([
      'secretary:孟宪东',
      'deputy-secretary:郭玉峰',
      'deputy-secretary:方玉东',
      'member:王玲',
      'member:方玉东',
      'member:孟宪东',
      'member:郭玉峰',
    ]);
    await expect(
      removePosition(
        context,
        ADMIN,
        term.id,
        positions.find((p) => p.personName === '郭玉峰' && p.position === 'member')!.id,
      ),
    ).rejects.toMatchObject({
      code: 'position-held',
    });
  });

  it('[T6] ranks alternates by votes, ties by strokes; [P7] a vacancy is filled by the first alternate', async () => {
    const { context } = await serviceContext(target);
    const { city } = await tongliao(context);
    const term = await createTerm(context, ADMIN, city.id, {
      body: 'committee',
      number: 6,
      startedOn: '2026-09-29',
    });
    const member = await addPosition(context, ADMIN, term.id, { personName: '王宁', position: 'member' });
    await addPosition(context, ADMIN, term.id, { personName: '王宁', position: 'standing-member' });
    const alternates = await setAlternates(context, ADMIN, term.id, [
      { personName: '丁小强', votes: 380 },
      { personName: '于波', votes: 401 },
      { personName: '丁宁', votes: 380 },
    ]);
    expect(alternates.map((a) => [a.personName, a.rank])).toEqual([
      ['于波', 1],
      ['丁宁', 2],
      ['丁小强', 3],
    ]);
    await expect(
      setAlternates(context, ADMIN, term.id, [{ personName: '王宁', votes: 1 }]),
    ).rejects.toMatchObject({ code: 'position-held' });
    const { vacated, successor } = await fillVacancy(context, ADMIN, term.id, member.id);
    expect(vacated.map((p) => p.position).sort()).toEqual(['member', 'standing-member']);
    expect(successor).toMatchObject({
      personName: '于波',
      position: 'member',
      rank: null,
      reportingStatus: 'filed',
    });
    const after = (await getTerm(context, term.id)).positions;
    expect(after.map((p) => `${p.position}:${p.personName}:${p.rank}`)).toEqual([
      'member:于波:null',
      'alternate:丁宁:1',
      'alternate:丁小强:2',
    ]);
    const discipline = await createTerm(context, ADMIN, city.id, {
      body: 'discipline-commission',
      number: 6,
      startedOn: '2026-09-29',
    });
    await expect(
      addPosition(context, ADMIN, discipline.id, { personName: '王宁', position: 'alternate' }),
    ).rejects.toMatchObject({ zh: '纪律检查委员会不设候补委员' });
  });

  it('refuses a plenary number or congress number used twice', async () => {
    const { context } = await serviceContext(target);
    const { city } = await tongliao(context);
    await expect(
      createCongress(context, ADMIN, { kind: 'congress', organisationId: city.id, number: 6 }),
    ).rejects.toBeInstanceOf(ServiceError);
  });
});
