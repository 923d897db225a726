import { createHash } from 'node:crypto';
import { sortNames } from '../../core/names/index.ts';
import { checkCandidacy, checkScrutineers, type Office, resolveParameters } from '../../core/rules/index.ts';
import {
  committeeFullName,
  congressFullName,
  disciplineCommissionFullName,
} from '../../core/text/ordinals.ts';
import type {
  AccountRolesTable,
  AdoptionVotesTable,
  AgendaItemsTable,
  BodyMembersTable,
  CandidatesTable,
  CongressesTable,
  DelegatesTable,
  DelegationsTable,
  ElectionMethodsTable,
  ElectionOfficersTable,
  ElectionsTable,
  OrganisationsTable,
  Role,
  SittingChairsTable,
  SittingsTable,
  TermPositionsTable,
  TermsTable,
} from '../../persistence/congress-schema.ts';
import { credentialHash } from '../accounts/account-service.ts';
import { DELEGATIONS, type DemoTag } from './delegations.ts';
import {
  COMMITTEE_REPORT_TITLE,
  committeeReport,
  DEMO_THEME,
  DISCIPLINE_REPORT_TITLE,
  disciplineReport,
  ELECTION_METHOD_TITLE,
  electionMethodBody,
  PARTY_DUES_REPORT,
} from './demo-texts.ts';
import { type GeneratedDelegate, generateDelegates } from './generate-delegates.ts';
import { PersonGenerator } from './people.ts';
import { seededRandom } from './seeded-random.ts';

// The demonstration congress as rows, computed from a seed alone: the same seed gives the same
// congress (ids, names, codes) everywhere. seed-demo.ts writes it in one audited transaction.

export const DEMO_SEED = 20261126;
export const DEMO_DELEGATE_COUNT = 417;

const CITY = { locality: '示范市', committeeShortName: '市委' };
const PROVINCE = { locality: '示范省', committeeShortName: '省委' };
const VENUE = '示范市行政中心大礼堂';
const RULE_SET = 'local-congress';

/** Seats of the four elections and the candidates each list carries. */
export const DEMO_ELECTIONS = [
  { key: 'committee', office: 'committee-member', seats: 45, candidates: 50 },
  { key: 'alternate', office: 'alternate-member', seats: 8, candidates: 9 },
  { key: 'discipline', office: 'discipline-member', seats: 25, candidates: 28 },
  { key: 'delegate', office: 'delegate', seats: 30, candidates: 36 },
] as const satisfies readonly { key: string; office: Office; seats: number; candidates: number }[];

/** The outgoing standing committee in its approved order (also the order of the presidium's). */
const STANDING_ORDER = [
  '市委书记',
  '市委副书记、市长',
  '市委副书记',
  '市委常委、市纪委书记、市监委主任',
  '市委常委、常务副市长',
  '市委常委、组织部部长',
  '市委常委、宣传部部长',
  '市委常委、政法委书记',
  '市委常委、统战部部长',
  '市委常委、秘书长',
  '市委常委、示范区党工委书记',
];

/** The demo's staff passwords, fixed and printed at start: this is a demonstration, never a real congress. */
export const DEMO_PASSWORDS = {
  admin: 'demo-admin-2026',
  'check-in': 'demo-checkin-2026',
  teller: 'demo-teller-2026',
  scrutineer: 'demo-scrutineer-2026',
  presiding: 'demo-presiding-2026',
} as const satisfies Partial<Record<Role, string>>;

/** The demo's login reserved for the first plenary's chief scrutineer (plenary-officers.ts). */
export const DEMO_PLENARY_SCRUTINEER = 'scrutineer2';

/** A staff login of the demo. */
export interface DemoLogin {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly displayName: string;
  /** Also an administrator of every congress ('*'), so the secretariat can set up the plenary. */
  readonly global?: boolean;
}

export interface DemoCredential {
  readonly code: string;
  readonly name: string;
  readonly delegation: string;
  /** What the delegate types (or scans): only its hash is stored. */
  readonly credential: string;
}

