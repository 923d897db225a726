import { CALIBRATION } from './forensics.ts';
import { type EngineReport, formatReport, probePostgres, probeSqlite } from './secrecy-attacks.ts';

// `npm run probe:secrecy` — the secret ballot [B4] under the pairing attacks of issue 13, on
// SQLite and on PostgreSQL (the attacks: secrecy-attacks.ts). One line per attack,
// `linked: K of N`, K being the voters it links to their own ballot's content, with the same
// attack's control on the sealed ballots beside it; the last line is
//   secrecy: linked 0 of N on sqlite, 0 of N on postgresql
// when nothing links. Exit status 1 when a content is linked, or when a link to the sealed ballots
// or a deleted copy of one survives the seal (a trace the close should have erased).
//
//   node --import tsx scripts/probe/secrecy-probe.ts [--ballots 30] [--db sqlite|postgres|both]
// PostgreSQL: DATABASE_URL, else the test server (postgres://postgres@127.0.0.1:5432/test), in a
// throwaway schema dropped afterwards.

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const ballots = Number(flag('ballots') ?? 30);
  if (!Number.isInteger(ballots) || ballots <= CALIBRATION)
    throw new Error(`--ballots must be an integer above ${CALIBRATION}`);
  const which = flag('db') ?? 'both';
  if (!['sqlite', 'postgres', 'both'].includes(which))
    throw new Error('--db must be sqlite, postgres or both');
  const reports: EngineReport[] = [];
  console.log(
    `${ballots} ballots of distinct content, one commit each; the attacker knows who voted in what order (the audit log) and ${CALIBRATION} ballots' contents`,
  );
  if (which === 'sqlite' || which === 'both') reports.push(await probeSqlite(ballots));
  if (which === 'postgres' || which === 'both') reports.push(await probePostgres(ballots));
  for (const report of reports) for (const line of formatReport(report)) console.log(line);
  const worst = reports.map((r) => ({ engine: r.engine, linked: Math.max(...r.lines.map((l) => l.linked)) }));
  const summary = worst.map((w) => `${w.linked} of ${ballots} on ${w.engine}`).join(', ');
  const survived = reports.flatMap((r) =>
    r.lines
      .filter((l) => l.phase === 'sealed' && ((l.sealedLinked ?? 0) > 0 || (l.leftovers ?? 0) > 0))
      .map((l) => `${r.engine}: ${l.attack}`),
  );
  if (worst.every((w) => w.linked === 0)) {
    console.log(`secrecy: linked ${summary}`);
  } else {
    console.log(`secrecy: BROKEN — linked ${summary}`);
    process.exitCode = 1;
  }
  if (survived.length > 0) {
    console.log(`traces of the casts survived the seal: ${survived.join('; ')}`);
    process.exitCode = 1;
  }
}

await main();
