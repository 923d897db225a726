// The values a template's placeholders stand for, built from the congress record for one kind of
// announcement in one language. Both languages have the same placeholders (the catalogue in
// placeholders.ts lists them); a part of the record that is missing gives empty values, which a
// template tests with {{#if …}}. Free text the system cannot translate (a report's title, the
// congress's theme, a venue) stays Chinese in the English values, for the secretariat to translate
// in the draft.

import type { Office } from '../../rules/types.ts';
import { compareDates } from '../../text/calendar.ts';
import { fromChineseNumeral, toChineseNumeral } from '../../text/chinese-numerals.ts';
import {
  committeeFullName,
  congressFullName,
  disciplineCommissionFullName,
  plenaryFullName,
  plenaryPressName,
} from '../../text/ordinals.ts';
import {
  pressDate,
  pressDateEn,
  pressDateRange,
  pressDateRangeEn,
  pressMonthDay,
  pressMonthDayEn,
} from '../../text/press-dates.ts';
import { formatCount } from '../../text/press-numbers.ts';
import { electedNames, electionTitle } from './elected.ts';
import { bodyNamesEn, englishList, englishNumber, englishOrdinal, personNameEn } from './english.ts';
import { NewsError } from './errors.ts';
import { meetingValues } from './meeting-values.ts';
import {
  attendanceEn,
  attendanceZh,
  attendeeCategories,
  bodyEn,
  cleanName,
  dateOf,
  documentTitle,
  enEnumeration,
  enNames,
  fragment,
  heardReports,
  isReportedResolution,
  quoteEn,
  reportParts,
  reportTitle,
  resolutionSubject,
  semicolonList,
  speechSentence,
  timeOf,
  translated,
  writtenReportEn,
  writtenReportZh,
  zhList,
  zhNames,
} from './phrases.ts';
import type {
  AdoptionRecord,
  AgendaRecord,
  AttendeeGroupRecord,
  CongressRecord,
  ElectionRecord,
  MeetingRecord,
  NewsKind,
  NewsLang,
  NewsOrganisation,
  NewsRecord,
  PlenaryRecord,
  SittingRecord,
} from './record.ts';
import type { TemplateValues } from './template.ts';

type Values = { [name: string]: string | Values };

const LEVEL_SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '省',
  '市',
  '县',
  '区',
  '盟',
  '旗',
];

/** 通辽市 → 通辽, 内蒙古自治区 → 内蒙古: the place as a dateline names it. */
export function placeZh(locality: string): string {
  const suffix = LEVEL_SUFFIXES.find((s) => locality.endsWith(s) && locality.length > s.length);
  return suffix ? locality.slice(0, -suffix.length) : locality;
}

/** 市委 → 市, 自治区党委 → 自治区: the level as 市第六次党代会 writes it. */
function levelZh(org: NewsOrganisation): string {
  return org.committeeShortName.replace(/(党委|委)$/u, '');
}

function organisationValues(org: NewsOrganisation, lang: NewsLang): Values {
  if (lang === 'zh') {
    return {
      locality: org.locality,
      place: placeZh(org.locality),
      committee: org.committeeShortName,
      discipline: org.disciplineShortName,
    };
  }
  const en = bodyNamesEn(org);
  return {
    locality: en.place,
    place: en.place,
    committee: en.committeeShort,
    discipline: en.disciplineShort,
  };
}

// Sittings --------------------------------------------------------------------------------------

/** Who presided: a person (郭玉峰 → Guo Yufeng) or a body (市委常委会). */
function presidingOf(presiding: string | null, org: NewsOrganisation, lang: NewsLang): string {
  const text = fragment(presiding);
  if (text === '' || lang === 'zh') return lang === 'zh' ? cleanName(text) : '';
  return bodyEn(text, org) ?? personNameEn(text);
}

