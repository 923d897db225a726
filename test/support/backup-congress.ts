import type { Insertable } from 'kysely';
import { appendAudit } from '../../src/persistence/audit-log.ts';
import type { Database } from '../../src/persistence/connection.ts';
import type { Schema } from '../../src/persistence/schema.ts';
import { inTransaction } from '../../src/persistence/transaction.ts';
import { at } from './audit-fixtures.ts';
import {
  accountRoleRow,
  accountRow,
  adoptionVoteRow,
  agendaItemRow,
  attendanceEventRow,
  attendanceRow,
  bodyMemberRow,
  candidateRow,
  chairRow,
  congressRow,
  delegateRow,
  delegationRow,
  electionDecisionRow,
  electionRow,
  insertRows,
  methodRow,
  officerRow,
  organisationRow,
  paperEntryRow,
  paperResolutionRow,
  positionRow,
  roundRow,
  sessionRow,
  signoffRow,
  sittingRow,
  termRow,
} from './builder/rows.ts';

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
 * the ids of two seeded congresses apart; the database needs the migrations up to 0002 at least.
 *
 * The rows are odd on purpose, so they are written here rather than by the test builder; their
 * columns come from the builder's rows (builder/rows.ts), which hold every column in one place.
 */
export async function seedCongress(database: Database, tag = 'a', auditAt = 900): Promise<SeededCongress> {
  const id = (name: string) => `${tag}-${name}`;
  const created = at(auditAt - 1);
  const congress_id = id('congress');
  const rows = await inTransaction(database, async (trx) => {
    // Counted inside: on PostgreSQL a transaction may run again after a serialization failure.
    const rows: Record<string, number> = {};
    const put = async <T extends keyof Schema & string>(table: T, values: Insertable<Schema[T]>[]) => {
      await insertRows(trx, table, values);
      rows[table] = values.length;
    };

    await put('accounts', [
      accountRow({
        id: id('acct-1'),
        username: `${tag}-secretariat`,
        display_name: '大会秘书处',
        created_at: created,
      }),
      accountRow({
        id: id('acct-2'),
        username: `${tag}-teller`,
        display_name: '计票人 丁小强',
        password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdDI$aGFzaDI',
        created_at: created,
        disabled: 1,
      }),
    ]);
    await put('account_roles', [
      accountRoleRow({ id: id('role-1'), account_id: id('acct-1'), congress_id: '*', role: 'admin' }),
      accountRoleRow({ id: id('role-2'), account_id: id('acct-2'), congress_id, role: 'teller' }),
    ]);
    const session = (n: number, account_id: string | null, delegate_id: string | null) =>
      sessionRow({
        id: id(`sess-${n}`),
        token_hash: `${tag}-token-hash-${n}`,
        csrf_token: `${tag}-csrf-${n}`,
        created_at: created,
        expires_at: at(auditAt + 3600),
        account_id,
        delegate_id,
      });
    await put('sessions', [session(1, id('acct-1'), null), session(2, null, id('del-2'))]);

    // The county's id sorts before its parent's: rows in key order are not parents first.
    await put('organisations', [
      organisationRow({
        id: id('org-9'),
        name: '中共某市委员会',
        short_name: '市委',
        locality: '某市',
        level: 'city',
      }),
      organisationRow({ id: id('org-1'), parent_id: id('org-9') }),
    ]);
    await put('terms', [termRow({ id: id('term-1'), organisation_id: id('org-1'), number: 14 })]);
    await put('term_positions', [
      positionRow({
        id: id('pos-1'),
        term_id: id('term-1'),
        person_name: '于波',
        position: 'secretary',
        rank: 1,
        reporting_status: 'approved',
        approved_at: '2021-07-01T00:00:00.000Z',
        approval_note: '报上级党委批准',
      }),
    ]);

    await put('congresses', [
      congressRow({
        id: congress_id,
        organisation_id: id('org-1'),
        number: 15,
        term_id: id('term-1'),
        title: '中国共产党某县第十五次代表大会',
        venue: '县会议中心',
        starts_on: '2026-06-18',
        ends_on: '2026-06-20',
        status: 'in-session',
        secretary_general: '王宁',
        created_at: created,
      }),
    ]);
    await put('delegations', [
      delegationRow({ id: id('dlg-2'), congress_id, name: '机关代表团', sort_order: 1 }),
      delegationRow({ id: id('dlg-1'), congress_id, name: '教育代表团', sort_order: 2 }),
    ]);
    const delegate = (n: number, name: string, gender: string, delegation: string | null) =>
      delegateRow({
        id: id(`del-${n}`),
        congress_id,
        delegation_id: delegation,
        code: String(n).padStart(3, '0'),
        name,
        gender,
        birth_date: n === 3 ? null : '1975-03-01',
        position: n === 1 ? '县委书记' : null,
        voting_rights: n === 3 ? 0 : 1,
        suspension_reason: n === 3 ? '停止执行代表职务' : null,
        created_at: created,
      });
    await put('delegates', [
      delegate(1, '于波', '男', id('dlg-2')),
      delegate(2, '丁宁（女）', '女', id('dlg-1')),
      delegate(3, '𠮷田', '男', null),
    ]);
    await put('body_members', [
      bodyMemberRow({ id: id('bm-1'), congress_id, delegate_id: id('del-1'), rank: 1 }),
    ]);

    await put('sittings', [
      sittingRow({
        id: id('sit-1'),
        congress_id,
        kind: 'opening',
        title: '开幕大会',
        status: 'closed',
        starts_at: '2026-06-18T01:00:00.000Z',
        presiding: '于波',
        opened_at: '2026-06-18T01:00:00.000Z',
        closed_at: '2026-06-18T03:00:00.000Z',
      }),
    ]);
    await put('sitting_chairs', [
      chairRow({ id: id('chair-1'), sitting_id: id('sit-1'), delegate_id: id('del-1') }),
    ]);
    await put('agenda_items', [
      agendaItemRow({
        id: id('item-1'),
        sitting_id: id('sit-1'),
        kind: 'adoption-vote',
        title: '通过大会议程',
        attachments_json: '[]',
      }),
    ]);
    await put('adoption_votes', [
      adoptionVoteRow({
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
      }),
    ]);
    await put('adoption_ballots', [
      { receipt: `k7QZ-${tag}`, vote_id: id('vote-1'), choice: 'for' },
      { receipt: `K7qz-${tag}`, vote_id: id('vote-1'), choice: 'for' },
    ]);
    await put('adoption_voters', [
      { vote_id: id('vote-1'), delegate_id: id('del-2') },
      { vote_id: id('vote-1'), delegate_id: id('del-1') },
    ]);

    await put('attendance', [
      attendanceRow({
        sitting_id: id('sit-1'),
        delegate_id: id('del-2'),
        updated_at: '2026-06-18T00:40:00.000Z',
        desk: '东门',
      }),
      attendanceRow({
        sitting_id: id('sit-1'),
        delegate_id: id('del-1'),
        updated_at: '2026-06-18T00:35:00.000Z',
      }),
      attendanceRow({
        sitting_id: id('sit-1'),
        delegate_id: id('del-3'),
        status: 'leave',
        updated_at: '2026-06-17T09:00:00.000Z',
        leave_reason: '因病请假',
      }),
    ]);
    await put('attendance_events', [
      attendanceEventRow({
        id: id('evt-1'),
        sitting_id: id('sit-1'),
        delegate_id: id('del-1'),
        action: 'check-in',
        at: '2026-06-18T00:35:00.000Z',
        actor: 'desk:东门',
        desk: '东门',
      }),
    ]);

    await put('election_methods', [
      methodRow({
        id: id('method-1'),
        congress_id,
        status: 'adopted',
        parameters_json: '{"differential":0.2}',
        votes_for: 2,
        votes_against: 0,
        votes_abstain: 0,
        expected: 3,
        adopted_at: '2026-06-18T01:20:00.000Z',
      }),
    ]);
    await put('elections', [
      electionRow({
        id: id('elec-1'),
        congress_id,
        office: 'committee',
        title: '选举县委委员',
        parameters_json: '{"seats":1}',
        ballot_mode: 'electronic',
        status: 'in-progress',
        seats: 1,
        sitting_id: id('sit-1'),
        method_id: id('method-1'),
      }),
    ]);
    await put('candidates', [
      candidateRow({
        id: id('cand-1'),
        election_id: id('elec-1'),
        name: '于波',
        approved_rank: 1,
        delegate_id: id('del-1'),
        gender: '男',
        ethnicity: '汉族',
      }),
      candidateRow({ id: id('cand-2'), election_id: id('elec-1'), name: '丁宁（女）', approved_rank: 2 }),
    ]);
    await put('election_officers', [
      officerRow({
        id: id('off-1'),
        election_id: id('elec-1'),
        role: 'teller',
        name: '丁小强',
        account_id: id('acct-2'),
      }),
    ]);
    await put('rounds', [
      roundRow({
        id: id('round-1'),
        election_id: id('elec-1'),
        mode: 'electronic',
        status: 'closed',
        candidates_json: JSON.stringify([id('cand-1'), id('cand-2')]),
        seats: 1,
        expected: 3,
        present: 2,
        ballots_issued: 2,
        sitting_id: id('sit-1'),
        opened_at: '2026-06-18T02:00:00.000Z',
        closed_at: '2026-06-18T02:10:00.000Z',
      }),
    ]);
    await put('election_decisions', [
      electionDecisionRow({
        id: id('dec-1'),
        election_id: id('elec-1'),
        detail_json: '{"from":2,"to":1}',
        decided_at: '2026-06-18T01:50:00.000Z',
      }),
    ]);
    await put('round_presence', [
      { round_id: id('round-1'), delegate_id: id('del-2') },
      { round_id: id('round-1'), delegate_id: id('del-1') },
    ]);

    const entry = (pass: 'A' | 'B', sheet: number) =>
      paperEntryRow({
        id: id(`entry-${pass}-${sheet}`),
        round_id: id('round-1'),
        pass,
        sheet_no: sheet,
        marks: '10',
        write_ins_json: sheet === 2 ? '["王五"]' : null,
        entered_by: id('acct-2'),
        entered_at: '2026-06-18T02:20:00.000Z',
      });
    await put('paper_entries', [entry('B', 1), entry('A', 1), entry('A', 2)]);
    await put('paper_resolutions', [
      paperResolutionRow({
        id: id('res-1'),
        round_id: id('round-1'),
        sheet_no: 2,
        marks: '00',
        void_reason: '无法辨认',
        resolved_by: id('acct-1'),
        resolved_at: '2026-06-18T02:30:00.000Z',
      }),
    ]);
    await put('round_signoffs', [
      signoffRow({
        id: id('sign-1'),
        round_id: id('round-1'),
        account_id: id('acct-1'),
        signed_at: '2026-06-18T02:40:00.000Z',
      }),
    ]);

    // Receipts are random codes: upper and lower case, so binary and dictionary order differ.
    await put('electronic_ballots', [
      { receipt: `zP4m-${tag}`, round_id: id('round-1'), marks: '10', write_ins_json: null },
      { receipt: `Zp4M-${tag}`, round_id: id('round-1'), marks: '01', write_ins_json: '["王五"]' },
      { receipt: `a9Tx-${tag}`, round_id: id('round-1'), marks: '00', write_ins_json: null },
    ]);
    await put('electronic_voters', [
      { round_id: id('round-1'), delegate_id: id('del-2') },
      { round_id: id('round-1'), delegate_id: id('del-1') },
    ]);

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
