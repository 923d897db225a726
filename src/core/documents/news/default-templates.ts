// The templates a new installation starts with, written after the municipal reports in the seeds
// (the Tongliao opening, the Dalian closing, the Quzhou plenary, the Dalian standing committee
// meeting). The secretariat may replace any
// of them (news_templates holds the replacements); deleting a replacement brings the default back.
// Paragraphs are separated by a blank line; a paragraph left empty by {{#if}} disappears.

import type { NewsKind, NewsLang } from './record.ts';

export interface NewsTemplate {
  readonly title: string;
  readonly body: string;
}

const paragraphs = (...lines: string[]): string => lines.join('\n\n');

const OPENING_ZH: NewsTemplate = {
  title: '{{congress.fullName}}隆重开幕',
  body: paragraphs(
    '{{opening.date}}，{{congress.fullName}}{{#if opening.venue}}在{{opening.venue}}{{/if}}隆重开幕。',
    '{{#if congress.theme}}大会的主题是，{{congress.theme}}。{{/if}}{{#if congress.mainTasks}}大会的主要任务是，{{congress.mainTasks}}。{{/if}}',
    '{{#if opening.chairs}}大会执行主席{{opening.chairs}}在主席台前排就座。{{/if}}',
    '{{guidance}}',
    '{{#if opening.presiding}}大会由{{opening.presiding}}同志主持。{{#if opening.time}}{{opening.time}}，{{/if}}{{opening.presiding}}宣布{{congress.fullName}}开幕，全体起立，奏唱国歌。{{/if}}{{#if opening.attendance}}本次大会{{opening.attendance}}。{{/if}}',
    '{{#if reports.work}}{{#if reports.work.presenter}}{{reports.work.presenter}}同志代表{{/if}}{{committee.previousFullName}}向大会作了{{reports.work.titled}}。{{#if reports.work.parts}}报告共分{{reports.work.partCount}}个部分：{{reports.work.parts}}。{{/if}}{{/if}}',
    '{{#if reports.discipline}}会上，{{#if reports.discipline.presenter}}{{reports.discipline.presenter}}同志代表{{/if}}{{discipline.name}}向{{congress.fullName}}作了{{reports.discipline.titled}}。{{/if}}',
    '{{reports.others}}',
    '{{#if reports.written}}大会还以书面形式作了{{reports.written}}。{{/if}}',
    '{{#if attendees.nonVoting}}大会邀请了{{attendees.nonVoting}}。{{/if}}{{#if attendees.invited}}{{#if attendees.nonVoting}}同时，会议还邀请{{else}}大会邀请{{/if}}{{attendees.invited}}作为来宾参加大会开幕会。{{/if}}',
  ),
};

const OPENING_EN: NewsTemplate = {
  title: '{{congress.fullName}} opens',
  body: paragraphs(
    'On {{opening.date}}, {{congress.fullName}} opened in {{organisation.place}}.',
    '{{#if congress.theme}}The theme of the congress is: {{congress.theme}}.{{/if}}{{#if congress.mainTasks}} The main tasks of the congress are {{congress.mainTasks}}.{{/if}}',
    '{{#if opening.chairs}}The executive chairs of the congress, {{opening.chairs}}, took their seats in the front row of the rostrum.{{/if}}',
    '{{guidance}}',
    '{{#if opening.presiding}}{{opening.presiding}} presided over the sitting. {{#if opening.time}}At {{opening.time}}, {{/if}}{{opening.presiding}} declared the congress open, and all present rose to sing the national anthem.{{/if}}{{#if opening.attendance}} {{opening.attendance}}.{{/if}}',
    '{{#if reports.work}}{{#if reports.work.presenter}}{{reports.work.presenter}} delivered {{reports.work.titled}} on behalf of {{committee.previousFullName}}.{{else}}The congress heard {{reports.work.titled}} of {{committee.previousFullName}}.{{/if}}{{#if reports.work.parts}} The report is in {{reports.work.partCount}} parts.{{/if}}{{/if}}',
    '{{#if reports.discipline}}{{#if reports.discipline.presenter}}{{reports.discipline.presenter}} delivered {{reports.discipline.titled}} on behalf of {{discipline.name}}.{{else}}The congress heard {{reports.discipline.titled}} of {{discipline.name}}.{{/if}}{{/if}}',
    '{{reports.others}}',
    '{{#if reports.written}}The congress also received {{reports.written}}.{{/if}}',
    '{{#if attendees.nonVoting}}The congress invited {{attendees.nonVoting}} to attend without a vote.{{/if}}{{#if attendees.invited}} {{#if attendees.nonVoting}}It also invited{{else}}The congress invited{{/if}} {{attendees.invited}} to attend the opening sitting as guests.{{/if}}',
  ),
};