function sittingValues(
  sitting: SittingRecord | null,
  org: NewsOrganisation,
  lang: NewsLang,
  noun: 'delegate' | 'member',
): Values {
  const attendance = sitting?.attendance;
  return {
    date: dateOf(sitting?.at ?? null, lang),
    time: timeOf(sitting?.at ?? null, lang),
    venue: fragment(sitting?.venue),
    chairs: sitting ? (lang === 'zh' ? zhNames(sitting.chairs) : enNames(sitting.chairs)) : '',
    presiding: presidingOf(sitting?.presiding ?? null, org, lang),
    attendance: attendance
      ? lang === 'zh'
        ? attendanceZh(attendance, noun === 'delegate' ? '代表' : '委员')
        : attendanceEn(attendance, noun)
      : '',
  };
}

// Reports ---------------------------------------------------------------------------------------

const DISCIPLINE_REPORT = /(纪律检查委员会|纪委|纪检监察)/u;

/** The opening sitting's reports: the committee's work report, the commission's, any others. */
function classifyReports(agenda: readonly AgendaRecord[]) {
  const reports = agenda.filter((item) => item.kind === 'report');
  const discipline = reports.find((item) => DISCIPLINE_REPORT.test(item.title)) ?? null;
  const work = reports.find((item) => item !== discipline) ?? null;
  const others = reports.filter((item) => item !== work && item !== discipline);
  const written = agenda.filter((item) => item.kind === 'written-report');
  return { work, discipline, others, written };
}

/** The report's title in English: the record's, or the Chinese (to be translated in the draft). */
function titleEn(item: AgendaRecord): string {
  return fragment(item.titleEn) || reportTitle(item.title).title;
}

function titled(item: AgendaRecord, lang: NewsLang, what: 'work' | 'other'): string {
  const { title, quoted } = reportTitle(item.title);
  if (lang === 'zh') {
    if (quoted) return `题为《${title}》的报告`;
    return what === 'work' ? '工作报告' : title.endsWith('报告') ? title : `${title}的报告`;
  }
  const en = quoteEn(titleEn(item));
  if (quoted) return `${what === 'work' ? 'a work report' : 'a report'} entitled ${en}`;
  return what === 'work' ? 'the work report' : `a report entitled ${en}`;
}

function reportValues(item: AgendaRecord | null, lang: NewsLang, withParts: boolean): Values {
  if (!item)
    return withParts
      ? { presenter: '', title: '', titled: '', parts: '', partCount: '' }
      : { presenter: '', title: '', titled: '' };
  const presenter = fragment(item.presenter);
  const values: Values = {
    presenter: lang === 'zh' ? cleanName(presenter) : presenter ? personNameEn(presenter) : '',
    title: lang === 'zh' ? reportTitle(item.title).title : titleEn(item),
    titled: titled(item, lang, 'work'),
  };
  if (!withParts) return values;
  const parts = reportParts(item.body);
  return {
    ...values,
    parts: parts.map((part, i) => `${toChineseNumeral(i + 1)}、${part}`).join('；'),
    partCount:
      parts.length === 0 ? '' : lang === 'zh' ? toChineseNumeral(parts.length) : englishNumber(parts.length),
  };
}

function otherReportsValue(items: readonly AgendaRecord[], lang: NewsLang): string {
  return items
    .map((item) => {
      const presenter = fragment(item.presenter);
      if (lang === 'zh')
        return `会上，${presenter ? `${cleanName(presenter)}同志` : ''}作了${titled(item, lang, 'other')}。`;
      return `${presenter ? personNameEn(presenter) : 'The congress'} ${presenter ? 'delivered' : 'heard'} ${titled(item, lang, 'other')}.`;
    })
    .join(lang === 'zh' ? '' : ' ');
}

function writtenValue(items: readonly AgendaRecord[], lang: NewsLang): string {
  if (lang === 'zh') return zhList(items.map((item) => writtenReportZh(item.title)));
  return englishList(
    items.map((item) => {
      const en = fragment(item.titleEn);
      return en ? `a written report on ${en}` : writtenReportEn(item.title);
    }),
  );
}

// Elected lists ---------------------------------------------------------------------------------

