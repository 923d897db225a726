// The values of the reports of the committee's meetings between congresses [M1]–[M6]: a standing
// committee meeting (seed 003: 市委常委会召开会议，传达学习……，研究部署……) and a plenary session
// (seed 004: 市委八届二次全体（扩大）会议举行). Both kinds have the same placeholders; a template
// takes what its kind's report needs. Cadre topics and decisions (干部任免, [M3]) never appear.
// Free text the English needs comes from the record's English fields; where one is missing, the
// English value keeps the Chinese, and the editor flags the draft (untranslatedSpans).

import { toChineseNumeral } from '../../text/chinese-numerals.ts';
import { plenaryFullName, plenaryPressName } from '../../text/ordinals.ts';
import { pressDate, pressDateEn } from '../../text/press-dates.ts';
import { formatCount } from '../../text/press-numbers.ts';
import { bodyNamesEn, englishList, englishOrdinal } from './english.ts';
import {
  attendeeCategories,
  bodyEn,
  clauseList,
  cleanName,
  dateOf,
  documentTitle,
  enEnumeration,
  fragment,
  heardReports,
  peopleList,
  personCapacity,
  personName,
  personWithCapacity,
  quoteEn,
  speechSentence,
  standingCommitteeName,
  timeOf,
  translated,
  zhEnumeration,
  zhList,
} from './phrases.ts';
import type {
  AttendeeGroupRecord,
  ConclusionRecord,
  ConclusionVerb,
  MeetingRecord,
  NewsLang,
  NewsOrganisation,
  TopicRecord,
  TranslatedText,
} from './record.ts';
import type { TemplateValues } from './template.ts';

type Values = { [name: string]: string | Values };

/** The topics and decisions the news may report: never cadre appointments ([M3]). */
function reportedTopics(record: MeetingRecord): readonly TopicRecord[] {
  return record.topics.filter((topic) => topic.kind !== 'cadre');
}

/**
 * A body named in free text (市委常委会主持会议, 受市委常委会委托): its English from the record, or,
 * for the standing committee and the presidium, the usual English; else the Chinese.
 */
function bodyName(body: TranslatedText, org: NewsOrganisation, lang: NewsLang): string {
  const text = translated(body, lang);
  if (lang === 'zh' || fragment(body.en) !== '') return text;
  return bodyEn(text, org) ?? text;
}

// Names and dates --------------------------------------------------------------------------------

const ENLARGED_ZH = '（扩大）';

/** 全体会议 → 全体（扩大）会议: the press writes 扩大 inside the name of an enlarged session. */
function enlargedZh(name: string, enlarged: boolean): string {
  return enlarged ? name.replace(/全体会议$/u, `全体${ENLARGED_ZH}会议`) : name;
}

function namesOf(record: MeetingRecord, lang: NewsLang): Values {
  const org = record.organisation;
  const en = bodyNamesEn(org);
  const { term, number, enlarged } = record;
  if (record.committee === 'plenary') {
    const plenaryEn = `the ${englishOrdinal(number)} ${enlarged ? 'Enlarged ' : ''}Plenary Session of ${en.committee(term)}`;
    return lang === 'zh'
      ? {
          name: enlargedZh(plenaryPressName(org.committeeShortName, term, number, 'meeting'), enlarged),
          fullName: enlargedZh(plenaryFullName(org, term, number), enlarged),
          pressName: enlarged
            ? enlargedZh(plenaryPressName(org.committeeShortName, term, number, 'meeting'), true)
            : plenaryPressName(org.committeeShortName, term, number),
        }
      : {
          name: plenaryEn,
          fullName: plenaryEn,
          pressName: `the ${englishOrdinal(number)} ${enlarged ? 'enlarged ' : ''}plenary session of the ${englishOrdinal(term)} ${en.committeeShort.slice(4)}`,
        };
  }
  // A standing committee meeting: numbered within the year where the record has it, else the term.
  const year = record.heldAt?.year;
  const standing = standingCommitteeName(org, lang);
  if (lang === 'zh') {
    const name = `${standing}${enlarged ? '扩大' : ''}会议`;
    return {
      name,
      fullName:
        record.yearNumber !== null && year !== undefined
          ? `${standing}${year}年第${record.yearNumber}次${enlarged ? '扩大' : ''}会议`
          : `${toChineseNumeral(term)}届${standing}第${number}次${enlarged ? '扩大' : ''}会议`,
      pressName: name,
    };
  }
  const meeting = `${enlarged ? 'an enlarged meeting' : 'a meeting'} of ${standing}`;
  return {
    name: meeting,
    fullName:
      record.yearNumber !== null && year !== undefined
        ? `the ${englishOrdinal(record.yearNumber)} ${enlarged ? 'enlarged ' : ''}meeting in ${year} of ${standing}`
        : `the ${englishOrdinal(number)} ${enlarged ? 'enlarged ' : ''}meeting of the Standing Committee of ${en.committee(term)}`,
    pressName: meeting,
  };
}

