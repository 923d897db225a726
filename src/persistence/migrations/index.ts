import type { Migration } from 'kysely';
import * as foundation from './0001-foundation.ts';
import * as congress from './0002-congress.ts';
import * as congressSetup from './0003-congress-setup.ts';
import * as news from './0004-news.ts';
import * as credentialIndex from './0005-credential-index.ts';
import * as committeeYear from './0006-committee-year.ts';
import * as secretBallot from './0007-secret-ballot.ts';
import * as scannedBallots from './0008-scanned-ballots.ts';
import * as streamEvents from './0009-events.ts';
import * as credentialHashes from './0010-credential-hashes.ts';

// The one migration history for SQLite and PostgreSQL. Listed explicitly (no folder scan) so it
// works from any working directory and in any bundle. To add a migration: create
// `0002-<what>.ts` exporting `up(db: Kysely<any>)`, import it here and add one line below.
// Names sort in application order; never rename or edit a migration that has shipped.
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-foundation': foundation,
  '0002-congress': congress,
  '0003-congress-setup': congressSetup,
  '0004-news': news,
  '0005-credential-index': credentialIndex,
  '0006-committee-year': committeeYear,
  '0007-secret-ballot': secretBallot,
  '0008-scanned-ballots': scannedBallots,
  '0009-events': streamEvents,
  '0010-credential-hashes': credentialHashes,
};