/** 出席中国共产党内蒙古自治区第十一次代表大会代表 → the 11th CPC Inner Mongolia Autonomous Regional Congress */
function higherCongressEn(title: string): string {
  const match =
    /出席(?:中国共产党|中共)?(.{2,}?)第([〇零一二两三四五六七八九十百]+)次(?:党员)?(?:代表大会|党代会)/u.exec(
      title,
    );
  const number = match ? fromChineseNumeral(match[2]!) : undefined;
  if (!match || number === undefined || number < 1) return 'the next higher Party congress';
  return bodyNamesEn({ locality: match[1]! }).congress(number);
}

interface ListSpec {
  readonly headingZh: string;
  readonly headingEn: string;
  readonly orderZh: string;
  readonly orderEn: string;
}

const STROKES_ZH = '按姓氏笔画为序';
const STROKES_EN = 'listed in the order of the number of strokes in their surnames';
const VOTES_ZH = '按得票多少为序，得票相同的按姓氏笔画为序';
const VOTES_EN = 'listed by the number of votes received; those with equal votes in surname-stroke order';

function listBlock(spec: ListSpec, names: readonly string[], lang: NewsLang): string {
  if (names.length === 0) return '';
  if (lang === 'zh') {
    const heading = spec.headingZh.endsWith('名单') ? spec.headingZh : `${spec.headingZh}名单`;
    return `${heading}\n（${formatCount(names.length, '名')}，${spec.orderZh}）\n${names.map(cleanName).join('　')}`;
  }
  return `${spec.headingEn}\n(${names.length}, ${spec.orderEn})\n${names.map(personNameEn).join(', ')}`;
}

function electedValues(
  org: NewsOrganisation,
  term: number,
  elections: readonly ElectionRecord[],
  lang: NewsLang,
): Values {
  const en = bodyNamesEn(org);
  const committeeZh = committeeFullName(org, term);
  const disciplineZh = disciplineCommissionFullName(org, term);
  const delegatesTitle = fragment(electionTitle(elections, 'delegate') ?? '出席上一级党代表大会代表').replace(
    /名单$/u,
    '',
  );
  // Each list: who, in published order [T7], under its heading.
  const list = (office: Office, headingZh: string, headingEn: string, byVotes = false) => {
    const names = electedNames(elections, office);
    const spec: ListSpec = {
      headingZh,
      headingEn,
      orderZh: byVotes ? VOTES_ZH : STROKES_ZH,
      orderEn: byVotes ? VOTES_EN : STROKES_EN,
    };
    return { names, block: listBlock(spec, names, lang) };
  };
  const committee = list('committee-member', `${committeeZh}委员`, `Members of ${en.committee(term)}`);
  const alternates = list(
    'alternate-member',
    `${committeeZh}候补委员`,
    `Alternate members of ${en.committee(term)}`,
    true,
  );
  const discipline = list('discipline-member', `${disciplineZh}委员`, `Members of ${en.discipline(term)}`);
  const delegates = list('delegate', delegatesTitle, `Delegates to ${higherCongressEn(delegatesTitle)}`);
  const names = {
    committee: committee.names,
    alternates: alternates.names,
    discipline: discipline.names,
    delegates: delegates.names,
  };
  // What the congress elected, for one sentence: 选举产生了……委员、候补委员，……委员，以及出席……代表.
  const groups: string[] = [];
  if (lang === 'zh') {
    const committeeRoles = [
      names.committee.length > 0 ? '委员' : '',
      names.alternates.length > 0 ? '候补委员' : '',
    ].filter(Boolean);
    if (committeeRoles.length > 0) groups.push(`${committeeZh}${committeeRoles.join('、')}`);
    if (names.discipline.length > 0) groups.push(`${disciplineZh}委员`);
    if (names.delegates.length > 0) groups.push(delegatesTitle);
  } else {
    const committeeRoles = [
      names.committee.length > 0 ? 'members' : '',
      names.alternates.length > 0 ? 'alternate members' : '',
    ].filter(Boolean);
    if (committeeRoles.length > 0) groups.push(`${englishList(committeeRoles)} of ${en.committee(term)}`);
    if (names.discipline.length > 0) groups.push(`members of ${en.discipline(term)}`);
    if (names.delegates.length > 0) groups.push(`delegates to ${higherCongressEn(delegatesTitle)}`);
  }
  const summary =
    lang === 'zh'
      ? groups.length <= 1
        ? groups.join('')
        : `${groups.slice(0, -1).join('，')}，以及${groups.at(-1)}`
      : englishList(groups);
  return {
    summary,
    committee: committee.block,
    alternates: alternates.block,
    discipline: discipline.block,
    delegates: delegates.block,
  };
}

