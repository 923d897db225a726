import { InputError } from '../../adapters/shared/input-error.ts';
import { credentialHash } from '../accounts/account-service.ts';
import type { Actor } from '../actor.ts';
import { auditedWrite } from '../audited-write.ts';
import type { ServiceContext } from '../context.ts';
import { orderedDelegateRows } from './delegates.ts';
import { congressRow } from './lookups.ts';

// Credentials for electronic voting: a fresh random code per delegate, printed on the delegate
// card (as text and QR code). Only its hash is stored, so the plaintext is shown once, to the
// administrator who issues it; issuing again replaces the code, and the old one stops working.

export const CREDENTIAL_LENGTH = 10;

export interface IssuedCredential {
  readonly delegateId: string;
  /** 代表证号 */
  readonly code: string;
  readonly name: string;
  readonly delegation: string | null;
  /** The plaintext credential: returned now and never again. */
  readonly credential: string;
}

/**
 * Issues credentials to the given delegates (all delegates of the congress when none are named),
 * in list order. Sessions opened with an old credential end with it: a card reported lost must
 * not leave its finder logged in.
 */
export async function issueCredentials(
  context: ServiceContext,
  actor: Actor,
  congressId: string,
  delegateIds?: readonly string[],
): Promise<IssuedCredential[]> {
  return auditedWrite(context, actor, async (trx) => {
    await congressRow(trx, congressId);
    const { rows, delegations } = await orderedDelegateRows(trx, congressId);
    const names = new Map(delegations.map((d) => [d.id, d.name]));
    let chosen = rows;
    if (delegateIds !== undefined) {
      const wanted = new Set(delegateIds);
      chosen = rows.filter((row) => wanted.has(row.id));
      if (chosen.length !== wanted.size) {
        throw new InputError(
          'delegateIds',
          'names a delegate who is not in this congress',
          '包含不属于本次大会的代表',
        );
      }
    }
    const issued: IssuedCredential[] = [];
    for (const row of chosen) {
      const credential = context.random.code(CREDENTIAL_LENGTH);
      await trx
        .updateTable('delegates')
        .set({ credential_hash: credentialHash(congressId, credential) })
        .where('id', '=', row.id)
        .execute();
      issued.push({
        delegateId: row.id,
        code: row.code,
        name: row.name,
        delegation: row.delegation_id ? (names.get(row.delegation_id) ?? null) : null,
        credential,
      });
    }
    const ids = chosen.map((row) => row.id);
    for (let start = 0; start < ids.length; start += 500) {
      await trx
        .deleteFrom('sessions')
        .where('delegate_id', 'in', ids.slice(start, start + 500))
        .execute();
    }
    return {
      result: issued,
      // Who received a new credential and who had one before; never the codes.
      audit: {
        action: 'delegate.credentials.issue',
        subject: `congress:${congressId}`,
        before: { replaced: chosen.filter((row) => row.credential_hash !== null).map((row) => row.id) },
        after: { issued: ids },
      },
    };
  });
}
