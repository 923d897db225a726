export const HELP = `plenum — runs Party congresses and committee plenary sessions
（党代会和全委会选举工作系统）

Usage:
  plenum names sort [--unknown error|last]
      Names on stdin, one per line (LF, CR LF or CR); prints them in surname-stroke order
      (姓氏笔画为序).
      A character without stroke data is an error, or with --unknown last goes last.
  plenum tally
      One election round as JSON on stdin; prints the result as JSON (see cli-contract.md).
  plenum serve [--port N] [--host ADDRESS] [--data DIR] [--tls-cert FILE --tls-key FILE] [--demo]
      Runs the server (HTTP API) on port N (default PORT, else 3000), on all addresses so that
      the hall's desks reach it (--host 127.0.0.1 behind a proxy on the same machine). The
      database is SQLite in DIR (default PLENUM_DATA, else ./data), or PostgreSQL when
      DATABASE_URL is set and --data is not. It starts empty; with --demo the first start on an
      empty database loads the demonstration congress and prints its logins.
      With a certificate and its key (PEM; or PLENUM_TLS_CERT and PLENUM_TLS_KEY) it serves
      HTTPS and HTTP/2, with Secure cookies; over plain HTTP on the network it prints a warning.
  plenum start [--port N] [--host ADDRESS] [--data DIR] [--tls-cert FILE --tls-key FILE] [--empty]
      What \`npm start\` runs: the server with the demonstration congress (unless --empty).
      Ctrl+C stops it.
  plenum backup <file> [--format native|json] [--data DIR]
      Copies the database to <file>: native (a SQLite file; the default on SQLite) or json
      (the default on PostgreSQL). Safe while the server runs; a native copy is refused while an
      electronic vote is open [B4] (json is not). Writes <file>.manifest.json beside it: the
      backup's sha256 and the audit head it was taken at (keep a copy apart).
  plenum restore <file> [--data DIR]
      Replaces the database with a backup of either format, after checking its audit chain.
      Refused while a server runs on the same data folder.
  plenum audit verify [--anchor SEQ:HASH]... [--manifest FILE]... [--data DIR]
      Checks the audit log's hash chain and the ballots sealed into it: "audit chain OK: N
      entries, head <hash>" (exit 0) or "audit chain BROKEN at seq N: reason" (exit 1). With
      heads recorded outside the database (a tally sheet's or the presiding page's SEQ:HASH, a
      backup's manifest), also that each is still in the chain: a cut-off tail shows.
  plenum ballots verify <round-id> --share CODE --share CODE... [--data DIR]
      The scrutineers prove an electronic round's count [B4]: their key shares open the sealed
      ballots again in memory, which must be the set sealed at the close and open to exactly the
      ballots counted. "count proven" (exit 0) or "count NOT proven" (exit 1).
  plenum accounts create-admin USERNAME [--display-name NAME] [--password-stdin] [--data DIR]
      Creates an administrator of every congress and meeting (the first one, on a server started
      without the demo). The password is read from the first line of stdin with --password-stdin;
      otherwise one is generated and printed once.
  plenum scan watch DIR --server URL --user NAME [--password-stdin] [--congress ID] [--round ID]
                  [--once] [--interval SECONDS]
      On the scanner's computer: logs in as a teller and uploads every scan (PDF, TIFF, PNG,
      JPEG) that appears in DIR, once each, to the paper round taking scans (扫描上传), printing
      what was read. The password is the first line of stdin with --password-stdin, else
      PLENUM_PASSWORD. Uploaded files are listed in DIR/.plenum-uploaded. --once uploads what is
      there and exits. Ctrl+C stops it.
  plenum --help
      This text.

Exit status: 0 an answer was computed (a void round or a missed quorum is an answer);
2 the input was unusable (one line on stderr names the field); 1 an internal error
(or, for audit verify, a broken chain).
`;
