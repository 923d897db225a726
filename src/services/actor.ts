import type { Role } from '../persistence/congress-schema.ts';

/** Who makes a request: a staff account with roles per congress, a delegate, or the public. */
export type Actor =
  | {
      readonly kind: 'account';
      readonly accountId: string;
      readonly username: string;
      readonly displayName: string;
      /** congress id (or '*') → roles there. */
      readonly roles: ReadonlyMap<string, ReadonlySet<Role>>;
    }
  | {
      readonly kind: 'delegate';
      readonly delegateId: string;
      readonly congressId: string;
      readonly name: string;
    }
  | { readonly kind: 'public' };

export const PUBLIC: Actor = { kind: 'public' };

/** The roles an actor holds in a congress (global '*' roles included). */
export function rolesIn(actor: Actor, congressId: string | undefined): Set<Role> {
  if (actor.kind === 'public') return new Set(['public']);
  if (actor.kind === 'delegate') {
    return new Set(
      congressId === undefined || congressId === actor.congressId ? ['delegate', 'public'] : ['public'],
    );
  }
  const roles = new Set<Role>(['public', ...(actor.roles.get('*') ?? [])]);
  if (congressId) for (const role of actor.roles.get(congressId) ?? []) roles.add(role);
  return roles;
}

/** The name the audit log records. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'account') return `account:${actor.username}`;
  if (actor.kind === 'delegate') return `delegate:${actor.delegateId}`;
  return 'public';
}
