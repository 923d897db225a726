// The pairing attacks of issue 13 on the secret ballot [B4], as someone holding the files would run
// them: given what the storage engines keep (SQLite's WAL frames and page layout, PostgreSQL's
// xmin, dead tuples and row order), pair each voter with the content of a ballot. The attacker
// knows who voted in what order (the audit log says so, by design) and the content of a few
// ballots (confederates: CALIBRATION of them), and trusts a pairing by position only if it gets
// those right. The probe (secrecy-probe.ts) and the tests of the secret ballot use them; they know
// the truth, and count how many voters a pairing links to their own ballot.

/** Ballots whose content the attacker knows, to tell a real pairing from a chance one. */
export const CALIBRATION = 3;

export interface Truth {
  /** The voters, in the order they cast their ballots. */
  readonly voters: readonly string[];
  /** Each voter's ballot content (unique per voter in the probe), as stored. */
  readonly contentOf: ReadonlyMap<string, string>;
}

/** Voters linked to their own ballot's content by `pairing` (voter → content). */
export function correctLinks(pairing: ReadonlyMap<string, string>, truth: Truth): number {
  let linked = 0;
  for (const [voter, content] of pairing) if (truth.contentOf.get(voter) === content) linked++;
  return linked;
}

/**
 * An attack by position: the voters in casting order against the contents in some physical order
 * (`orders`: each a guess at the casting order), paired rank by rank. The attacker keeps the first
 * guess that gets all the known ballots right (the first CALIBRATION voters) and claims those links;
 * if none does, the positions say nothing and nothing is linked.
 */
export function linkByPosition(truth: Truth, orders: ReadonlyArray<readonly string[]>): number {
  const known = truth.voters.slice(0, CALIBRATION);
  for (const order of orders) {
    if (order.length !== truth.voters.length) continue;
    const pairing = new Map(truth.voters.map((voter, i) => [voter, order[i]!] as const));
    if (known.every((voter) => pairing.get(voter) === truth.contentOf.get(voter)))
      return correctLinks(pairing, truth);
  }
  return 0;
}

/**
 * An attack by commits: in each commit (a transaction's pages), the voters and the contents that
 * appear for the first time; a commit with exactly one new voter and one new content pairs them.
 * A voter is recognised by any of `needlesOf(voter)` (the audit entry's actor, the voter row).
 */
export function linkByCommits(
  commits: readonly Buffer[],
  voters: readonly string[],
  contents: readonly string[],
  needlesOf: (voter: string) => readonly string[] = (voter) => [voter],
): Map<string, string> {
  const seenVoters = new Set<string>();
  const seenContents = new Set<string>();
  const pairing = new Map<string, string>();
  for (const pages of commits) {
    const newVoters = voters.filter(
      (v) => !seenVoters.has(v) && needlesOf(v).some((needle) => containsId(pages, needle)),
    );
    const newContents = contents.filter(
      (c) => !seenContents.has(c) && pages.includes(Buffer.from(c, 'utf8')),
    );
    for (const v of newVoters) seenVoters.add(v);
    for (const c of newContents) seenContents.add(c);
    if (newVoters.length === 1 && newContents.length === 1) pairing.set(newVoters[0]!, newContents[0]!);
  }
  return pairing;
}

/** Whether `id` occurs in `bytes` not followed by another digit (so e-del-1 is not found in e-del-12). */
export function containsId(bytes: Buffer, id: string): boolean {
  return offsetsOf(bytes, id).length > 0;
}

/** Every offset of `text` in `bytes` (UTF-8), not followed by a digit. */
export function offsetsOf(bytes: Buffer, text: string): number[] {
  const needle = Buffer.from(text, 'utf8');
  const offsets: number[] = [];
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
    const next = bytes[at + needle.length];
    if (next === undefined || next < 0x30 || next > 0x39) offsets.push(at);
  }
  return offsets;
}

/**
 * The contents found in a file, in the guesses at casting order its layout allows: by byte offset
 * up and down, and per page with the offsets inside a page reversed (SQLite fills a page's cell
 * content area from the end, so later cells sit lower). A content absent from the file (or found
 * twice: no position to take) leaves the guesses short, and they pair nothing.
 */
export function physicalOrders(file: Buffer, contents: readonly string[], pageSize = 4096): string[][] {
  const found: Array<{ content: string; offset: number }> = [];
  for (const content of contents) {
    const offsets = offsetsOf(file, content);
    if (offsets.length === 1) found.push({ content, offset: offsets[0]! });
  }
  const page = (o: number) => Math.floor(o / pageSize);
  const ascending = [...found].sort((a, b) => a.offset - b.offset).map((f) => f.content);
  const pageUpCellDown = [...found]
    .sort((a, b) => page(a.offset) - page(b.offset) || b.offset - a.offset)
    .map((f) => f.content);
  return [ascending, [...ascending].reverse(), pageUpCellDown, [...pageUpCellDown].reverse()];
}

/** SQLite's WAL file as its committed transactions: for each, the page images of its frames. */
export function walCommits(wal: Buffer): Buffer[] {
  if (wal.length < 32) return [];
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return [];
  const pageSize = wal.readUInt32BE(8) === 1 ? 65536 : wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const commits: Buffer[] = [];
  let pages: Buffer[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    // A frame of an earlier generation of the WAL (other salts) is not part of this one.
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    pages.push(wal.subarray(at + 24, at + 24 + pageSize));
    if (wal.readUInt32BE(at + 4) !== 0) {
      commits.push(Buffer.concat(pages));
      pages = [];
    }
  }
  return commits;
}

/** Unique marks for the n-th ballot over `candidates` columns: base 3 in F, A and -, always one - (never base64). */
export function uniqueMarks(n: number, candidates: number): string {
  const symbols = ['F', 'A', '-'];
  let value = n;
  let marks = '';
  for (let i = 0; i < candidates - 1; i++) {
    marks += symbols[value % 3];
    value = Math.floor(value / 3);
  }
  return `${marks}-`;
}
