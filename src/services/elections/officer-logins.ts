import type { Kysely } from 'kysely';
import type { OfficerRole, StaffLogin } from '../../contract/elections.ts';
import type { Schema } from '../../persistence/index.ts';
import { InputError } from '../input-error.ts';

// The logins linked to an election's officers: a scrutineer signs off the count [P2] with the
// login linked to them, a teller keys ballots with theirs. The secretariat links them in the
// officers editor, from the staff accounts that hold the matching role in the congress.

/** The role a login needs to serve as this officer. */
function loginRoleFor(role: OfficerRole): 'scrutineer' | 'teller' {
  return role === 'teller' ? 'teller' : 'scrutineer';
}

/** Staff accounts holding the scrutineer or teller role in the congress (or in every congress). */
export async function staffLogins(db: Kysely<Schema>, congressId: string): Promise<StaffLogin[]> {
  const rows = await db
    .selectFrom('account_roles as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .select(['a.id', 'a.username', 'a.display_name', 'r.role'])
    .where('r.congress_id', 'in', [congressId, '*'])
    .where('r.role', 'in', ['scrutineer', 'teller'])
    .orderBy('a.username')
    .execute();
  const byId = new Map<string, StaffLogin & { roles: ('scrutineer' | 'teller')[] }>();
  for (const row of rows) {
    const login = byId.get(row.id) ?? {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: [],
    };
    const role = row.role as 'scrutineer' | 'teller';
    if (!login.roles.includes(role)) login.roles.push(role);
    byId.set(row.id, login);
  }
  return [...byId.values()];
}

/**
 * Each linked login exists and holds the role its officer needs in this congress; no login is
 * linked to two scrutineers of the same election (one signature per person).
 */
export async function checkOfficerLogins(
  db: Kysely<Schema>,
  congressId: string,
  officers: readonly { readonly role: OfficerRole; readonly accountId?: string | undefined }[],
): Promise<void> {
  const logins = new Map((await staffLogins(db, congressId)).map((login) => [login.id, login]));
  const scrutineerLogins = new Set<string>();
  officers.forEach((officer, index) => {
    if (!officer.accountId) return;
    const field = `officers[${index}].accountId`;
    const login = logins.get(officer.accountId);
    const needed = loginRoleFor(officer.role);
    if (!login?.roles.includes(needed)) {
      throw new InputError(
        field,
        needed === 'teller'
          ? 'is not a teller login of this congress'
          : 'is not a scrutineer login of this congress',
        needed === 'teller' ? '不是本次会议的计票人账号' : '不是本次会议的监票人账号',
      );
    }
    if (needed === 'scrutineer') {
      if (scrutineerLogins.has(officer.accountId)) {
        throw new InputError(
          field,
          'is already linked to another scrutineer of this election',
          '该账号已关联本次选举的另一名监票人',
        );
      }
      scrutineerLogins.add(officer.accountId);
    }
  });
}