export type AccountRow = { id: string; username: string; display_name: string; password: string };

export interface DemoPlan {
  readonly seed: number;
  readonly congressId: string;
  readonly title: string;
  readonly organisations: OrganisationsTable[];
  readonly terms: TermsTable[];
  readonly termPositions: TermPositionsTable[];
  readonly congress: CongressesTable;
  readonly delegations: DelegationsTable[];
  readonly delegates: DelegatesTable[];
  readonly credentials: DemoCredential[];
  readonly bodyMembers: BodyMembersTable[];
  readonly sittings: SittingsTable[];
  readonly sittingChairs: SittingChairsTable[];
  readonly agendaItems: AgendaItemsTable[];
  /** The votes prepared with their items: the plenary's votes on the method [P4] and the scrutineers [P1]. */
  readonly adoptionVotes: AdoptionVotesTable[];
  readonly electionMethod: ElectionMethodsTable;
  readonly elections: ElectionsTable[];
  readonly candidates: CandidatesTable[];
  readonly officers: ElectionOfficersTable[];
  /** Accounts without their password hash (the caller hashes `password`). */
  readonly accounts: AccountRow[];
  readonly accountRoles: AccountRolesTable[];
  readonly logins: DemoLogin[];
}

/**
 * Every row of the demonstration congress. Pure: `seed` decides names, ids and codes;
 * `createdAt` (ISO UTC) is only written into the rows' created_at. Throws if the plan breaks
 * [C2] or [P1], which would be a bug here.
 */
