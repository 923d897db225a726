import type { AttendanceCounts } from '../../../../../contract/attendance.ts';
import type {
  ElectionMethod,
  ElectionView,
  Office,
  Officer,
  RoundKind,
  RoundView,
} from '../../../../../contract/elections.ts';

// 主持词: what the presiding officer reads out at each step of an election, in the order it is
// read, filled with the live numbers and names — the attendance and the quorum, the election
// method, the scrutineers, the opening and closing of the vote, the count and the result. Pure:
// the page gives it the counts, the method and the election as the stream keeps them. Chinese as
// the hall hears it; the English beside it for a reader who does not read Chinese.

export const SCRIPT_STEPS = [
  'attendance',
  'method',
  'scrutineers',
  'open',
  'close',
  'counting',
  'result',
] as const;
export type ScriptStepKey = (typeof SCRIPT_STEPS)[number];

export interface ScriptStep {
  readonly key: ScriptStepKey;
  readonly zh: string;
  readonly en: string;
}

export interface ScriptInput {
  /** The attendance of the sitting in which the election is held, as the stream keeps it. */
  readonly counts: AttendanceCounts | null;
  /** The election method put to the vote [P4], once there is one. */
  readonly method: ElectionMethod | null;
  readonly election: ElectionView;
  /** The round under way or last held; none before the first. */
  readonly round: RoundView | undefined;
}

/** The first plenary's electors are the members of the committee; a congress's, its delegates. */
const PLENARY_OFFICES: ReadonlySet<Office> = new Set(['standing-committee', 'secretary', 'deputy-secretary']);

function electorsOf(election: ElectionView): { zh: string; en: string } {
  return PLENARY_OFFICES.has(election.office)
    ? { zh: '委员', en: 'members' }
    : { zh: '代表', en: 'delegates' };
}

/** Names as the hall hears them: 王宁、李强、张伟. */
const names = (list: readonly string[]) => list.join('、');
const namesEn = (list: readonly string[]) => list.join(', ');

/** 因事因病请假4人: by the kinds of leave there are. */
function leaveText(counts: AttendanceCounts): { zh: string; en: string } | null {
  const { total, personal, illness } = counts.onLeave;
  if (total === 0) return null;
  const kinds = [personal > 0 ? '因事' : '', illness > 0 ? '因病' : ''].join('');
  return { zh: `${kinds || '因故'}请假${total}人`, en: `${total} on leave` };
}

/** 现在报告代表出席情况：本次大会应到代表417名，因事因病请假4人，实到代表413名，符合法定人数。 */
export function attendanceText(counts: AttendanceCounts, electors: { zh: string; en: string }): ScriptStep {
  const leave = leaveText(counts);
  const met = counts.quorum.met;
  const body = electors.zh === '委员' ? '本次全会' : '本次大会';
  return {
    key: 'attendance',
    zh:
      `现在报告${electors.zh}出席情况：${body}应到${electors.zh}${counts.expected}名，` +
      `${leave ? `${leave.zh}，` : ''}实到${electors.zh}${counts.present}名，` +
      (met
        ? '符合法定人数，可以进行选举。'
        : `不足法定人数（至少需要${counts.quorum.minimumPresent}名），不能进行选举。`),
    en:
      `Attendance: ${counts.expected} ${electors.en} expected, ${leave ? `${leave.en}, ` : ''}${counts.present} present; ` +
      (met
        ? 'a quorum is present and the election may proceed.'
        : `no quorum (at least ${counts.quorum.minimumPresent} needed): the election cannot proceed.`),
  };
}

