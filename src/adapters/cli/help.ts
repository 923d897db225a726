export const HELP = `plenum — runs Party congresses and committee plenary sessions
（党代会和全委会选举工作系统）

Usage:
  plenum names sort [--unknown error|last]
      Names on stdin, one per line; prints them in surname-stroke order (姓氏笔画为序).
      A character without stroke data is an error, or with --unknown last goes last.
  plenum tally
      One election round as JSON on stdin; prints the result as JSON (see cli-contract.md).
  plenum serve [--port N] [--data DIR] [--demo]
      Runs the server (HTTP API) on port N (default PORT, else 3000), on all addresses so that
      the hall's desks reach it. The database is SQLite in DIR (default PLENUM_DATA, else ./data),
      or PostgreSQL when DATABASE_URL is set and --data is not. It starts empty; with --demo the
      first start on an empty database loads the demonstration congress and prints its logins.
  plenum start [--port N] [--data DIR] [--empty]
      What \`npm start\` runs: the server with the demonstration congress (unless --empty).
      Ctrl+C stops it.
  plenum backup <file> [--format native|json] [--data DIR]
      Copies the database to <file>: native (a SQLite file; the default on SQLite) or json
      (the default on PostgreSQL). Safe while the server runs.
  plenum restore <file> [--data DIR]
      Replaces the database with a backup of either format, after checking its audit chain.
      Refused while a server runs on the same data folder.
  plenum audit verify [--data DIR]
      Checks the audit log's hash chain: "audit chain OK: N entries, head <hash>" (exit 0)
      or "audit chain BROKEN at seq N: reason" (exit 1).
  plenum --help
      This text.

Exit status: 0 an answer was computed (a void round or a missed quorum is an answer);
2 the input was unusable (one line on stderr names the field); 1 an internal error
(or, for audit verify, a broken chain).
`;