// Plenaries -------------------------------------------------------------------------------------

/** 选举孟宪东、郭玉峰为……常务委员会委员，选举孟宪东为书记，郭玉峰、方玉东为副书记 */
function plenaryElectedValues(plenary: PlenaryRecord, lang: NewsLang): Values {
  const org = plenary.organisation;
  const standing = electedNames(plenary.elections, 'standing-committee');
  const secretary = electedNames(plenary.elections, 'secretary');
  const deputies = electedNames(plenary.elections, 'deputy-secretary');
  const names = lang === 'zh' ? zhNames : enNames;
  return {
    standing: names(standing),
    secretary: names(secretary),
    deputies: names(deputies),
    result: officesResult(
      { standing, secretary, deputies },
      lang === 'zh' ? committeeFullName(org, plenary.term) : bodyNamesEn(org).committee(plenary.term),
      lang,
      true,
    ),
  };
}

function officesResult(
  holders: { standing: readonly string[]; secretary: readonly string[]; deputies: readonly string[] },
  body: string,
  lang: NewsLang,
  withVerb: boolean,
): string {
  const clauses: string[] = [];
  if (lang === 'zh') {
    const verb = withVerb ? '选举' : '';
    if (holders.standing.length > 0)
      clauses.push(`${verb}${zhNames(holders.standing)}为${body}常务委员会委员`);
    if (holders.secretary.length > 0) clauses.push(`${verb}${zhNames(holders.secretary)}为书记`);
    if (holders.deputies.length > 0) clauses.push(`${zhNames(holders.deputies)}为副书记`);
    return clauses.join('，');
  }
  if (holders.standing.length > 0) {
    const members = holders.standing.length === 1 ? 'a member' : 'members';
    clauses.push(`${enNames(holders.standing)} ${members} of the Standing Committee of ${body}`);
  }
  if (holders.secretary.length > 0) clauses.push(`${enNames(holders.secretary)} secretary`);
  if (holders.deputies.length > 0) {
    clauses.push(
      `${enNames(holders.deputies)} ${holders.deputies.length === 1 ? 'deputy secretary' : 'deputy secretaries'}`,
    );
  }
  const list = semicolonList(clauses);
  return list === '' ? '' : `${withVerb ? 'elected ' : ''}${list}`;
}

function disciplineValues(plenary: PlenaryRecord, lang: NewsLang): Values {
  const org = plenary.organisation;
  const result = plenary.discipline;
  const standing = result?.standingMembers ?? [];
  const secretary = result?.secretary ? [result.secretary] : [];
  const deputies = result?.deputies ?? [];
  const names = lang === 'zh' ? zhNames : enNames;
  const fullName =
    lang === 'zh'
      ? disciplineCommissionFullName(org, plenary.term)
      : bodyNamesEn(org).discipline(plenary.term);
  return {
    fullName,
    pressName:
      lang === 'zh'
        ? plenaryPressName(org.disciplineShortName, plenary.term, 1)
        : `the 1st plenary session of ${bodyNamesEn(org).discipline(plenary.term)}`,
    standing: names(standing),
    secretary: names(secretary),
    deputies: names(deputies),
    result: officesResult(
      { standing, secretary, deputies },
      lang === 'zh' ? fullName : 'the commission',
      lang,
      false,
    ),
  };
}

