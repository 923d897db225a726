import type { ServiceContext } from '../context.ts';

/**
 * Tells the screens of a congress that what they show has changed (a sitting opened or closed,
 * chairs named, a vote opened or its result). Called only after the transaction has committed:
 * auditedWrite may run its function twice on PostgreSQL.
 */
export function publishCongress(
  context: ServiceContext,
  congressId: string,
  data: Record<string, unknown>,
): void {
  context.events.publish({ type: 'congress', congressId, data });
}

/** Voting progress: how many have voted, never how. */
export function publishVoting(
  context: ServiceContext,
  congressId: string,
  data: Record<string, unknown>,
): void {
  context.events.publish({ type: 'voting', congressId, data });
}