/** The method: put to the vote, then its result when recorded [P4]. */
export function methodText(method: ElectionMethod | null, electors: { zh: string; en: string }): ScriptStep {
  const name = method ? method.title.replace(/\s*[（(]\s*草案\s*[）)]/g, '') : '选举办法';
  const title = `《${name}》`;
  if (method && method.status !== 'draft' && method.votesFor !== null && method.expected !== null) {
    const adopted = method.status === 'adopted';
    return {
      key: 'method',
      zh:
        `${title}表决结果：应到${electors.zh}${method.expected}名，赞成${method.votesFor}票，` +
        `不赞成${method.votesAgainst ?? 0}票，弃权${method.votesAbstain ?? 0}票。` +
        (adopted
          ? `赞成票超过应到${electors.zh}的半数，${title}通过。`
          : `赞成票未超过应到${electors.zh}的半数，${title}未获通过。`),
      en:
        `The election method: ${method.votesFor} for, ${method.votesAgainst ?? 0} against, ${method.votesAbstain ?? 0} ` +
        `abstaining, of ${method.expected} expected; ${adopted ? 'more than half: adopted.' : 'not more than half: not adopted.'}`,
    };
  }
  return {
    key: 'method',
    zh: `下面，进行大会选举。首先，表决《${name}（草案）》。草案已经主席团会议审议通过，并经各代表团讨论。现在进行表决。`,
    en: 'We now proceed to the elections. First, the draft election method, approved by the presidium and discussed by the delegations, is put to the vote.',
  };
}

const ROLE_ZH: Record<Officer['role'], string> = {
  'chief-scrutineer': '总监票人',
  'deputy-chief-scrutineer': '副总监票人',
  scrutineer: '监票人',
  teller: '计票人',
};

/** The list of scrutineers [P1], read out and put to the vote. */
export function scrutineersText(election: ElectionView): ScriptStep {
  const of = (role: Officer['role']) => election.officers.filter((o) => o.role === role).map((o) => o.name);
  const chief = of('chief-scrutineer');
  const deputy = of('deputy-chief-scrutineer');
  const scrutineers = of('scrutineer');
  const parts = [
    chief.length > 0 ? `${ROLE_ZH['chief-scrutineer']}：${names(chief)}` : '',
    deputy.length > 0 ? `${ROLE_ZH['deputy-chief-scrutineer']}：${names(deputy)}` : '',
    scrutineers.length > 0 ? `${ROLE_ZH.scrutineer}：${names(scrutineers)}` : '',
  ].filter((p) => p !== '');
  const which = [
    chief.length > 0 ? '总监票人' : '',
    deputy.length > 0 ? '副总监票人' : '',
    scrutineers.length > 0 ? '监票人' : '',
  ].filter((p) => p !== '');
  const list =
    which.length > 1
      ? `${which.slice(0, -1).join('、')}和${which[which.length - 1]}`
      : (which[0] ?? '监票人');
  return {
    key: 'scrutineers',
    zh:
      `根据选举办法的规定，选举设${list}，由不是候选人的${electorsOf(election).zh}担任。` +
      `${list}名单（草案）已经主席团会议审议通过，名单如下：${parts.length > 0 ? parts.join('；') : '（尚未确定）'}。` +
      `现在对${list}名单进行表决。`,
    en:
      `The scrutineers, who stand in none of the elections, as approved by the presidium: ` +
      `${
        [
          chief.length > 0 ? `chief scrutineer ${namesEn(chief)}` : '',
          deputy.length > 0 ? `deputy chief scrutineer ${namesEn(deputy)}` : '',
          scrutineers.length > 0 ? `scrutineers ${namesEn(scrutineers)}` : '',
        ]
          .filter((p) => p !== '')
          .join('; ') || '(not appointed yet)'
      }. The list is put to the vote.`,
  };
}

const KIND_ZH: Record<RoundKind, string> = {
  formal: '正式选举',
  preliminary: '预选',
  runoff: '再次投票',
  supplementary: '另行选举',
};
const KIND_EN: Record<RoundKind, string> = {
  formal: 'formal election',
  preliminary: 'preliminary election',
  runoff: 'run-off',
  supplementary: 'supplementary election',
};

/** The order the ballot prints the names in [C3]. */
function ballotOrderZh(office: Office): string {
  return office === 'secretary' || office === 'deputy-secretary'
    ? '候选人按上级党组织批准的顺序排列'
    : '候选人按姓氏笔画为序排列';
}