function plenaryValues(plenary: PlenaryRecord, lang: NewsLang): Values {
  const org = plenary.organisation;
  const sitting = plenary.sittings.find((s) => s.kind === 'plenary') ?? plenary.sittings[0] ?? null;
  const attendance = sitting?.attendance ?? null;
  const date = plenary.date ?? sitting?.at ?? null;
  const en = bodyNamesEn(org);
  const members = attendance?.present ?? 0;
  const alternates = attendance?.nonVoting.present ?? 0;
  const base = sittingValues(sitting, org, lang, 'member');
  return {
    fullName:
      lang === 'zh'
        ? plenaryFullName(org, plenary.term, plenary.plenaryNumber)
        : en.plenary(plenary.term, plenary.plenaryNumber),
    pressName:
      lang === 'zh'
        ? plenaryPressName(org.committeeShortName, plenary.term, plenary.plenaryNumber)
        : `the ${englishOrdinal(plenary.plenaryNumber)} plenary session of the ${englishOrdinal(plenary.term)} ${en.committeeShort.slice(4)}`,
    meetingName:
      lang === 'zh'
        ? plenaryPressName(org.committeeShortName, plenary.term, plenary.plenaryNumber, 'meeting')
        : en.plenary(plenary.term, plenary.plenaryNumber),
    date: date ? (lang === 'zh' ? pressDate(date) : pressDateEn(date)) : '',
    day: date ? (lang === 'zh' ? pressMonthDay(date) : pressMonthDayEn(date)) : '',
    venue: fragment(plenary.venue ?? sitting?.venue),
    presiding: base.presiding as string,
    attendance: base.attendance as string,
    membersPresent:
      attendance === null || members === 0
        ? ''
        : lang === 'zh'
          ? formatCount(members, '名')
          : `${members} ${members === 1 ? 'member' : 'members'}`,
    alternatesPresent:
      alternates === 0
        ? ''
        : lang === 'zh'
          ? formatCount(alternates, '名')
          : `${alternates} alternate ${alternates === 1 ? 'member' : 'members'}`,
  };
}

/** 高屹作的工作报告和关于……的报告 / the work report and the report “…” delivered by Gao Yi. */
function heardValue(agenda: readonly AgendaRecord[], lang: NewsLang): string {
  return heardReports(
    agenda
      .filter((entry) => entry.kind === 'report')
      .map((item) => {
        const presenter = fragment(item.presenter);
        return {
          presenter: presenter === '' ? '' : lang === 'zh' ? cleanName(presenter) : personNameEn(presenter),
          onBehalfOf: '',
          title: item.title,
          titleEn: item.titleEn,
        };
      }),
    lang,
  );
}

function resolutionsValue(
  sittings: readonly SittingRecord[],
  lang: NewsLang,
  quote: boolean,
  org: NewsOrganisation,
  term: number,
): string {
  const votes = sittings
    .filter((s) => s.kind !== 'preparatory' && s.kind !== 'presidium' && s.kind !== 'delegation-discussion')
    .flatMap((s) => s.agenda.map((item) => item.vote))
    .filter(isReportedResolution);
  const subject = (vote: AdoptionRecord) =>
    quote ? documentTitle(vote.subject) : resolutionSubject(vote.subject);
  if (lang === 'zh') return zhList(votes.map(subject));
  return englishList(votes.map((vote) => fragment(vote.subjectEn) || resolutionEn(subject(vote), org, term)));
}

/** The usual resolutions of a congress in English; anything else keeps its Chinese title in quotes. */
function resolutionEn(subject: string, org: NewsOrganisation, term: number): string {
  const en = bodyNamesEn(org);
  if (/^关于.*(纪律检查委员会|纪委).*报告的决议$/u.test(subject))
    return `the resolution on the work report of ${en.discipline()}`;
  if (/^关于.*委员会.*报告的决议$|^关于.*届.*委报告的决议$/u.test(subject)) {
    return `the resolution on the report of ${en.committee(term - 1)}`;
  }
  return quoteEn(subject.replace(/^《|》$/gu, ''));
}

// Per kind ---------------------------------------------------------------------------------------

