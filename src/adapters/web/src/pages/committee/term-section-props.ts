import type { Role } from '../../lib/roles.ts';

/** What the term's page gives each of its sections. */
export interface TermSectionProps {
  readonly termId: string;
  /** Roles held in every congress ('*'), which term-level endpoints check. */
  readonly roles: ReadonlySet<Role>;
  /** The term's organisation, once known: its units serve the follow-up and the topics. */
  readonly organisationId: string | undefined;
  readonly termTitle: string;
}
