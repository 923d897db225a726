import { appendAudit } from '../../src/adapters/db/audit-log.ts';
import type { Database } from '../../src/adapters/db/connection.ts';
import { inTransaction, type WriteTransaction } from '../../src/adapters/db/transaction.ts';
import { at } from './audit-fixtures.ts';

export type SeededCongress = {
  /** Rows written to each congress table (migration 0002). */
  rows: Record<string, number>;
  /** Audit entries appended (one). */
  auditEntries: number;
};

/**
 * A small congress in every table of migration 0002, written in one audited transaction, with
 * what a backup has to survive: text and composite primary keys, tables without an id column,
 * electronic_ballots (WITHOUT ROWID on SQLite) with receipts whose order depends on case,
 * foreign keys between the tables (delegates sorts before delegations, which it references),
 * an organisation whose parent sorts after it, Chinese text, nulls and integers. `tag` keeps
 * the ids of two seeded congresses apart; the database needs the full migration history.
 */
export async function seedCongress(database: Database, tag = 'a', auditAt = 900): Promise<SeededCongress> {
  const id = (name: string) => `${tag}-${name}`;
  const created = at(auditAt - 1);
  const rows = await inTransaction(database, async (trx) => {
    // Counted inside: on PostgreSQL a transaction may run again after a serialization failure.
    const rows: Record<string, number> = {};
    const insert = (table: string, count: number) => {
      rows[table] = count;
    };

    await trx
      .insertInto('accounts')
      .values([
        {
          id: id('acct-1'),
          username: `${tag}-secretariat`,
          display_name: '大会秘书处',
          password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
          created_at: created,
          disabled: 0,
        },
        {
          id: id('acct-2'),
          username: `${tag}-teller`,
          display_name: '计票人 丁小强',
          password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdDI$aGFzaDI',
          created_at: created,
          disabled: 1,
        },
      ])
      .execute();
    insert('accounts', 2);
    await trx
      .insertInto('account_roles')
      .values([
        { id: id('role-1'), account_id: id('acct-1'), congress_id: '*', role: 'admin' },
        { id: id('role-2'), account_id: id('acct-2'), congress_id: id('congress'), role: 'teller' },
      ])
      .execute();
    insert('account_roles', 2);
    const session = (n: number, account_id: string | null, delegate_id: string | null) => ({
      id: id(`sess-${n}`),
      token_hash: `${tag}-token-hash-${n}`,
      csrf_token: `${tag}-csrf-${n}`,
      created_at: created,
      expires_at: at(auditAt + 3600),
      account_id,
      delegate_id,
    });
    await trx
      .insertInto('sessions')
      .values([session(1, id('acct-1'), null), session(2, null, id('del-2'))])
      .execute();
    insert('sessions', 2);

    // The county's id sorts before its parent's: rows in key order are not parents first.
    await trx
      .insertInto('organisations')
      .values([
        {
          id: id('org-9'),
          name: '中共某市委员会',
          short_name: '市委',
          locality: '某市',
          level: 'city',
          parent_id: null,
        },
        {
          id: id('org-1'),
          name: '中共某县委员会',
          short_name: '县委',
          locality: '某县',
          level: 'county',
          parent_id: id('org-9'),
        },
      ])
      .execute();
    insert('organisations', 2);
    await trx
      .insertInto('terms')
      .values({
        id: id('term-1'),
        organisation_id: id('org-1'),
        body: 'committee',
        number: 14,
        started_on: '2021-06-20',
        ended_on: null,
        elected_by_congress_id: null,
      })
      .execute();
    insert('terms', 1);
    await trx
      .insertInto('term_positions')
      .values({
        id: id('pos-1'),
        term_id: id('term-1'),
        person_name: '于波',
        position: 'secretary',
        rank: 1,
        delegate_id: null,
        election_id: null,
        reporting_status: 'approved',
        approved_at: '2021-07-01T00:00:00.000Z',
        approval_note: '报上级党委批准',
      })
      .execute();
    insert('term_positions', 1);

    await trx
      .insertInto('congresses')
      .values({
        id: id('congress'),
        organisation_id: id('org-1'),
        kind: 'congress',
        number: 15,
        plenary_number: null,
        term_id: id('term-1'),
        title: '中国共产党某县第十五次代表大会',
        theme: null,
        venue: '县会议中心',
        starts_on: '2026-06-18',
        ends_on: '2026-06-20',
        rule_set: 'local-congress',
        status: 'in-session',
        secretary_general: '王宁',
        created_at: created,
      })
      .execute();
    insert('congresses', 1);
    const congress_id = id('congress');
    await trx
      .insertInto('delegations')
      .values([
        { id: id('dlg-2'), congress_id, name: '机关代表团', sort_order: 1 },
        { id: id('dlg-1'), congress_id, name: '教育代表团', sort_order: 2 },
      ])
      .execute();
    insert('delegations', 2);
    const delegate = (n: number, name: string, gender: string, delegation: string | null) => ({
      id: id(`del-${n}`),
      congress_id,
      delegation_id: delegation,
      code: String(n).padStart(3, '0'),
      name,
      gender,
      ethnicity: '汉族',
      birth_date: n === 3 ? null : '1975-03-01',
      joined_date: null,
      position: n === 1 ? '县委书记' : null,
      id_number: null,
      voting_rights: n === 3 ? 0 : 1,
      suspension_reason: n === 3 ? '停止执行代表职务' : null,
      photo: null,
      credential_hash: null,
      account_id: null,
      created_at: created,
    });
    await trx
      .insertInto('delegates')
      .values([
        delegate(1, '于波', '男', id('dlg-2')),
        delegate(2, '丁宁（女）', '女', id('dlg-1')),
        delegate(3, '𠮷田', '男', null),
      ])
      .execute();
    insert('delegates', 3);
    await trx
      .insertInto('body_members')
      .values({
        id: id('bm-1'),
        congress_id,
        body: 'presidium',
        role: 'member',
        delegate_id: id('del-1'),
        rank: 1,
      })
      .execute();
    insert('body_members', 1);

    await trx
      .insertInto('sittings')
      .values({
        id: id('sit-1'),
        congress_id,
        kind: 'opening',
        title: '开幕大会',
        status: 'closed',
        sort_order: 1,
        starts_at: '2026-06-18T01:00:00.000Z',
        ends_at: null,
        venue: null,
        presiding: '于波',
        opened_at: '2026-06-18T01:00:00.000Z',
        closed_at: '2026-06-18T03:00:00.000Z',
      })
      .execute();
    insert('sittings', 1);
    await trx
      .insertInto('sitting_chairs')
      .values({ id: id('chair-1'), sitting_id: id('sit-1'), delegate_id: id('del-1'), rank: null })
      .execute();
    insert('sitting_chairs', 1);
    await trx
      .insertInto('agenda_items')
      .values({
        id: id('item-1'),
        sitting_id: id('sit-1'),
        kind: 'adoption-vote',
        title: '通过大会议程',
        sort_order: 1,
        presenter: null,
        body: null,
        attachments_json: '[]',
      })
      .execute();
    insert('agenda_items', 1);
    await trx
      .insertInto('adoption_votes')
      .values({
        id: id('vote-1'),
        agenda_item_id: id('item-1'),
        subject: '大会议程',
        mode: 'electronic',
        status: 'closed',
        votes_for: 2,
        votes_against: 0,
        votes_abstain: 0,
        expected: 3,
        present: 2,
        adopted: 1,
        opened_at: '2026-06-18T01:10:00.000Z',
        closed_at: '2026-06-18T01:15:00.000Z',
      })
      .execute();
    insert('adoption_votes', 1);
    await trx
      .insertInto('adoption_ballots')
      .values([
        { receipt: `k7QZ-${tag}`, vote_id: id('vote-1'), choice: 'for' },
        { receipt: `K7qz-${tag}`, vote_id: id('vote-1'), choice: 'for' },
      ])
      .execute();
    insert('adoption_ballots', 2);
    await trx
      .insertInto('adoption_voters')
      .values([
        { vote_id: id('vote-1'), delegate_id: id('del-2') },
        { vote_id: id('vote-1'), delegate_id: id('del-1') },
      ])
      .execute();
    insert('adoption_voters', 2);

    await trx
      .insertInto('attendance')
      .values([
        {
          sitting_id: id('sit-1'),
          delegate_id: id('del-2'),
          status: 'present',
          updated_at: '2026-06-18T00:40:00.000Z',
          leave_reason: null,
          checked_in_at: '2026-06-18T00:40:00.000Z',
          checked_out_at: null,
          desk: '东门',
        },
        {
          sitting_id: id('sit-1'),
          delegate_id: id('del-1'),
          status: 'present',
          updated_at: '2026-06-18T00:35:00.000Z',
          leave_reason: null,
          checked_in_at: '2026-06-18T00:35:00.000Z',
          checked_out_at: null,
          desk: null,
        },
        {
          sitting_id: id('sit-1'),
          delegate_id: id('del-3'),
          status: 'leave',
          updated_at: '2026-06-17T09:00:00.000Z',
          leave_reason: '因病请假',
          checked_in_at: null,
          checked_out_at: null,
          desk: null,
        },
      ])
      .execute();
    insert('attendance', 3);
    await trx
      .insertInto('attendance_events')
      .values({
        id: id('evt-1'),
        sitting_id: id('sit-1'),
        delegate_id: id('del-1'),
        action: 'check-in',
        at: '2026-06-18T00:35:00.000Z',
        actor: 'desk:东门',
        desk: '东门',
        reason: null,
      })
      .execute();
    insert('attendance_events', 1);

    await trx
      .insertInto('election_methods')
      .values({
        id: id('method-1'),
        congress_id,
        title: '选举办法',
        status: 'adopted',
        parameters_json: '{"differential":0.2}',
        votes_for: 2,
        votes_against: 0,
        votes_abstain: 0,
        expected: 3,
        body: null,
        adopted_at: '2026-06-18T01:20:00.000Z',
      })
      .execute();
    insert('election_methods', 1);
    await trx
      .insertInto('elections')
      .values({
        id: id('elec-1'),
        congress_id,
        office: 'committee',
        title: '选举县委委员',
        rule_set: 'local-congress',
        parameters_json: '{"seats":1}',
        ballot_mode: 'electronic',
        status: 'in-progress',
        seats: 1,
        sort_order: 1,
        preliminary_advance: null,
        sitting_id: id('sit-1'),
        method_id: id('method-1'),
      })
      .execute();
    insert('elections', 1);
    await trx
      .insertInto('candidates')
      .values([
        {
          id: id('cand-1'),
          election_id: id('elec-1'),
          name: '于波',
          approved_rank: 1,
          delegate_id: id('del-1'),
          gender: '男',
          ethnicity: '汉族',
          position: null,
        },
        {
          id: id('cand-2'),
          election_id: id('elec-1'),
          name: '丁宁（女）',
          approved_rank: 2,
          delegate_id: null,
          gender: null,
          ethnicity: null,
          position: null,
        },
      ])
      .execute();
    insert('candidates', 2);
    await trx
      .insertInto('election_officers')
      .values({
        id: id('off-1'),
        election_id: id('elec-1'),
        role: 'teller',
        name: '丁小强',
        delegate_id: null,
        account_id: id('acct-2'),
      })
      .execute();
    insert('election_officers', 1);
    await trx
      .insertInto('rounds')
      .values({
        id: id('round-1'),
        election_id: id('elec-1'),
        seq: 1,
        kind: 'formal',
        mode: 'electronic',
        status: 'closed',
        candidates_json: JSON.stringify([id('cand-1'), id('cand-2')]),
        seats: 1,
        advance: null,
        expected: 3,
        present: 2,
        ballots_issued: 2,
        sitting_id: id('sit-1'),
        opened_at: '2026-06-18T02:00:00.000Z',
        closed_at: '2026-06-18T02:10:00.000Z',
        result_json: null,
        signed_off_at: null,
        announced_at: null,
      })
      .execute();
    insert('rounds', 1);
    await trx
      .insertInto('election_decisions')
      .values({
        id: id('dec-1'),
        election_id: id('elec-1'),
        kind: 'reduce-seats',
        detail_json: '{"from":2,"to":1}',
        decided_at: '2026-06-18T01:50:00.000Z',
        actor: 'presidium',
      })
      .execute();
    insert('election_decisions', 1);
    await trx
      .insertInto('round_presence')
      .values([
        { round_id: id('round-1'), delegate_id: id('del-2') },
        { round_id: id('round-1'), delegate_id: id('del-1') },
      ])
      .execute();
    insert('round_presence', 2);

    const entry = (pass: 'A' | 'B', sheet: number) => ({
      id: id(`entry-${pass}-${sheet}`),
      round_id: id('round-1'),
      pass,
      batch_no: 1,
      sheet_no: sheet,
      marks: '10',
      write_ins_json: sheet === 2 ? '["王五"]' : null,
      void_reason: null,
      entered_by: id('acct-2'),
      entered_at: '2026-06-18T02:20:00.000Z',
    });
    await trx
      .insertInto('paper_entries')
      .values([entry('B', 1), entry('A', 1), entry('A', 2)])
      .execute();
    insert('paper_entries', 3);
    await trx
      .insertInto('paper_resolutions')
      .values({
        id: id('res-1'),
        round_id: id('round-1'),
        batch_no: 1,
        sheet_no: 2,
        marks: '00',
        write_ins_json: null,
        void_reason: '无法辨认',
        resolved_by: id('acct-1'),
        resolved_at: '2026-06-18T02:30:00.000Z',
      })
      .execute();
    insert('paper_resolutions', 1);
    await trx
      .insertInto('round_signoffs')
      .values({
        id: id('sign-1'),
        round_id: id('round-1'),
        account_id: id('acct-1'),
        role: 'chief-scrutineer',
        signed_at: '2026-06-18T02:40:00.000Z',
      })
      .execute();
    insert('round_signoffs', 1);

    // Receipts are random codes: upper and lower case, so binary and dictionary order differ.
    await trx
      .insertInto('electronic_ballots')
      .values([
        { receipt: `zP4m-${tag}`, round_id: id('round-1'), marks: '10', write_ins_json: null },
        { receipt: `Zp4M-${tag}`, round_id: id('round-1'), marks: '01', write_ins_json: '["王五"]' },
        { receipt: `a9Tx-${tag}`, round_id: id('round-1'), marks: '00', write_ins_json: null },
      ])
      .execute();
    insert('electronic_ballots', 3);
    await trx
      .insertInto('electronic_voters')
      .values([
        { round_id: id('round-1'), delegate_id: id('del-2') },
        { round_id: id('round-1'), delegate_id: id('del-1') },
      ])
      .execute();
    insert('electronic_voters', 2);

    await appendAudit(trx, {
      actor: 'secretariat:王宁',
      action: 'congress.seed',
      subject: `congress:${congress_id}`,
      after: { rows },
      at: at(auditAt),
    });
    return rows;
  });
  return { rows, auditEntries: 1 };
}

/**
 * The county and its 15th congress, in session, that the ballot fixtures (electronic and paper)
 * build on: organisation `${tag}-org` and congress `congressId`, no term.
 */
export async function insertCountyCongress(
  trx: WriteTransaction,
  place: {
    readonly tag: string;
    readonly congressId: string;
    readonly startsOn: string;
    readonly endsOn: string;
    readonly secretaryGeneral: string | null;
    readonly createdAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('organisations')
    .values({
      id: `${place.tag}-org`,
      name: '中共某县委员会',
      short_name: '县委',
      locality: '某县',
      level: 'county',
      parent_id: null,
    })
    .execute();
  await trx
    .insertInto('congresses')
    .values({
      id: place.congressId,
      organisation_id: `${place.tag}-org`,
      kind: 'congress',
      number: 15,
      plenary_number: null,
      term_id: null,
      title: '中国共产党某县第十五次代表大会',
      theme: null,
      venue: '县会议中心',
      starts_on: place.startsOn,
      ends_on: place.endsOn,
      rule_set: 'local-congress',
      status: 'in-session',
      secretary_general: place.secretaryGeneral,
      created_at: place.createdAt,
    })
    .execute();
}
