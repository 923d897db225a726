import * as z from 'zod';
import { attendanceCountsSchema, currentAttendanceSchema } from './attendance.ts';
import { congressParams } from './common.ts';
import { congressBasicsSchema, congressStatusSchema } from './congress.ts';
import { outcomeSchema, runoffSchema } from './elections.ts';
import { endpoint } from './endpoint.ts';
import { newsStatusSchema } from './news.ts';
import { adoptionVoteSchema, bodyKindSchema, chairSchema, sittingSchema } from './procedure.ts';
import { screenSettingSchema } from './screen.ts';

// Live updates of a congress for the big screen and the staff pages, as server-sent events: each
// frame is `event: <type>` and `data: <JSON>`, and the events that are stored (every one but the
// snapshot, the resume and the attendance counts) carry their `id:`. The stream also sets the
// browser's last event id when it opens (a frame with only `id:`), so that a browser reconnecting
// with Last-Event-ID (EventSource sends it by itself; a page opening a new EventSource passes
// `?lastEventId=`) is sent exactly the events it missed. Open to anyone: what passes here is what the hall
// sees anyway — attendance counts, voting progress, results with the names of those elected.
// Every event is declared here, and a publisher puts nothing else in `data` (no delegate names
// beyond those the hall hears, no desk details, no ballots): the schemas are strict, and the
// server checks every published event against them when it checks its answers (tests, dev).

// ---- voting: progress and a round's changes of state --------------------------------------------

const count = z.number().int();

/** A round's ballots prepared before the vote (list and seats fixed), or the preparation withdrawn. */
const roundPreparedSchema = z.strictObject({
  roundId: z.string(),
  electionId: z.string(),
  status: z.enum(['prepared', 'withdrawn']),
});
/** A round opened [Q1]–[Q3]: 应到 and 实到 when the vote opened. */
const roundOpenedSchema = z.strictObject({
  roundId: z.string(),
  electionId: z.string(),
  status: z.literal('open'),
  /** The round's number in its election. */
  seq: count,
  expected: count,
  present: count,
});
/** A round closed: the ballots issued (paper: counted at the box; electronic: those who voted). */
const roundClosedSchema = z.strictObject({
  roundId: z.string(),
  electionId: z.string(),
  status: z.literal('closed'),
  ballotsIssued: count,
});
/** A round counted, or its count signed off by a scrutineer [P2] (the result may be announced). */
const roundCountedSchema = z.strictObject({
  roundId: z.string(),
  electionId: z.string(),
  status: z.enum(['counted', 'signed-off']),
});
/** An electronic round: how many have voted of the ballots issued, never how. */
const electronicProgressSchema = z.strictObject({ roundId: z.string(), voted: count, issued: count });
/** A paper round: sheets keyed, sheets that count (agreed or resolved), disagreements unresolved. */
const paperProgressSchema = z.strictObject({
  roundId: z.string(),
  entered: count,
  agreed: count,
  disagreements: count,
});
/** An electronic adoption vote (表决): how many have voted, never how. */
const adoptionProgressSchema = z.strictObject({ voteId: z.string(), voted: count });

export const votingEventSchema = z.union([
  roundPreparedSchema,
  roundOpenedSchema,
  roundClosedSchema,
  roundCountedSchema,
  electronicProgressSchema,
  paperProgressSchema,
  adoptionProgressSchema,
]);
export type VotingEvent = z.infer<typeof votingEventSchema>;

// ---- result: an announced round [P2] -------------------------------------------------------------

export const resultEventSchema = z.strictObject({
  roundId: z.string(),
  electionId: z.string(),
  outcome: outcomeSchema,
  /** Those elected, with their votes for. */
  elected: z.array(z.strictObject({ name: z.string(), votes: count })),
  /** On a combined ballot [T5]: the alternates elected, in succession order. */
  electedAlternates: z.array(z.string()).readonly(),
  /** [T3] a tie at the last seat: the run-off's seats and candidates. */
  runoff: runoffSchema.nullable(),
  /** Seats left unfilled (a run-off's seats included). */
  shortfall: count,
  /** The election is complete: every seat filled or decided. */
  complete: z.boolean(),
});
export type ResultEvent = z.infer<typeof resultEventSchema>;

// ---- congress: what the screens of the congress show has changed ---------------------------------