export function planDemo(seed: number, createdAt: string): DemoPlan {
  // Separate streams, so that a change in one part (say, a new delegation) leaves the others as they were.
  const people = seededRandom(seed);
  const ids = seededRandom(seed ^ 0x5eed1d5);
  const picks = seededRandom(seed ^ 0x0c0ffee);
  const codes = seededRandom(seed ^ 0x00c0de5);
  const id = () => ids.id();

  const persons = new PersonGenerator(people);
  const generated = generateDelegates(people, DEMO_DELEGATE_COUNT, persons);
  const tagged = (tag: DemoTag) => generated.filter((d) => d.tags.includes(tag));
  const one = (tag: DemoTag) => only(tagged(tag), tag);
  const byPosition = (position: string) =>
    only(
      generated.filter((d) => d.position === position),
      position,
    );

  // Organisations, the outgoing committee (第十二届) and discipline commission -------------------
  const provinceId = id();
  const cityId = id();
  const organisations: OrganisationsTable[] = [
    {
      id: provinceId,
      name: '中国共产党示范省委员会',
      short_name: '示范省委',
      locality: '示范省',
      level: 'province',
      parent_id: null,
    },
    {
      id: cityId,
      name: '中国共产党示范市委员会',
      short_name: '示范市委',
      locality: '示范市',
      level: 'city',
      parent_id: provinceId,
    },
  ];
  const committeeTermId = id();
  const disciplineTermId = id();
  const terms: TermsTable[] = [
    {
      id: committeeTermId,
      organisation_id: cityId,
      body: 'committee',
      number: 12,
      started_on: '2021-11-28',
      ended_on: null,
      elected_by_congress_id: null,
    },
    {
      id: disciplineTermId,
      organisation_id: cityId,
      body: 'discipline-commission',
      number: 12,
      started_on: '2021-11-28',
      ended_on: null,
      elected_by_congress_id: null,
    },
  ];
  const formerPerson = () => persons.person({ born: [1958, 1968], women: 0.2, regions: ['219902'] }).name;
  const standing = STANDING_ORDER.map(byPosition);
  const secretary = one('secretary');
  const mayor = one('mayor');
  const deputy = standing[2]!;
  const disciplineSecretary = one('discipline-secretary');
  const committeeCandidates = tagged('committee');
  const incumbents = picks.sample(
    committeeCandidates.filter((d) => !standing.includes(d)),
    26,
  );
  const promoted = picks.sample(
    committeeCandidates.filter((d) => !standing.includes(d) && !incumbents.includes(d)),
    4,
  );
  const termPositions: TermPositionsTable[] = [];
  const position = (
    termId: string,
    person_name: string,
    kind: TermPositionsTable['position'],
    rank: number | null,
  ): void => {
    const approval = kind === 'member' || kind === 'alternate' ? null : '2021-12-02T02:00:00.000Z';
    termPositions.push({
      id: id(),
      term_id: termId,
      person_name,
      position: kind,
      rank,
      delegate_id: null,
      election_id: null,
      reporting_status: approval ? 'approved' : 'filed',
      approved_at: approval,
      approval_note: approval ? '中共示范省委批复同意' : null,
    });
  };
  /** Positions held in an order (alternates' succession, approved order): rank 1, 2, 3… */
  const ranked = (termId: string, names: readonly string[], kind: TermPositionsTable['position']): void => {
    for (const [index, name] of names.entries()) position(termId, name, kind, index + 1);
  };
  const committeeMembers = [...standing, ...incumbents].map((d) => d.name);
  while (committeeMembers.length < 45) committeeMembers.push(formerPerson());
  for (const name of sortNames(committeeMembers, (n) => n)) position(committeeTermId, name, 'member', null);
  const alternates = [...promoted.map((d) => d.name)];
  while (alternates.length < 8) alternates.push(formerPerson());
  ranked(committeeTermId, alternates, 'alternate');
  ranked(
    committeeTermId,
    standing.map((d) => d.name),
    'standing-member',
  );
  ranked(committeeTermId, [secretary.name], 'secretary');
  ranked(committeeTermId, [mayor.name, deputy.name], 'deputy-secretary');

  const disciplineDeputies = generated
    .filter((d) => d.position === '市纪委副书记、市监委副主任')
    .map((d) => d.name);
  const disciplineStanding = generated
    .filter((d) => d.position === '市纪委常委、市监委委员')
    .map((d) => d.name);
  const formerDeputy = formerPerson();
  const otherDiscipline = picks
    .sample(
      tagged('discipline').filter(
        (d) =>
          d !== disciplineSecretary &&
          !disciplineDeputies.includes(d.name) &&
          !disciplineStanding.includes(d.name),
      ),
      9,
    )
    .map((d) => d.name);
  const disciplineMembers = [
    disciplineSecretary.name,
    ...disciplineDeputies,
    formerDeputy,
    ...disciplineStanding,
    ...otherDiscipline,
  ];
  while (disciplineMembers.length < 25) disciplineMembers.push(formerPerson());
  for (const name of sortNames(disciplineMembers, (n) => n)) position(disciplineTermId, name, 'member', null);
  ranked(
    disciplineTermId,
    [disciplineSecretary.name, ...disciplineDeputies, formerDeputy, ...disciplineStanding],
    'standing-member',
  );
  ranked(disciplineTermId, [disciplineSecretary.name], 'secretary');
  ranked(disciplineTermId, [...disciplineDeputies, formerDeputy], 'deputy-secretary');

  // The congress, its delegations and delegates ------------------------------------------------
  const congressId = id();
  const title = congressFullName(CITY, 13);
  const secretaryGeneral = one('secretary-general');
  const congress: CongressesTable = {
    id: congressId,
    organisation_id: cityId,
    kind: 'congress',
    number: 13,
    plenary_number: null,
    term_id: committeeTermId,
    title,
    theme: DEMO_THEME,
    venue: VENUE,
    starts_on: '2026-11-26',
    ends_on: '2026-11-28',
    rule_set: RULE_SET,
    status: 'preparing',
    secretary_general: secretaryGeneral.name,
    created_at: createdAt,
  };
  const delegations: DelegationsTable[] = DELEGATIONS.map((spec, index) => ({
    id: id(),
    congress_id: congressId,
    name: spec.name,
    sort_order: index + 1,
  }));
  const delegationId = new Map(delegations.map((d) => [d.name, d.id]));
  const delegateId = new Map<GeneratedDelegate, string>();
  const credentials: DemoCredential[] = [];
  const delegates: DelegatesTable[] = generated.map((d) => {
    const rowId = id();
    delegateId.set(d, rowId);
    const credential = `${codes.code(4)}-${codes.code(4)}`;
    credentials.push({ code: d.code, name: d.name, delegation: d.delegation, credential });
    return {
      id: rowId,
      congress_id: congressId,
      delegation_id: delegationId.get(d.delegation)!,
      code: d.code,
      name: d.name,
      gender: d.gender,
      ethnicity: d.ethnicity,
      birth_date: d.birthDate,
      joined_date: d.joinedDate,
      position: d.position,
      id_number: d.idNumber,
      voting_rights: d.votingRights ? 1 : 0,
      suspension_reason: d.suspensionReason,
      photo: null,
      // A salt of its own per credential, derived from the seed's ids: the same demo on every run.
      credential_hash: credentialHash(
        congressId,
        credential,
        createHash('sha256').update(`demo-salt:${rowId}`).digest().subarray(0, 16),
      ),
      account_id: null,
      created_at: createdAt,
    };
  });
  const idOf = (d: GeneratedDelegate) => delegateId.get(d)!;

  // Presidium [P3], its standing committee, the credentials committee --------------------------
  const presidium = sortNames(tagged('presidium'), (d) => d.name);
  const presidiumStanding = [
    ...standing,
    ...tagged('presidium-standing').filter((d) => !standing.includes(d)),
  ];
  const credentialsCommittee = [
    one('credentials-chair'),
    ...tagged('credentials-deputy'),
    ...sortNames(tagged('credentials'), (d) => d.name),
  ];
  const bodyMembers: BodyMembersTable[] = [
    ...presidium.map((d, index) => body('presidium', 'member', d, index)),
    ...presidiumStanding.map((d, index) => body('presidium-standing-committee', 'member', d, index)),
    ...credentialsCommittee.map((d, index) =>
      body('credentials-committee', index === 0 ? 'chair' : index <= 2 ? 'deputy-chair' : 'member', d, index),
    ),
  ];
  function body(
    kind: BodyMembersTable['body'],
    role: string,
    d: GeneratedDelegate,
    index: number,
  ): BodyMembersTable {
    return { id: id(), congress_id: congressId, body: kind, role, delegate_id: idOf(d), rank: index + 1 };
  }

  // Sittings, executive chairs and agenda -----------------------------------------------------
  const sitting = (
    kind: SittingsTable['kind'],
    titleText: string,
    day: string,
    from: string,
    to: string,
    presiding: string,
  ): SittingsTable => ({
    id: id(),
    congress_id: congressId,
    kind,
    title: titleText,
    status: 'scheduled',
    sort_order: 0,
    starts_at: beijingTime(day, from),
    ends_at: beijingTime(day, to),
    venue: VENUE,
    presiding,
    opened_at: null,
    closed_at: null,
  });
  const preparatory = sitting('preparatory', '大会预备会议', '2026-11-26', '08:00', '08:40', secretary.name);
  const opening = sitting('opening', '开幕大会', '2026-11-26', '09:00', '11:30', mayor.name);
  const plenary = sitting('plenary', '第二次全体会议', '2026-11-28', '08:30', '11:30', deputy.name);
  const closing = sitting('closing', '闭幕大会', '2026-11-28', '15:00', '16:00', mayor.name);
  const sittings = [preparatory, opening, plenary, closing].map((s, index) => ({
    ...s,
    sort_order: index + 1,
  }));
  const ordinaryPresidium = presidium.filter((d) => !presidiumStanding.includes(d));
  const chairs: [SittingsTable, GeneratedDelegate[]][] = [
    [opening, presidiumStanding.slice(0, 12)],
    [plenary, [deputy, ...ordinaryPresidium.slice(0, 10)]],
    [closing, [secretary, mayor, ...ordinaryPresidium.slice(10, 20)]],
  ];
  const sittingChairs: SittingChairsTable[] = chairs.flatMap(([s, list]) =>
    list.map((d, index) => ({ id: id(), sitting_id: s.id, delegate_id: idOf(d), rank: index + 1 })),
  );
  const agendaItems: AgendaItemsTable[] = [];
  const agenda = (
    s: SittingsTable,
    kind: AgendaItemsTable['kind'],
    titleText: string,
    presenter: string | null = null,
    bodyText: string | null = null,
  ) => {
    const sortOrder = agendaItems.filter((item) => item.sitting_id === s.id).length + 1;
    const item: AgendaItemsTable = {
      id: id(),
      sitting_id: s.id,
      kind,
      title: titleText,
      sort_order: sortOrder,
      presenter,
      body: bodyText,
      attachments_json: null,
    };
    agendaItems.push(item);
    return item;
  };
  agenda(preparatory, 'adoption-vote', '通过大会主席团和秘书长名单');
  agenda(preparatory, 'adoption-vote', '通过大会代表资格审查委员会名单');
  agenda(preparatory, 'adoption-vote', '通过大会议程');
  agenda(
    opening,
    'report',
    `听取和审查中国共产党示范市第十二届委员会工作报告：《${COMMITTEE_REPORT_TITLE}》`,
    secretary.name,
    committeeReport(secretary.name),
  );
  agenda(
    opening,
    'report',
    `听取和审查中国共产党示范市纪律检查委员会工作报告：《${DISCIPLINE_REPORT_TITLE}》`,
    disciplineSecretary.name,
    disciplineReport(disciplineSecretary.name),
  );
  agenda(opening, 'written-report', '关于党费收缴、使用和管理情况的书面报告', null, PARTY_DUES_REPORT);
  const methodItem = agenda(plenary, 'adoption-vote', '通过《中国共产党示范市第十三次代表大会选举办法》');
  const scrutineersItem = agenda(plenary, 'adoption-vote', '通过总监票人、副总监票人和监票人名单');

  // Elections: the method draft [P4], candidate lists [C2], scrutineers [P1] and tellers [P2] ----
  const seats = Object.fromEntries(DEMO_ELECTIONS.map((e) => [e.key, e.seats])) as Record<
    (typeof DEMO_ELECTIONS)[number]['key'],
    number
  >;
  const electionMethod: ElectionMethodsTable = {
    id: id(),
    congress_id: congressId,
    title: ELECTION_METHOD_TITLE,
    status: 'draft',
    parameters_json: '{}',
    votes_for: null,
    votes_against: null,
    votes_abstain: null,
    expected: null,
    body: electionMethodBody({
      committee: seats.committee,
      alternates: seats.alternate,
      discipline: seats.discipline,
      delegates: seats.delegate,
    }),
    adopted_at: null,
  };
  // The plenary adopts the method [P4] and the scrutineers [P1] before any ballot: their votes are
  // prepared with the items, counted by a show of hands; until the scrutineers' list is adopted no
  // round opens, and the sitting does not close before both votes are taken. (Their ids derive
  // from the items', so the rest of the seeded congress stays as it was.)
  const prepared = (
    item: AgendaItemsTable,
    basis: 'present' | 'expected',
    proposal: object,
  ): AdoptionVotesTable => ({
    id: `vote-${item.id}`,
    agenda_item_id: item.id,
    subject: item.title,
    mode: 'counts',
    status: 'open',
    votes_for: null,
    votes_against: null,
    votes_abstain: null,
    expected: null,
    present: null,
    adopted: null,
    opened_at: null,
    closed_at: null,
    basis,
    proposal_json: JSON.stringify(proposal),
  });
  const adoptionVotes = [
    prepared(methodItem, 'expected', { kind: 'election-method', methodId: electionMethod.id }),
    prepared(scrutineersItem, 'present', { kind: 'scrutineers' }),
  ];
  const voting = generated.filter((d) => d.votingRights);
  const leaders = [secretary, mayor, deputy, disciplineSecretary];
  const higherCongress = [
    ...leaders,
    ...picks.sample(
      voting.filter((d) => !leaders.includes(d) && (d.tier === 'city' || d.tier === 'county')),
      8,
    ),
    ...picks.sample(
      voting.filter((d) => d.tier !== 'city' && d.tier !== 'county'),
      24,
    ),
  ];
  const lists: Record<(typeof DEMO_ELECTIONS)[number]['key'], GeneratedDelegate[]> = {
    committee: committeeCandidates,
    alternate: tagged('alternate'),
    discipline: tagged('discipline'),
    delegate: higherCongress,
  };
  const titles: Record<(typeof DEMO_ELECTIONS)[number]['key'], string> = {
    committee: `${committeeFullName(CITY, 13)}委员`,
    alternate: `${committeeFullName(CITY, 13)}候补委员`,
    discipline: `${disciplineCommissionFullName(CITY, 13)}委员`,
    delegate: `出席${congressFullName(PROVINCE, 14)}代表`,
  };
  // One set of scrutineers for the sitting's four ballots, one recommended by each of ten
  // delegations, from voting delegates who stand in none of them and sit on no congress body.
  const standingAnywhere = new Set(Object.values(lists).flat());
  const onBodies = new Set([...presidium, ...credentialsCommittee]);
  const scrutineers = picks
    .sample(DELEGATIONS, 10)
    .map((spec) =>
      picks.pick(
        voting.filter(
          (d) =>
            d.delegation === spec.name &&
            !standingAnywhere.has(d) &&
            !onBodies.has(d) &&
            (d.tier === 'frontline' || d.tier === 'professional' || d.tier === 'department'),
        ),
      ),
    );
  const tellerNames = [1, 2, 3, 4].map(
    () => persons.person({ born: [1985, 1996], women: 0.5, regions: ['219902'] }).name,
  );
  const accounts: AccountRow[] = [];
  const accountRoles: AccountRolesTable[] = [];
  const logins: DemoLogin[] = [
    {
      username: 'admin',
      password: DEMO_PASSWORDS.admin,
      role: 'admin',
      displayName: '大会秘书处',
      global: true,
    },
    {
      username: 'checkin1',
      password: DEMO_PASSWORDS['check-in'],
      role: 'check-in',
      displayName: '报到组（一号台）',
    },
    {
      username: 'checkin2',
      password: DEMO_PASSWORDS['check-in'],
      role: 'check-in',
      displayName: '报到组（二号台）',
    },
    ...tellerNames.map(
      (name, index): DemoLogin => ({
        username: `teller${index + 1}`,
        password: DEMO_PASSWORDS.teller,
        role: 'teller',
        displayName: name,
      }),
    ),
    {
      username: 'scrutineer1',
      password: DEMO_PASSWORDS.scrutineer,
      role: 'scrutineer',
      displayName: scrutineers[0]!.name,
    },
    {
      // The first plenary's chief scrutineer, a new member appointed when the plenary is
      // prepared (plenary-officers.ts); the login takes their name then.
      username: DEMO_PLENARY_SCRUTINEER,
      password: DEMO_PASSWORDS.scrutineer,
      role: 'scrutineer',
      displayName: '一次全会总监票人',
    },
    {
      username: 'presiding',
      password: DEMO_PASSWORDS.presiding,
      role: 'presiding',
      displayName: deputy.name,
    },
  ];
  const accountId = new Map<string, string>();
  for (const login of logins) {
    const rowId = id();
    accountId.set(login.username, rowId);
    accounts.push({
      id: rowId,
      username: login.username,
      display_name: login.displayName,
      password: login.password,
    });
    const grants = login.global ? [congressId, '*'] : [congressId];
    for (const congressOrAll of grants) {
      accountRoles.push({ id: id(), account_id: rowId, congress_id: congressOrAll, role: login.role });
    }
  }

  const elections: ElectionsTable[] = [];
  const candidates: CandidatesTable[] = [];
  const officers: ElectionOfficersTable[] = [];
  const electors = voting.map((d) => d.name);
  DEMO_ELECTIONS.forEach((spec, index) => {
    const list = lists[spec.key];
    const verdict = checkCandidacy({
      round: 'formal',
      seats: spec.seats,
      candidates: list.length,
      parameters: resolveParameters(RULE_SET, spec.office, {}),
    });
    if (!verdict.ok || list.length !== spec.candidates) {
      throw new Error(
        `demo plan: ${spec.key} has ${list.length} candidates for ${spec.seats} seats ([${verdict.rule}] needs ${verdict.minimum})`,
      );
    }
    const problems = checkScrutineers({
      scrutineers: scrutineers.map((d) => d.name),
      candidates: list.map((d) => d.name),
      electors,
    });
    if (problems.length > 0)
      throw new Error(`demo plan: ${problems.map((p) => `[${p.rule}] ${p.en}`).join('; ')}`);
    const electionId = id();
    elections.push({
      id: electionId,
      congress_id: congressId,
      office: spec.office,
      title: titles[spec.key],
      rule_set: RULE_SET,
      parameters_json: '{}',
      ballot_mode: 'paper',
      status: 'preparing',
      seats: spec.seats,
      sort_order: index + 1,
      preliminary_advance: null,
      sitting_id: plenary.id,
      method_id: electionMethod.id,
    });
    agenda(plenary, 'election', `选举${titles[spec.key]}`);
    for (const d of sortNames(list, (c) => c.name)) {
      candidates.push({
        id: id(),
        election_id: electionId,
        name: d.name,
        approved_rank: null,
        delegate_id: idOf(d),
        gender: d.gender,
        ethnicity: d.ethnicity,
        position: d.position,
      });
    }
    scrutineers.forEach((d, k) => {
      const role: ElectionOfficersTable['role'] =
        k === 0 ? 'chief-scrutineer' : k === 1 ? 'deputy-chief-scrutineer' : 'scrutineer';
      officers.push({
        id: id(),
        election_id: electionId,
        role,
        name: d.name,
        delegate_id: idOf(d),
        // The chief scrutineer signs off the count [P2] with scrutineer1, the login linked to them.
        account_id: k === 0 ? accountId.get('scrutineer1')! : null,
      });
    });
    tellerNames.forEach((name, k) => {
      officers.push({
        id: id(),
        election_id: electionId,
        role: 'teller',
        name,
        delegate_id: null,
        account_id: accountId.get(`teller${k + 1}`)!,
      });
    });
  });
  agenda(closing, 'adoption-vote', '通过中国共产党示范市第十三次代表大会关于十二届市委报告的决议');
  agenda(closing, 'adoption-vote', '通过中国共产党示范市第十三次代表大会关于市纪委工作报告的决议');
  agenda(closing, 'other', '新当选的市委书记讲话');

  return {
    seed,
    congressId,
    title,
    organisations,
    terms,
    termPositions,
    congress,
    delegations,
    delegates,
    credentials,
    bodyMembers,
    sittings,
    sittingChairs,
    agendaItems,
    adoptionVotes,
    electionMethod,
    elections,
    candidates,
    officers,
    accounts,
    accountRoles,
    logins,
  };
}

/** 'YYYY-MM-DD', 'HH:MM' in Beijing time (UTC+8) → ISO UTC. */
function beijingTime(day: string, time: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, date, hour - 8, minute)).toISOString();
}

function only<T>(items: readonly T[], what: string): T {
  if (items.length !== 1) throw new Error(`demo plan: expected exactly one ${what}, found ${items.length}`);
  return items[0]!;
}