/** Opening the vote: what is elected, from how many, how to mark the ballot, how to vote. */
export function openText(
  election: ElectionView,
  next: { readonly kind: RoundKind; readonly seats: number; readonly candidates: number },
  mode: ElectionView['ballotMode'],
): ScriptStep {
  const competitive = next.candidates > next.seats;
  const what = `${KIND_ZH[next.kind] === '正式选举' ? '' : `（${KIND_ZH[next.kind]}）`}`;
  const common =
    `现在进行${election.title}的选举${what}。应选${next.seats}名，候选人${next.candidates}名，` +
    `实行${competitive ? '差额' : '等额'}选举，${ballotOrderZh(election.office)}。` +
    '对选票上的候选人，赞成的在其姓名上方的方格内画“○”，不赞成的画“×”，弃权的不画任何符号；' +
    '如另选他人，可在选票的空格内写上另选人的姓名，并在其姓名上方的方格内画“○”。' +
    `每张选票所选的人数等于或少于应选名额的为有效票，多于应选名额的为无效票。`;
  const zh =
    mode === 'paper'
      ? `${common}请监票人、计票人检查票箱。现在分发选票，请${electorsOf(election).zh}清点选票，` +
        '如有缺页、破损，请举手示意。请写票。写票完毕后，请监票人先投票，然后请各位按顺序投票。现在开始投票。'
      : `${common}请各位在电子选票上逐一作出选择，核对无误后确认投出；投出后不能更改，请保存好收据号。现在开始投票。`;
  return {
    key: 'open',
    zh,
    en:
      `We now hold the ${KIND_EN[next.kind]} of ${election.title}: ${next.seats} seat(s), ${next.candidates} candidate(s), ` +
      `a ${competitive ? 'competitive' : 'non-competitive'} election. Mark ○ for, × against, nothing to abstain; ` +
      'a ballot marking more names than seats is invalid. ' +
      (mode === 'paper'
        ? 'The scrutineers and tellers check the ballot boxes; the ballots are handed out. The scrutineers vote first. Voting is now open.'
        : 'Vote on the electronic ballot, check it and cast it; keep your receipt. Voting is now open.'),
  };
}

/** Closing the vote: the ballots issued, the count under the scrutineers' supervision [B2][P2]. */
export function closeText(round: RoundView | undefined, election: ElectionView): ScriptStep {
  const issued = round?.ballotsIssued ?? null;
  return {
    key: 'close',
    zh:
      `投票结束。${issued !== null ? `本次选举共发出选票${issued}张。` : ''}` +
      `请监票人、计票人${round?.mode === 'electronic' ? '在监督下开启电子票箱' : '清点选票'}，到计票处计票。请${electorsOf(election).zh}在座位上稍候。`,
    en:
      `Voting is closed.${issued !== null ? ` ${issued} ballots were issued.` : ''} ` +
      'The tellers count the ballots under the scrutineers’ supervision. Please remain seated.',
  };
}

/** The count, reported by the chief scrutineer [B2][P2]. */
export function countingText(round: RoundView | undefined, election: ElectionView): ScriptStep {
  const chief = election.officers.find((o) => o.role === 'chief-scrutineer')?.name;
  const result = round?.result;
  const report = result
    ? `本次选举发出选票${result.validity.issued}张，收回${result.validity.returned}张，` +
      `其中有效票${result.ballots.valid}张，无效票${result.ballots.invalid}张。` +
      (result.validity.valid
        ? '收回的选票等于或少于发出的选票，选举有效。'
        : '收回的选票多于发出的选票，选举无效，应重新进行选举。')
    : '';
  return {
    key: 'counting',
    zh: `下面，请总监票人${chief ?? ''}报告计票结果。${report}`,
    en:
      `The chief scrutineer${chief ? ` ${chief}` : ''} reports the count.` +
      (result
        ? ` ${result.validity.issued} ballots issued, ${result.validity.returned} returned, ${result.ballots.valid} valid, ` +
          `${result.ballots.invalid} invalid: the election is ${result.validity.valid ? 'valid' : 'void and must be held again'}.`
        : ''),
  };
}