function congressValues(record: CongressRecord, lang: NewsLang): Values {
  const org = record.organisation;
  const en = bodyNamesEn(org);
  const n = record.number;
  const dates =
    record.startsOn && record.endsOn
      ? lang === 'zh'
        ? pressDateRange(record.startsOn, record.endsOn)
        : pressDateRangeEn(record.startsOn, record.endsOn)
      : '';
  const spansDays =
    record.startsOn !== null && record.endsOn !== null && compareDates(record.startsOn, record.endsOn) < 0;
  return {
    fullName: lang === 'zh' ? congressFullName(org, n) : en.congress(n),
    shortName:
      lang === 'zh'
        ? `${levelZh(org)}第${toChineseNumeral(n)}次党代会`
        : `the ${englishOrdinal(n)} ${en.committeeShort.slice(4).replace(/committee$/u, 'congress')}`,
    theme: translated(record.theme === null ? null : { zh: record.theme, en: record.themeEn }, lang),
    mainTasks: translated(record.mainTasks, lang),
    dates,
    // 11月4日至6日 (seed 000): the days it sat, when more than one.
    dateRange: spansDays ? dates : '',
  };
}

function termValues(
  org: NewsOrganisation,
  term: number,
  lang: NewsLang,
): { committee: Values; discipline: Values } {
  if (lang === 'zh') {
    return {
      committee: {
        fullName: committeeFullName(org, term),
        previousFullName: term > 1 ? committeeFullName(org, term - 1) : `中国共产党${org.locality}委员会`,
      },
      discipline: {
        fullName: disciplineCommissionFullName(org, term),
        name: `中国共产党${org.locality}纪律检查委员会`,
      },
    };
  }
  const en = bodyNamesEn(org);
  return {
    committee: { fullName: en.committee(term), previousFullName: en.committee(term - 1) },
    discipline: { fullName: en.discipline(term), name: en.discipline() },
  };
}

// Who else was at the congress, and who spoke at its close ----------------------------------------

/**
 * 大会邀请了……，以及其他需要列席的同志 (seed 002): the categories attending without a vote, and
 * the guests of the opening sitting (部分党外人士作为来宾).
 */