// Business ---------------------------------------------------------------------------------------

/** A topic's title without the verb of its kind, if the secretariat wrote it in. */
function titleWithout(title: string, verbs: readonly string[]): string {
  const verb = verbs.find((v) => title.startsWith(v));
  return verb ? title.slice(verb.length) : title;
}

const AGENDA_VERBS_ZH: Readonly<Record<TopicRecord['kind'], readonly string[]>> = {
  study: ['传达学习', '学习'],
  report: ['听取'],
  decision: ['审议'],
  cadre: [],
  other: [],
};

/** 传达学习……，研究部署…… / to convey and study …, and to study and deploy …: one clause a topic. */
function agendaClauses(topics: readonly TopicRecord[], lang: NewsLang): string[] {
  return topics.map((topic) => {
    const zh = fragment(topic.title.zh);
    const en = fragment(topic.title.en);
    const verbs = AGENDA_VERBS_ZH[topic.kind];
    const object = titleWithout(zh, verbs);
    if (lang === 'zh') {
      if (topic.kind === 'decision') return `审议${documentTitle(object)}`;
      return `${verbs[0] ?? ''}${object}`;
    }
    const prefix = { study: 'convey and study', report: 'hear', decision: 'review', cadre: '', other: '' }[
      topic.kind
    ];
    const text = en !== '' ? en : topic.kind === 'other' ? zh : object;
    return prefix ? `${prefix} ${text}` : text;
  });
}

/** The reports heard: 高屹受市委常委会委托作的工作报告和…… / … delivered by Gao Yi on behalf of …. */
function heardValue(topics: readonly TopicRecord[], org: NewsOrganisation, lang: NewsLang): string {
  return heardReports(
    topics
      .filter((topic) => topic.kind === 'report')
      .map((topic) => ({
        presenter: topic.presenter ? personName(topic.presenter, lang) : '',
        onBehalfOf: topic.onBehalfOf ? bodyName(topic.onBehalfOf, org, lang) : '',
        title: fragment(topic.title.zh),
        titleEn: topic.title.en,
      })),
    lang,
  );
}

/** 《中共衢州市委关于……的决定》 / the Decision of …: the decisions adopted, cadre ones left out. */
function decisionsValue(record: MeetingRecord, lang: NewsLang): string {
  const adopted = record.decisions.filter((d) => d.kind !== 'cadre' && d.adopted);
  if (lang === 'zh') return zhList(adopted.map((d) => documentTitle(fragment(d.title.zh))));
  return englishList(
    adopted.map((d) => fragment(d.title.en) || quoteEn(fragment(d.title.zh).replace(/^《|》$/gu, ''))),
  );
}

/**
 * What the meeting did, as the plenary's report lists it: 传达学习……，听取和讨论高屹受市委常委会委托
 * 作的工作报告和……的报告，审议通过《……》 / conveyed and studied …, heard and discussed …, and
 * adopted …. Topics of kind 'other' carry their own verb and are only in the agenda.
 */