/** The result: those elected, in the published order, and what follows [T1]–[T4]. */
export function resultText(round: RoundView | undefined, election: ElectionView): ScriptStep {
  const result = round?.result;
  const electors = electorsOf(election);
  if (!result) {
    return {
      key: 'result',
      zh: '计票结果经监票人签字确认后，宣布选举结果。',
      en: 'The result is announced once the scrutineers have signed off the count.',
    };
  }
  const base = result.threshold.rule === 'T2' ? `实到会${electors.zh}` : `应到会${electors.zh}`;
  const elected = result.elected;
  const zh: string[] = [];
  const en: string[] = [];
  if (round?.kind === 'preliminary') {
    const advancing = result.advancing ?? [];
    zh.push(`根据计票结果，${names(advancing)}得票超过${base}的半数，按得票多少为序确定为正式候选人。`);
    en.push(`Going forward to the formal election: ${namesEn(advancing)}.`);
  } else if (elected.length > 0) {
    zh.push(
      `根据总监票人报告的计票结果，${names(elected)}（${elected.length}名）得票超过${base}的半数，当选为${election.title}。`,
    );
    en.push(
      `Elected ${election.title} with more than half of the ${result.threshold.rule === 'T2' ? 'electors present' : 'expected electors'}: ${namesEn(elected)}.`,
    );
  } else {
    zh.push(`根据计票结果，没有被选举人得票超过${base}的半数，无人当选。`);
    en.push('No one received more than half: nobody is elected.');
  }
  if (result.runoff) {
    zh.push(
      `${names(result.runoff.candidates)}得票相等，不能确定当选人，须就票数相等的被选举人再次投票，选出${result.runoff.seats}名。`,
    );
    en.push(
      `${namesEn(result.runoff.candidates)} are tied: a run-off among them decides ${result.runoff.seats} seat(s).`,
    );
  }
  const shortfall = result.shortfall - (result.runoff?.seats ?? 0);
  if (shortfall > 0) {
    zh.push(`尚缺${shortfall}名，按照选举办法的规定另行选举，或经大会主席团决定减少名额。`);
    en.push(
      `${shortfall} seat(s) remain unfilled: a supplementary election, or fewer seats by the presidium's decision.`,
    );
  }
  return { key: 'result', zh: zh.join(''), en: en.join(' ') };
}

/** What the next round is, as the chain of rounds requires it ([C4], [T3], [T4]). */
function nextRound(election: ElectionView): { kind: RoundKind; seats: number; candidates: number } | null {
  const next = election.chain.next;
  if (next.step === 'round')
    return {
      kind: next.kind,
      seats: next.seats,
      candidates: next.candidates === 'open' ? election.candidates.length : next.candidates.length,
    };
  if (next.step === 'decide-shortfall')
    return { kind: 'supplementary', seats: next.seats, candidates: next.eligible.length };
  return null;
}

/**
 * The script of one election in reading order, and the step the hall is at. Before the first
 * round: the attendance, the method, the scrutineers, then the round's opening, closing, count
 * and result. Once a round is held: its opening, closing, count and result, then the opening of
 * the round the chain requires next (a run-off, a supplementary election), if any.
 */
export function presidingScript(input: ScriptInput): {
  readonly steps: ScriptStep[];
  readonly current: number;
} {
  const { counts, method, election } = input;
  const electors = electorsOf(election);
  const round = input.round?.status === 'prepared' ? undefined : input.round;
  const mode = round?.mode ?? election.ballotMode;
  const steps: ScriptStep[] = [];
  if (counts) steps.push(attendanceText(counts, electors));
  steps.push(methodText(method, electors), scrutineersText(election));
  const held = round
    ? { kind: round.kind, seats: round.seats, candidates: round.candidates.length }
    : nextRound(election);
  if (held) steps.push(openText(election, held, mode));
  steps.push(closeText(round, election), countingText(round, election), resultText(round, election));
  const following = round?.status === 'announced' ? nextRound(election) : null;
  if (following) steps.push(openText(election, following, election.ballotMode));
  const last = (key: ScriptStepKey) => Math.max(0, steps.map((s) => s.key).lastIndexOf(key));
  const first = (key: ScriptStepKey) =>
    Math.max(
      0,
      steps.findIndex((s) => s.key === key),
    );
  const current = !round
    ? method?.status === 'adopted'
      ? first('open')
      : 0
    : round.status === 'open'
      ? first('close')
      : round.status === 'closed' || round.status === 'counted'
        ? first('counting')
        : round.status === 'signed-off' || !following
          ? first('result')
          : last('open');
  return { steps, current };
}

/** The method the script speaks of: the one adopted, else the latest draft put to the vote. */
export function currentMethod(methods: readonly ElectionMethod[]): ElectionMethod | null {
  return methods.find((m) => m.status === 'adopted') ?? methods[methods.length - 1] ?? null;
}
