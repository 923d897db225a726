export const HELP = `plenum — runs Party congresses and committee plenary sessions
（党代会和全委会选举工作系统）

Usage:
  plenum names sort [--unknown error|last]
      Names on stdin, one per line; prints them in surname-stroke order (姓氏笔画为序).
      A character without stroke data is an error, or with --unknown last goes last.
  plenum tally
      One election round as JSON on stdin; prints the result as JSON (see cli-contract.md).
  plenum --help
      This text.

Exit status: 0 an answer was computed (a void round or a missed quorum is an answer);
2 the input was unusable (one line on stderr names the field); 1 an internal error.
`;

/** A worked example for `npm start`: a small committee election as the secretariat would run it. */
export const EXAMPLE_TALLY = {
  ruleSet: 'local-congress',
  office: 'committee-member',
  round: 'formal',
  seats: 3,
  electors: { expected: 417, present: 413 },
  ballotsIssued: 413,
  candidates: ['王宁', '丁小强', '李强', '张伟'],
  ballots: [
    { count: 300, marks: { 王宁: 'for', 丁小强: 'for', 李强: 'for' } },
    { count: 100, marks: { 王宁: 'for', 张伟: 'for', 李强: 'against' } },
    { count: 10, marks: { 王宁: 'for', 丁小强: 'for', 李强: 'for', 张伟: 'for' } },
    { count: 2, marks: {} },
    { void: 'identifying mark' },
  ],
};
