import type { Role } from '../../lib/roles.ts';

/** What the console gives every section: the congress and the roles the user holds in it. */
export interface ConsoleSectionProps {
  readonly congressId: string;
  readonly roles: ReadonlySet<Role>;
  /** The congress's title, for documents and headings. */
  readonly congressTitle: string;
}