const CLOSING_ZH: NewsTemplate = {
  title: '{{congress.fullName}}胜利闭幕',
  body: paragraphs(
    '{{#if congress.dateRange}}{{congress.dateRange}}，{{congress.fullName}}{{#if closing.venue}}在{{closing.venue}}{{/if}}召开。{{#if closing.date}}{{closing.date}}，{{/if}}大会胜利闭幕。{{else}}{{closing.date}}，{{congress.fullName}}{{#if closing.venue}}在{{closing.venue}}{{/if}}胜利闭幕。{{/if}}',
    '{{#if closing.chairs}}大会执行主席{{closing.chairs}}在主席台前排就座。{{/if}}{{#if closing.presiding}}大会由{{closing.presiding}}同志主持。{{/if}}{{#if closing.attendance}}大会{{closing.attendance}}。{{/if}}',
    '{{#if adopted}}大会审议通过了{{adopted}}。{{/if}}',
    '{{#if elected.summary}}大会以无记名投票方式，选举产生了{{elected.summary}}。{{/if}}',
    '{{#if firstPlenary.summary}}{{firstPlenary.summary}}。{{#if firstPlenary.results}}{{firstPlenary.results}}。{{/if}}{{/if}}',
    '{{#if closing.speeches}}{{closing.speeches}}。{{/if}}',
    '{{elected.committee}}',
    '{{elected.alternates}}',
    '{{elected.discipline}}',
    '{{elected.delegates}}',
  ),
};

const CLOSING_EN: NewsTemplate = {
  title: '{{congress.fullName}} closes',
  body: paragraphs(
    '{{#if congress.dateRange}}{{congress.fullName}} was held in {{organisation.place}} on {{congress.dateRange}}.{{#if closing.date}} It closed on {{closing.date}}.{{/if}}{{else}}On {{closing.date}}, {{congress.fullName}} closed in {{organisation.place}}.{{/if}}',
    '{{#if closing.chairs}}The executive chairs of the congress, {{closing.chairs}}, took their seats in the front row of the rostrum.{{/if}}{{#if closing.presiding}} {{closing.presiding}} presided over the closing sitting.{{/if}}{{#if closing.attendance}} {{closing.attendance}}.{{/if}}',
    '{{#if adopted}}The congress adopted {{adopted}}.{{/if}}',
    '{{#if elected.summary}}By secret ballot, the congress elected {{elected.summary}}.{{/if}}',
    '{{#if firstPlenary.summary}}{{firstPlenary.summary}}.{{#if firstPlenary.results}} {{firstPlenary.results}}.{{/if}}{{/if}}',
    '{{#if closing.speeches}}{{closing.speeches}}.{{/if}}',
    '{{elected.committee}}',
    '{{elected.alternates}}',
    '{{elected.discipline}}',
    '{{elected.delegates}}',
  ),
};

const FIRST_PLENARY_ZH: NewsTemplate = {
  title: '{{plenary.fullName}}公报',
  body: paragraphs(
    '{{plenary.fullName}}{{#if plenary.date}}于{{plenary.date}}{{/if}}在{{organisation.locality}}举行。',
    '{{#if plenary.attendance}}全会{{plenary.attendance}}。{{/if}}{{#if plenary.alternatesPresent}}候补委员{{plenary.alternatesPresent}}列席会议。{{/if}}{{#if plenary.presiding}}全会由大会主席团委托{{plenary.presiding}}同志主持。{{/if}}',
    '{{#if elected.result}}全会以无记名投票方式，{{elected.result}}。{{/if}}',
    '{{#if discipline.result}}全会审议通过了{{discipline.pressName}}选举结果：{{discipline.result}}。{{/if}}',
  ),
};

const FIRST_PLENARY_EN: NewsTemplate = {
  title: 'Communiqué of {{plenary.fullName}}',
  body: paragraphs(
    '{{plenary.fullName}} was held in {{organisation.place}}{{#if plenary.date}} on {{plenary.date}}{{/if}}.',
    '{{#if plenary.attendance}}{{plenary.attendance}}.{{/if}}{{#if plenary.alternatesPresent}} {{plenary.alternatesPresent}} attended without a vote.{{/if}}{{#if plenary.presiding}} Entrusted by the presidium of the congress, {{plenary.presiding}} presided over the session.{{/if}}',
    '{{#if elected.result}}By secret ballot, the session {{elected.result}}.{{/if}}',
    '{{#if discipline.result}}The session approved the results of {{discipline.pressName}}, which elected {{discipline.result}}.{{/if}}',
  ),
};