export const congressChangeSchema = z.discriminatedUnion('change', [
  /** The congress's title, dates or venue were edited. */
  z.strictObject({ change: z.literal('congress'), congress: congressBasicsSchema }),
  /** The congress closed. */
  z.strictObject({ change: z.literal('congress-status'), status: congressStatusSchema }),
  /** A sitting was added, edited or removed. */
  z.strictObject({ change: z.literal('sitting'), sittingId: z.string() }),
  z.strictObject({ change: z.literal('sitting-opened'), sitting: sittingSchema }),
  z.strictObject({ change: z.literal('sitting-closed'), sitting: sittingSchema }),
  /** A sitting's executive chairs were named [P3]. */
  z.strictObject({ change: z.literal('chairs'), sittingId: z.string(), chairs: z.array(chairSchema) }),
  /** A sitting's agenda changed. */
  z.strictObject({ change: z.literal('agenda'), sittingId: z.string() }),
  /** A body's members were set (the presidium…). */
  z.strictObject({ change: z.literal('body'), body: bodyKindSchema }),
  z.strictObject({ change: z.literal('vote-opened'), vote: adoptionVoteSchema }),
  z.strictObject({ change: z.literal('vote-closed'), vote: adoptionVoteSchema }),
]);
export type CongressChange = z.infer<typeof congressChangeSchema>;

// ---- news: an item published or withdrawn --------------------------------------------------------

export const newsEventSchema = z.strictObject({
  newsId: z.string(),
  status: newsStatusSchema,
  titleZh: z.string(),
  titleEn: z.string(),
});
export type NewsEvent = z.infer<typeof newsEventSchema>;

// ---- the stream ----------------------------------------------------------------------------------

/**
 * On a reconnection that named the last event it had: whether every event since is still kept
 * (the server keeps them for a while, up to a day). Complete: the missed events follow, with
 * their ids, then the live ones. Not complete: reload what the page shows.
 */
export const resumeEventSchema = z.strictObject({ lastEventId: count, complete: z.boolean() });
export type ResumeEvent = z.infer<typeof resumeEventSchema>;

/** Every event of the stream: its type (the frame's `event:`) and its data. */
export const streamEventSchema = z.discriminatedUnion('type', [
  /** First on every (re)connection: the counts of the sittings the big screen shows. */
  z.strictObject({ type: z.literal('snapshot'), data: currentAttendanceSchema }),
  /** Second on a reconnection with Last-Event-ID, before the events it missed. */
  z.strictObject({ type: z.literal('resume'), data: resumeEventSchema }),
  /** A sitting's counts changed (counts only, never names). */
  z.strictObject({ type: z.literal('attendance'), data: attendanceCountsSchema }),
  z.strictObject({ type: z.literal('voting'), data: votingEventSchema }),
  z.strictObject({ type: z.literal('result'), data: resultEventSchema }),
  z.strictObject({ type: z.literal('congress'), data: congressChangeSchema }),
  z.strictObject({ type: z.literal('news'), data: newsEventSchema }),
  /** The secretariat changed what the big screen shows (screen.ts); the screen reads it again. */
  z.strictObject({ type: z.literal('screen'), data: screenSettingSchema }),
]);
export type StreamEvent = z.infer<typeof streamEventSchema>;
export type StreamEventType = StreamEvent['type'];
export const STREAM_EVENT_TYPES = streamEventSchema.options.map(
  (option) => option.shape.type.value,
) as readonly StreamEventType[];

/** The data of an event of type T. */
export type StreamEventData<T extends StreamEventType> = Extract<StreamEvent, { type: T }>['data'];

/** What services publish: every event but the snapshot and the resume, which the stream itself sends. */
export type PublishedEvent = Exclude<StreamEvent, { type: 'snapshot' | 'resume' }>;

export const congressEventsEndpoint = endpoint({
  method: 'GET',
  path: '/api/congresses/:congressId/events',
  tag: 'events',
  summary:
    'Server-sent events of a congress: a snapshot of the attendance counts, then attendance, voting, result and congress events as they happen; with Last-Event-ID (or ?lastEventId=), first those missed since',
  allow: 'anyone',
  params: congressParams,
  query: z.strictObject({
    /** The last event id the page had, when it opens a new EventSource (the header wins if both are sent). */
    lastEventId: z
      .string()
      .regex(/^\d{1,15}$/)
      .optional(),
  }),
  response: 'stream',
});