function businessValue(record: MeetingRecord, lang: NewsLang): string {
  const topics = reportedTopics(record);
  const plenary = record.committee === 'plenary';
  const clauses: string[] = [];
  for (const topic of topics.filter((t) => t.kind === 'study')) {
    const object = titleWithout(fragment(topic.title.zh), AGENDA_VERBS_ZH.study);
    clauses.push(
      lang === 'zh' ? `传达学习${object}` : `conveyed and studied ${fragment(topic.title.en) || object}`,
    );
  }
  const heard = heardValue(topics, record.organisation, lang);
  if (heard !== '') {
    clauses.push(
      lang === 'zh'
        ? `${plenary ? '听取和讨论' : '听取'}${heard}`
        : `${plenary ? 'heard and discussed' : 'heard'} ${heard}`,
    );
  }
  const decisions = decisionsValue(record, lang);
  if (decisions !== '') clauses.push(lang === 'zh' ? `审议通过${decisions}` : `adopted ${decisions}`);
  return lang === 'zh' ? clauses.join('，') : clauseList(clauses);
}

// Conclusions ------------------------------------------------------------------------------------

const VERBS_ZH: Readonly<Record<ConclusionVerb, string>> = {
  noted: '指出',
  held: '认为',
  stressed: '强调',
  required: '要求',
  called: '号召',
  affirmed: '充分肯定了',
};

/** 会议指出，…… / 全会充分肯定了……: one conclusion as a Chinese sentence (the minutes use it too). */
export function conclusionZh(subject: string, verb: ConclusionVerb, text: string): string {
  const body = text.replace(/[。；;.\s]+$/u, '');
  return `${subject}${VERBS_ZH[verb]}${verb === 'affirmed' ? '' : '，'}${body}。`;
}

function conclusionEn(verb: ConclusionVerb, text: string, plenary: boolean): string {
  const subject = plenary ? 'The session' : 'The meeting';
  switch (verb) {
    case 'noted':
      return plenary ? `${subject} noted that ${text}.` : `It was noted that ${text}.`;
    case 'held':
      return `${subject} held that ${text}.`;
    case 'stressed':
      return `${subject} stressed that ${text}.`;
    case 'required':
      return `${subject} required that ${text}.`;
    case 'called':
      return `${subject} called on ${text}.`;
    case 'affirmed':
      return `${subject} fully affirmed ${text}.`;
  }
}

/**
 * One paragraph a conclusion, in order: 全会指出，……。 / 会议强调，……。 / It was noted that ….
 * An 'affirmed' sentence opens the paragraph of the conclusion after it.
 */
function conclusionParagraphs(
  conclusions: readonly ConclusionRecord[],
  plenary: boolean,
  lang: NewsLang,
): string {
  const subjectZh = plenary ? '全会' : '会议';
  const paragraphs: string[] = [];
  let opening = '';
  for (const conclusion of conclusions) {
    const text = translated(conclusion.text, lang);
    if (text === '') continue;
    const sentence =
      lang === 'zh'
        ? conclusionZh(subjectZh, conclusion.verb, text)
        : conclusionEn(conclusion.verb, text, plenary);
    const joined = opening === '' ? sentence : `${opening}${lang === 'zh' ? '' : ' '}${sentence}`;
    if (conclusion.verb === 'affirmed') opening = joined;
    else {
      paragraphs.push(joined);
      opening = '';
    }
  }
  if (opening !== '') paragraphs.push(opening);
  return paragraphs.join('\n\n');
}

// Attendance and attendees ---------------------------------------------------------------------

function count(n: number, zhWord: string, one: string, many: string, lang: NewsLang): string {
  if (n === 0) return '';
  return lang === 'zh' ? formatCount(n, zhWord) : `${n} ${n === 1 ? one : many}`;
}

