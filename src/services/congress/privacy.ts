import type { DelegatesTable } from '../../persistence/congress-schema.ts';
import { type Actor, rolesIn } from '../actor.ts';

// A delegate list carries citizen ID numbers. Only the congress's administrators see them whole;
// everyone else (check-in desks, tellers, the presiding officer) sees the region code and the
// last four characters, enough to tell two people of the same name apart at a desk. The audit
// log is permanent and hash-chained, so it never records a whole ID number or a photo either.

/** 110101********123X */
export function maskIdNumber(idNumber: string | null): string | null {
  if (idNumber === null) return null;
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}

export function seesIdNumbers(actor: Actor, congressId: string): boolean {
  return rolesIn(actor, congressId).has('admin');
}

/** A delegate row as the audit log records it: ID number masked, photo and credential summarised. */
export function auditableDelegate(row: DelegatesTable): Record<string, unknown> {
  const { photo, credential_hash, id_number, ...rest } = row;
  return {
    ...rest,
    id_number: maskIdNumber(id_number),
    photo: photo === null ? null : `${photo.slice(0, photo.indexOf(',') + 1)}… (${photo.length} characters)`,
    credential: credential_hash === null ? 'none' : 'issued',
  };
}