function congressAttendees(groups: readonly AttendeeGroupRecord[], lang: NewsLang): Values {
  const nonVoting = attendeeCategories(groups, 'non-voting', lang);
  const invited = attendeeCategories(groups, 'invited', lang);
  if (lang === 'en') return { nonVoting: enEnumeration(nonVoting), invited: enEnumeration(invited) };
  const list = (items: string[]) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('，')}，以及${items.at(-1)}`;
  return { nonVoting: list(nonVoting), invited: zhList(invited) };
}

/** ……张秦同志，指导督导组成员尹存良同志、铁木尔同志到会指导 (seed 002): whole sentences. */
function guidanceValue(record: CongressRecord, lang: NewsLang): string {
  return (record.guidanceGroups ?? [])
    .map((group) => {
      const members = translated(group.members, lang);
      const action = translated(group.action, lang);
      if (lang === 'zh') return `${members}${action || '到会指导'}。`;
      return `${members} ${action || 'attended the congress to give guidance'}.`;
    })
    .join(lang === 'zh' ? '' : ' ');
}

/**
 * 新当选的大连市委书记胡玉亭发表讲话，…… (seed 000): the closing speeches. A speaker the first
 * plenary elected secretary, with no capacity in the record, is the newly elected secretary.
 */
function closingSpeechesValue(record: CongressRecord, lang: NewsLang): string {
  const org = record.organisation;
  const secretary = record.firstPlenary ? electedNames(record.firstPlenary.elections, 'secretary') : [];
  return (record.closingSpeeches ?? [])
    .map((speech) => {
      const newlyElected =
        !fragment(speech.speaker.capacity?.zh) &&
        secretary.some((name) => cleanName(name) === cleanName(speech.speaker.name));
      const capacity = newlyElected
        ? lang === 'zh'
          ? `新当选的${placeZh(org.locality)}${org.committeeShortName}书记`
          : `newly elected secretary of ${bodyNamesEn(org).committee()}`
        : undefined;
      return speechSentence(speech, lang, { withCapacity: true, capacity });
    })
    .join(lang === 'zh' ? '。' : '. ');
}

function requireCongress(record: NewsRecord, kind: NewsKind): CongressRecord {
  if (record.kind !== 'congress') {
    throw new NewsError(
      'not-a-congress',
      `a ${kind} report is written for a congress, not a plenary session`,
      `${kind === 'opening' ? '开幕' : '闭幕'}报道只适用于代表大会，不适用于全会`,
    );
  }
  return record;
}

function requireMeeting(record: NewsRecord, kind: NewsKind): MeetingRecord {
  const committee = kind === 'plenary-session' ? 'plenary' : 'standing-committee';
  if (record.kind !== 'meeting' || record.committee !== committee) {
    throw new NewsError(
      `not-a-${committee}-meeting`,
      committee === 'plenary'
        ? 'this report is written for a plenary session of the committee between congresses'
        : 'this report is written for a meeting of the standing committee',
      committee === 'plenary' ? '该稿件只适用于委员会全体会议' : '该稿件只适用于常委会会议',
    );
  }
  return record;
}

function requirePlenary(record: NewsRecord, kind: NewsKind): PlenaryRecord {
  if (record.kind !== 'plenary') {
    throw new NewsError(
      'not-a-plenary',
      `a ${kind} text is written for a plenary session`,
      '该稿件只适用于委员会全体会议',
    );
  }
  if (kind === 'first-plenary' && record.plenaryNumber !== 1) {
    throw new NewsError(
      'not-first-plenary',
      'the communiqué of the first plenary needs plenary session 1',
      '一次全会公报只适用于第一次全体会议',
    );
  }
  return record;
}

function sittingOfKind(record: CongressRecord, kind: 'opening' | 'closing'): SittingRecord {
  const sittings = record.sittings.filter((s) => s.kind === kind);
  const sitting = kind === 'opening' ? sittings[0] : sittings.at(-1);
  if (!sitting) {
    throw new NewsError(
      `no-${kind}-sitting`,
      `the congress has no ${kind} sitting`,
      kind === 'opening' ? '大会尚未安排开幕大会' : '大会尚未安排闭幕大会',
    );
  }
  return sitting;
}

/** The values of one kind of announcement in one language, from the record. */
export function newsValues(kind: NewsKind, record: NewsRecord, lang: NewsLang): TemplateValues {
  const organisation = organisationValues(record.organisation, lang);
  switch (kind) {
    case 'opening': {
      const congress = requireCongress(record, kind);
      const opening = sittingOfKind(congress, 'opening');
      const reports = classifyReports(opening.agenda);
      return {
        organisation,
        congress: congressValues(congress, lang),
        ...termValues(congress.organisation, congress.number, lang),
        opening: sittingValues(opening, congress.organisation, lang, 'delegate'),
        guidance: guidanceValue(congress, lang),
        attendees: congressAttendees(congress.attendeeGroups ?? [], lang),
        reports: {
          work: reportValues(reports.work, lang, true),
          discipline: reportValues(reports.discipline, lang, false),
          others: otherReportsValue(reports.others, lang),
          written: writtenValue(reports.written, lang),
        },
      };
    }
    case 'closing': {
      const congress = requireCongress(record, kind);
      const closing = sittingOfKind(congress, 'closing');
      const plenary = congress.firstPlenary;
      const plenaryElected = plenary ? plenaryElectedValues(plenary, lang) : null;
      const plenaryDiscipline = plenary ? disciplineValues(plenary, lang) : null;
      return {
        organisation,
        congress: congressValues(congress, lang),
        ...termValues(congress.organisation, congress.number, lang),
        closing: {
          ...sittingValues(closing, congress.organisation, lang, 'delegate'),
          speeches: closingSpeechesValue(congress, lang),
        },
        adopted: resolutionsValue(congress.sittings, lang, false, congress.organisation, congress.number),
        elected: electedValues(congress.organisation, congress.number, congress.elections, lang),
        firstPlenary: {
          summary: plenary ? firstPlenarySummary(plenary, lang, plenaryDiscipline!.result !== '') : '',
          results: plenary ? firstPlenaryResults(plenary, lang) : '',
          committee: plenaryElected?.result ?? '',
          discipline: plenaryDiscipline?.result ?? '',
        },
      };
    }
    case 'first-plenary': {
      const plenary = requirePlenary(record, kind);
      const terms = termValues(plenary.organisation, plenary.term, lang);
      return {
        organisation,
        plenary: plenaryValues(plenary, lang),
        committee: { fullName: terms.committee.fullName as string },
        elected: plenaryElectedValues(plenary, lang),
        discipline: disciplineValues(plenary, lang),
      };
    }
    case 'plenary-decision': {
      const plenary = requirePlenary(record, kind);
      const terms = termValues(plenary.organisation, plenary.term, lang);
      const agenda = plenary.sittings.flatMap((s) => s.agenda);
      return {
        organisation,
        plenary: plenaryValues(plenary, lang),
        committee: { fullName: terms.committee.fullName as string },
        reports: { heard: heardValue(agenda, lang) },
        decisions: resolutionsValue(plenary.sittings, lang, true, plenary.organisation, plenary.term),
      };
    }
    case 'standing-committee-meeting':
    case 'plenary-session':
      return { organisation, ...meetingValues(requireMeeting(record, kind), lang) };
  }
}

/** 市委六届一次全会选举产生了市委常委、书记、副书记，通过了市纪委六届一次全会选举结果 */
function firstPlenarySummary(plenary: PlenaryRecord, lang: NewsLang, withDiscipline: boolean): string {
  const org = plenary.organisation;
  const elected = ['standing-committee', 'secretary', 'deputy-secretary'].filter(
    (office) => electedNames(plenary.elections, office as Office).length > 0,
  );
  if (elected.length === 0 && !withDiscipline) return '';
  if (lang === 'zh') {
    const roles = zhList(
      elected.map(
        (office) =>
          ({
            'standing-committee': `${org.committeeShortName}常委`,
            secretary: '书记',
            'deputy-secretary': '副书记',
          })[office]!,
      ),
    );
    const clauses = [
      ...(elected.length > 0 ? [`选举产生了新一届${roles}`] : []),
      ...(withDiscipline
        ? [`通过了${plenaryPressName(org.disciplineShortName, plenary.term, 1)}选举结果`]
        : []),
    ];
    return `${plenaryPressName(org.committeeShortName, plenary.term, 1)}${clauses.join('，')}`;
  }
  const en = bodyNamesEn(org);
  const roles = englishList(
    elected.map(
      (office) =>
        ({
          'standing-committee': 'the members of its standing committee',
          secretary: 'its secretary',
          'deputy-secretary': 'its deputy secretaries',
        })[office]!,
    ),
  );
  const clauses = [
    ...(elected.length > 0 ? [`elected ${roles}`] : []),
    ...(withDiscipline
      ? [`approved the results of the 1st plenary session of ${en.discipline(plenary.term)}`]
      : []),
  ];
  return `${en.plenary(plenary.term, 1)} ${clauses.join(', and ')}`;
}

/** 孟宪东当选为市委书记，郭玉峰、方玉东当选为市委副书记，亢永强当选为市纪委书记 */
function firstPlenaryResults(plenary: PlenaryRecord, lang: NewsLang): string {
  const org = plenary.organisation;
  const secretary = electedNames(plenary.elections, 'secretary');
  const deputies = electedNames(plenary.elections, 'deputy-secretary');
  const disciplineSecretary = plenary.discipline?.secretary ? [plenary.discipline.secretary] : [];
  if (lang === 'zh') {
    return [
      ...(secretary.length > 0 ? [`${zhNames(secretary)}当选为${org.committeeShortName}书记`] : []),
      ...(deputies.length > 0 ? [`${zhNames(deputies)}当选为${org.committeeShortName}副书记`] : []),
      ...(disciplineSecretary.length > 0
        ? [`${zhNames(disciplineSecretary)}当选为${org.disciplineShortName}书记`]
        : []),
    ].join('，');
  }
  const en = bodyNamesEn(org);
  return semicolonList([
    ...(secretary.length > 0 ? [`${enNames(secretary)} was elected secretary of ${en.committeeShort}`] : []),
    ...(deputies.length > 0
      ? [
          `${enNames(deputies)} ${deputies.length === 1 ? 'was elected deputy secretary' : 'were elected deputy secretaries'}`,
        ]
      : []),
    ...(disciplineSecretary.length > 0
      ? [`${enNames(disciplineSecretary)} was elected secretary of ${en.disciplineShort}`]
      : []),
  ]);
}
