// The templates a new installation starts with, written after the municipal reports in the seeds
// (the Tongliao opening, the Dalian closing, the Quzhou plenary). The secretariat may replace any
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
    '{{#if congress.theme}}大会的主题是，{{congress.theme}}。{{/if}}',
    '{{#if opening.chairs}}大会执行主席{{opening.chairs}}在主席台前排就座。{{/if}}',
    '{{#if opening.presiding}}大会由{{opening.presiding}}同志主持。{{#if opening.time}}{{opening.time}}，{{/if}}{{opening.presiding}}宣布{{congress.fullName}}开幕，全体起立，奏唱国歌。{{/if}}{{#if opening.attendance}}本次大会{{opening.attendance}}。{{/if}}',
    '{{#if reports.work}}{{#if reports.work.presenter}}{{reports.work.presenter}}同志代表{{/if}}{{committee.previousFullName}}向大会作了{{reports.work.titled}}。{{#if reports.work.parts}}报告共分{{reports.work.partCount}}个部分：{{reports.work.parts}}。{{/if}}{{/if}}',
    '{{#if reports.discipline}}会上，{{#if reports.discipline.presenter}}{{reports.discipline.presenter}}同志代表{{/if}}{{discipline.name}}向{{congress.fullName}}作了{{reports.discipline.titled}}。{{/if}}',
    '{{reports.others}}',
    '{{#if reports.written}}大会还以书面形式作了{{reports.written}}。{{/if}}',
  ),
};

const OPENING_EN: NewsTemplate = {
  title: '{{congress.fullName}} opens',
  body: paragraphs(
    'On {{opening.date}}, {{congress.fullName}} opened in {{organisation.place}}.',
    '{{#if opening.chairs}}The executive chairs of the congress, {{opening.chairs}}, took their seats in the front row of the rostrum.{{/if}}',
    '{{#if opening.presiding}}{{opening.presiding}} presided over the sitting. {{#if opening.time}}At {{opening.time}}, {{/if}}{{opening.presiding}} declared the congress open, and all present rose to sing the national anthem.{{/if}}{{#if opening.attendance}} {{opening.attendance}}.{{/if}}',
    '{{#if reports.work}}{{#if reports.work.presenter}}{{reports.work.presenter}} delivered {{reports.work.titled}} on behalf of {{committee.previousFullName}}.{{else}}The congress heard {{reports.work.titled}} of {{committee.previousFullName}}.{{/if}}{{#if reports.work.parts}} The report is in {{reports.work.partCount}} parts.{{/if}}{{/if}}',
    '{{#if reports.discipline}}{{#if reports.discipline.presenter}}{{reports.discipline.presenter}} delivered {{reports.discipline.titled}} on behalf of {{discipline.name}}.{{else}}The congress heard {{reports.discipline.titled}} of {{discipline.name}}.{{/if}}{{/if}}',
    '{{reports.others}}',
    '{{#if reports.written}}The congress also received {{reports.written}}.{{/if}}',
  ),
};

const CLOSING_ZH: NewsTemplate = {
  title: '{{congress.fullName}}胜利闭幕',
  body: paragraphs(
    '{{closing.date}}，{{congress.fullName}}{{#if closing.venue}}在{{closing.venue}}{{/if}}胜利闭幕。',
    '{{#if closing.chairs}}大会执行主席{{closing.chairs}}在主席台前排就座。{{/if}}{{#if closing.presiding}}大会由{{closing.presiding}}同志主持。{{/if}}{{#if closing.attendance}}大会{{closing.attendance}}。{{/if}}',
    '{{#if adopted}}大会审议通过了{{adopted}}。{{/if}}',
    '{{#if elected.summary}}大会以无记名投票方式，选举产生了{{elected.summary}}。{{/if}}',
    '{{#if firstPlenary.summary}}{{firstPlenary.summary}}。{{#if firstPlenary.results}}{{firstPlenary.results}}。{{/if}}{{/if}}',
    '{{elected.committee}}',
    '{{elected.alternates}}',
    '{{elected.discipline}}',
    '{{elected.delegates}}',
  ),
};

const CLOSING_EN: NewsTemplate = {
  title: '{{congress.fullName}} closes',
  body: paragraphs(
    'On {{closing.date}}, {{congress.fullName}} closed in {{organisation.place}}.',
    '{{#if closing.chairs}}The executive chairs of the congress, {{closing.chairs}}, took their seats in the front row of the rostrum.{{/if}}{{#if closing.presiding}} {{closing.presiding}} presided over the closing sitting.{{/if}}{{#if closing.attendance}} {{closing.attendance}}.{{/if}}',
    '{{#if adopted}}The congress adopted {{adopted}}.{{/if}}',
    '{{#if elected.summary}}By secret ballot, the congress elected {{elected.summary}}.{{/if}}',
    '{{#if firstPlenary.summary}}{{firstPlenary.summary}}.{{#if firstPlenary.results}} {{firstPlenary.results}}.{{/if}}{{/if}}',
    '{{elected.committee}}',
    '{{elected.alternates}}',
    '{{elected.discipline}}',
    '{{elected.delegates}}',
  ),
};

const FIRST_PLENARY_ZH: NewsTemplate = {
  title: '{{plenary.fullName}}公报',
  body: paragraphs(
    '{{plenary.fullName}}{{#if plenary.date}}于{{plenary.date}}{{/if}}在{{organisation.place}}举行。',
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
    '{{#if plenary.day}}{{plenary.day}}，{{/if}}{{plenary.fullName}}在{{#if plenary.venue}}{{plenary.venue}}{{else}}{{organisation.place}}{{/if}}举行。',
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

export const DEFAULT_TEMPLATES: Readonly<Record<NewsKind, Readonly<Record<NewsLang, NewsTemplate>>>> = {
  opening: { zh: OPENING_ZH, en: OPENING_EN },
  closing: { zh: CLOSING_ZH, en: CLOSING_EN },
  'first-plenary': { zh: FIRST_PLENARY_ZH, en: FIRST_PLENARY_EN },
  'plenary-decision': { zh: PLENARY_DECISION_ZH, en: PLENARY_DECISION_EN },
};