const PLENARY_DECISION_ZH: NewsTemplate = {
  title: '{{plenary.meetingName}}举行',
  body: paragraphs(
    '{{#if plenary.day}}{{plenary.day}}，{{/if}}{{plenary.fullName}}在{{#if plenary.venue}}{{plenary.venue}}{{else}}{{organisation.locality}}{{/if}}举行。',
    '{{#if plenary.membersPresent}}出席这次全会的{{organisation.committee}}委员{{plenary.membersPresent}}{{#if plenary.alternatesPresent}}，候补委员{{plenary.alternatesPresent}}{{/if}}。{{/if}}{{#if plenary.presiding}}{{plenary.presiding}}主持会议。{{/if}}',
    '{{#if reports.heard}}全会听取和讨论了{{reports.heard}}。{{/if}}{{#if decisions}}全会审议通过了{{decisions}}。{{/if}}',
  ),
};

const PLENARY_DECISION_EN: NewsTemplate = {
  title: '{{plenary.fullName}} held',
  body: paragraphs(
    '{{plenary.fullName}} was held in {{organisation.place}}{{#if plenary.day}} on {{plenary.day}}{{/if}}.',
    '{{#if plenary.membersPresent}}{{plenary.membersPresent}} of {{organisation.committee}}{{#if plenary.alternatesPresent}} and {{plenary.alternatesPresent}}{{/if}} attended the session.{{/if}}{{#if plenary.presiding}} {{plenary.presiding}} presided.{{/if}}',
    '{{#if reports.heard}}The session heard and discussed {{reports.heard}}.{{/if}}{{#if decisions}} It adopted {{decisions}}.{{/if}}',
  ),
};

// The committee between congresses ------------------------------------------------------------

/** Seed 003: 2月2日，市委常委会召开会议，传达学习……，研究部署……。……主持会议。 then 会议指出 / 强调. */
const STANDING_COMMITTEE_MEETING_ZH: NewsTemplate = {
  title:
    '{{#if presider.name}}{{presider.name}}主持召开{{meeting.name}}{{else}}{{meeting.standingCommittee}}召开{{meeting.enlarged}}会议{{/if}}{{#if topics.headline}} {{topics.headline}}{{/if}}',
  body: paragraphs(
    '{{#if meeting.date}}{{meeting.date}}，{{/if}}{{meeting.standingCommittee}}召开{{meeting.enlarged}}会议{{#if topics.agenda}}，{{topics.agenda}}{{/if}}。{{#if presider.text}}{{presider.text}}主持会议。{{/if}}',
    '{{conclusions}}',
    '{{#if speeches.other}}会上，{{speeches.other}}。{{/if}}{{#if speeches.closing}}会议结束时，{{speeches.closing}}。{{/if}}',
    '{{#if leaders}}{{leaders}}出席会议。{{/if}}{{#if attendees.nonVoting}}{{attendees.nonVoting}}列席会议。{{/if}}{{#if attendees.invited}}{{attendees.invited}}应邀参加。{{/if}}',
  ),
};

const STANDING_COMMITTEE_MEETING_EN: NewsTemplate = {
  title:
    '{{#if presider.name}}{{presider.name}} presides over {{meeting.name}}{{else}}{{meeting.standingCommittee}} holds {{#if meeting.enlarged}}an enlarged meeting{{else}}a meeting{{/if}}{{/if}}{{#if topics.headline}}: {{topics.headline}}{{/if}}',
  body: paragraphs(
    '{{#if meeting.date}}On {{meeting.date}}, {{/if}}{{meeting.standingCommittee}} held {{#if meeting.enlarged}}an enlarged meeting{{else}}a meeting{{/if}}{{#if topics.agenda}} {{topics.agenda}}{{/if}}.{{#if presider.name}} {{presider.name}}{{#if presider.capacity}}, {{presider.capacity}},{{/if}} presided over the meeting.{{/if}}',
    '{{conclusions}}',
    '{{#if speeches.other}}{{speeches.other}}.{{/if}}{{#if speeches.closing}} At the end of the meeting, {{speeches.closing}}.{{/if}}',
    '{{#if leaders}}The meeting was also attended by {{leaders}}.{{/if}}{{#if attendees.nonVoting}} {{attendees.nonVoting}} attended without a vote.{{/if}}{{#if attendees.invited}} {{attendees.invited}} attended by invitation.{{/if}}',
  ),
};