function attendanceValues(record: MeetingRecord, lang: NewsLang): Values {
  const a = record.attendance;
  return {
    membersDue: a ? count(a.membersDue, '名', 'member', 'members', lang) : '',
    membersPresent: a ? count(a.membersPresent, '名', 'member', 'members', lang) : '',
    onLeave: a ? count(a.onLeave, '名', 'member', 'members', lang) : '',
    // [Q4][M1] the alternates, and only they: non-member attendees are categories, never counted here.
    alternatesPresent: a
      ? count(a.alternatesPresent, '名', 'alternate member', 'alternate members', lang)
      : '',
  };
}

function attendeesOf(
  groups: readonly AttendeeGroupRecord[],
  kind: AttendeeGroupRecord['kind'],
  lang: NewsLang,
) {
  const items = attendeeCategories(groups, kind, lang);
  return lang === 'zh' ? zhEnumeration(items) : enEnumeration(items);
}

// Presider and speeches ------------------------------------------------------------------------

function presiderValues(record: MeetingRecord, lang: NewsLang): Values {
  const presider = record.presidedBy;
  if (!presider) return { name: '', capacity: '', text: '' };
  if (presider.kind === 'body') {
    const name = bodyName(presider.body, record.organisation, lang);
    return { name, capacity: '', text: name };
  }
  return {
    name: personName(presider.person, lang),
    capacity: personCapacity(presider.person, lang).one,
    text: personWithCapacity(presider.person, lang),
  };
}

function speechValues(record: MeetingRecord, lang: NewsLang): Values {
  const speakers: MeetingRecord['speeches'][number]['speaker'][] = [];
  for (const speech of record.speeches) {
    if (!speakers.some((s) => cleanName(s.name) === cleanName(speech.speaker.name)))
      speakers.push(speech.speaker);
  }
  const sentences = (closing: boolean) =>
    record.speeches
      .filter((s) => s.closing === closing && (closing || s.subject || s.summary))
      .map((s) => speechSentence(s, lang, { withCapacity: false }))
      .join(lang === 'zh' ? '。' : '. ');
  return { speakers: peopleList(speakers, lang), closing: sentences(true), other: sentences(false) };
}

// The values ------------------------------------------------------------------------------------

/** Every placeholder of a meeting's report but `organisation`, which values.ts adds. */
export function meetingValues(record: MeetingRecord, lang: NewsLang): TemplateValues {
  const topics = reportedTopics(record);
  const agenda = agendaClauses(topics, lang);
  const plenary = record.committee === 'plenary';
  const business = businessValue(record, lang);
  const heldAt = record.heldAt;
  return {
    meeting: {
      ...namesOf(record, lang),
      standingCommittee: standingCommitteeName(record.organisation, lang),
      enlarged: record.enlarged ? (lang === 'zh' ? '扩大' : 'enlarged') : '',
      date: dateOf(heldAt, lang),
      fullDate: heldAt ? (lang === 'zh' ? pressDate(heldAt) : pressDateEn(heldAt)) : '',
      time: timeOf(heldAt, lang),
      venue: translated(record.venue, lang),
      preamble: translated(record.preamble, lang),
      business,
      purpose: translated(record.purpose, lang),
    },
    attendance: attendanceValues(record, lang),
    presider: presiderValues(record, lang),
    topics: {
      agenda: lang === 'zh' ? agenda.join('，') : clauseList(agenda.map((clause) => `to ${clause}`)),
      headline: lang === 'zh' ? agenda.join(' ') : agenda.join(', '),
      heard: heardValue(topics, record.organisation, lang),
    },
    conclusions: conclusionParagraphs(
      [...topics.flatMap((topic) => topic.conclusions), ...record.conclusions],
      plenary,
      lang,
    ),
    decisions: decisionsValue(record, lang),
    speeches: speechValues(record, lang),
    leaders: peopleList(record.attendingLeaders, lang),
    attendees: {
      nonVoting: attendeesOf(record.attendeeGroups, 'non-voting', lang),
      invited: attendeesOf(record.attendeeGroups, 'invited', lang),
    },
  };
}
