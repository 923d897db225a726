import * as z from 'zod';
import { attendanceCountsSchema } from './attendance.ts';
import { congressParams, id, instant } from './common.ts';
import { ballotModeSchema, outcomeSchema, roundKindSchema } from './elections.ts';
import { endpoint } from './endpoint.ts';
import { PRESIDING_DESK_ROLES } from './roles.ts';

// The hall's big screen (大屏幕): what it shows is one state per congress, kept by the server (in
// the database, so that the screens of every instance agree) and set from the console or the
// presiding officer's page. 'follow' is automatic: the vote under way, each result as it is
// announced in announcement order, the attendance of the sitting under way — never a sitting that
// was never held, nor a closed congress's quorum. The other modes hold one thing on screen until
// the secretariat changes it: a result, the attendance, a slide of text, or nothing.

export const SCREEN_MODES = ['follow', 'result', 'attendance', 'slide', 'blank'] as const;
export type ScreenMode = (typeof SCREEN_MODES)[number];

/** At most this many lines on a slide: the screen is read from the back of the hall. */
export const SLIDE_LINES = 8;

const slideTitle = z.string().trim().min(1).max(40);
const slideLine = z.string().trim().max(60);

/** What the secretariat asks the screen to show. */
export const screenSettingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('follow') }),
  /** An announced result [P2]. */
  z.strictObject({ mode: z.literal('result'), roundId: id }),
  /** A sitting's attendance; without one, the sitting under way (or the next, while delegates arrive). */
  z.strictObject({ mode: z.literal('attendance'), sittingId: id.optional() }),
  /** A slide of text, in Chinese as the hall reads it: a title and up to eight lines. */
  z.strictObject({ mode: z.literal('slide'), title: slideTitle, lines: z.array(slideLine).max(SLIDE_LINES) }),
  z.strictObject({ mode: z.literal('blank') }),
]);
export type ScreenSetting = z.infer<typeof screenSettingSchema>;

const count = z.number().int();

/** An announced round as the screen lists it: those elected with their votes, in the published order. */
export const screenResultSchema = z.strictObject({
  electionId: z.string(),
  electionTitle: z.string(),
  roundId: z.string(),
  seq: count,
  kind: roundKindSchema,
  outcome: outcomeSchema,
  elected: z.array(z.strictObject({ name: z.string(), votes: count })),
  /** On a combined ballot [T5]: the alternates elected, in succession order. */
  electedAlternates: z.array(z.string()),
  /** [T3] A tie at the last seat: a run-off follows. */
  runoff: z.boolean(),
  /** [T4] Seats no one qualified for, the run-off's seats not among them. */
  shortfall: count,
  /** Everyone the election has elected so far (after a run-off, more than this round's names). */
  electedInElection: count,
  announcedAt: instant,
});
export type ScreenResult = z.infer<typeof screenResultSchema>;

/** The round being voted on: the electors and how far voting (electronic) or keying (paper) has come. */
export const screenVotingSchema = z.strictObject({
  electionId: z.string(),
  electionTitle: z.string(),
  roundId: z.string(),
  seq: count,
  kind: roundKindSchema,
  mode: ballotModeSchema,
  /** 应投: electors present when the round opened. */
  present: count,
  /** Electronic: ballots cast so far. */
  voted: count.nullable(),
});
export type ScreenVoting = z.infer<typeof screenVotingSchema>;

/** What the screen shows now, with everything it needs to show it. */
export const screenShowSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('result'), result: screenResultSchema }),
  z.strictObject({
    kind: z.literal('voting'),
    round: screenVotingSchema,
    /** The attendance of the sitting the round is voted in. */
    counts: attendanceCountsSchema.nullable(),
  }),
  z.strictObject({ kind: z.literal('attendance'), counts: attendanceCountsSchema }),
  z.strictObject({ kind: z.literal('slide'), title: z.string(), lines: z.array(z.string()) }),
  z.strictObject({ kind: z.literal('blank') }),
  /** The congress has closed: its title, and that it closed. */
  z.strictObject({ kind: z.literal('closed') }),
  /** Nothing held yet and nothing to show: the congress's title and a welcome. */
  z.strictObject({ kind: z.literal('welcome') }),
]);
export type ScreenShow = z.infer<typeof screenShowSchema>;

export const screenViewSchema = z.strictObject({
  congressId: z.string(),
  title: z.string(),
  setting: screenSettingSchema,
  /** When the setting was last changed, and by whom (the login's name); null: never, it follows. */
  setAt: instant.nullable(),
  setBy: z.string().nullable(),
  show: screenShowSchema,
});
export type ScreenView = z.infer<typeof screenViewSchema>;

export const screenEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/screen',
  tag: 'screen',
  summary:
    'What the big screen shows now: the setting (follow, a result, the attendance, a slide, blank) and its content',
  allow: 'anyone',
  params: congressParams,
  response: screenViewSchema,
});

export const setScreenEndpoint = endpoint({
  method: 'PUT',
  path: '/api/congresses/:congressId/screen',
  tag: 'screen',
  summary:
    'Set what the big screen shows: follow the congress, hold an announced result [P2], the attendance, a slide of text, or blank',
  allow: PRESIDING_DESK_ROLES,
  params: congressParams,
  body: screenSettingSchema,
  response: screenViewSchema,
});