/**
 * Seed 004: 市委八届二次全体（扩大）会议举行; the deck line of what it heard and adopted; 出席这次
 * 全会的市委委员48名，候补委员7名; who presided, spoke and attended; 全会……，听取和讨论……，审议通过
 * ……。全会结束时，……作了讲话; 全会指出 / 认为 / 强调 / 号召; the non-members who attended.
 */
const PLENARY_SESSION_ZH: NewsTemplate = {
  title: '{{meeting.name}}举行',
  body: paragraphs(
    '{{meeting.business}}',
    '{{meeting.fullName}}{{#if meeting.date}}于{{meeting.date}}{{/if}}在{{#if meeting.venue}}{{meeting.venue}}{{else}}{{organisation.locality}}{{/if}}举行。',
    '{{#if attendance.membersPresent}}出席这次全会的{{organisation.committee}}委员{{attendance.membersPresent}}{{#if attendance.alternatesPresent}}，候补委员{{attendance.alternatesPresent}}{{/if}}。{{/if}}',
    '{{#if presider.text}}{{presider.text}}主持会议。{{/if}}{{#if speeches.speakers}}{{speeches.speakers}}讲话{{#if leaders}}，{{leaders}}出席{{/if}}。{{else}}{{#if leaders}}{{leaders}}出席会议。{{/if}}{{/if}}',
    '{{#if meeting.business}}全会{{#if meeting.preamble}}{{meeting.preamble}}，{{/if}}{{meeting.business}}{{#if meeting.purpose}}，{{meeting.purpose}}{{/if}}。{{/if}}{{#if speeches.other}}会上，{{speeches.other}}。{{/if}}{{#if speeches.closing}}全会结束时，{{speeches.closing}}。{{/if}}',
    '{{conclusions}}',
    '{{#if attendees.nonVoting}}{{attendees.nonVoting}}参加会议。{{/if}}{{#if attendees.invited}}{{attendees.invited}}应邀参加。{{/if}}',
  ),
};

const PLENARY_SESSION_EN: NewsTemplate = {
  title: '{{meeting.name}} held',
  body: paragraphs(
    '{{meeting.business}}',
    '{{meeting.fullName}} was held in {{organisation.place}}{{#if meeting.date}} on {{meeting.date}}{{/if}}.',
    '{{#if attendance.membersPresent}}{{attendance.membersPresent}} of {{organisation.committee}}{{#if attendance.alternatesPresent}} and {{attendance.alternatesPresent}}{{/if}} attended the session.{{/if}}',
    '{{#if presider.name}}{{presider.name}}{{#if presider.capacity}}, {{presider.capacity}},{{/if}} presided over the session.{{/if}}{{#if speeches.speakers}} The session was addressed by {{speeches.speakers}}.{{/if}}{{#if leaders}} The session was also attended by {{leaders}}.{{/if}}',
    '{{#if meeting.business}}The session{{#if meeting.preamble}}, {{meeting.preamble}},{{/if}} {{meeting.business}}{{#if meeting.purpose}}, {{meeting.purpose}}{{/if}}.{{/if}}{{#if speeches.other}} {{speeches.other}}.{{/if}}{{#if speeches.closing}} At the end of the session, {{speeches.closing}}.{{/if}}',
    '{{conclusions}}',
    '{{#if attendees.nonVoting}}{{attendees.nonVoting}} attended the session.{{/if}}{{#if attendees.invited}} {{attendees.invited}} attended by invitation.{{/if}}',
  ),
};

export const DEFAULT_TEMPLATES: Readonly<Record<NewsKind, Readonly<Record<NewsLang, NewsTemplate>>>> = {
  opening: { zh: OPENING_ZH, en: OPENING_EN },
  closing: { zh: CLOSING_ZH, en: CLOSING_EN },
  'first-plenary': { zh: FIRST_PLENARY_ZH, en: FIRST_PLENARY_EN },
  'plenary-decision': { zh: PLENARY_DECISION_ZH, en: PLENARY_DECISION_EN },
  'standing-committee-meeting': { zh: STANDING_COMMITTEE_MEETING_ZH, en: STANDING_COMMITTEE_MEETING_EN },
  'plenary-session': { zh: PLENARY_SESSION_ZH, en: PLENARY_SESSION_EN },
};
