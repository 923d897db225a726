// Row types of the committee's year (migration 0006): meetings' attendee groups, units, topics,
// conclusions, speeches, decisions, minutes and follow-up tasks. Conventions as in schema.ts.

export interface MeetingAttendeeGroupsTable {
  id: string;
  congress_id: string;
  /** 'non-voting': 列席 by category; 'invited': 应邀参加 / 来宾; 'guidance': a guidance group (its members). */
  kind: 'non-voting' | 'invited' | 'guidance';
  category: string;
  category_en: string | null;
  /** A guidance group's action: 到会指导, 督查指导大会. */
  action: string | null;
  action_en: string | null;
  count: number | null;
  sort_order: number;
}

export interface UnitsTable {
  id: string;
  organisation_id: string;
  name: string;
  sort_order: number;
  created_at: string;
}

export interface AccountUnitsTable {
  account_id: string;
  unit_id: string;
}

export interface TopicsTable {
  id: string;
  term_id: string;
  committee: 'plenary' | 'standing-committee';
  title: string;
  title_en: string | null;
  kind: 'study' | 'report' | 'decision' | 'cadre' | 'other';
  status: 'requested' | 'approved' | 'rejected' | 'scheduled' | 'deferred' | 'concluded' | 'withdrawn';
  papers_json: string;
  attendees_json: string;
  requested_at: string;
  requesting_unit_id: string | null;
  meeting_id: string | null;
  presenting_unit: string | null;
  presenter: string | null;
  on_behalf_of: string | null;
  note: string | null;
  reviewed_at: string | null;
  report_back_task_id: string | null;
  confidential: number;
  sort_order: number;
}

export interface ConclusionsTable {
  id: string;
  meeting_id: string;
  topic_id: string | null;
  verb: 'noted' | 'held' | 'stressed' | 'required' | 'called' | 'affirmed';
  text: string;
  text_en: string | null;
  sort_order: number;
}

export interface SpeechesTable {
  id: string;
  meeting_id: string;
  topic_id: string | null;
  speaker: string;
  capacity: string | null;
  subject: string;
  /** 'closing': the speech at the end of the meeting (全会结束时…讲话). */
  moment: string | null;
  speaker_en: string | null;
  capacity_en: string | null;
  subject_en: string | null;
  sort_order: number;
}

export interface DecisionsTable {
  id: string;
  meeting_id: string;
  topic_id: string | null;
  kind: 'decision' | 'cadre';
  title: string;
  text: string;
  voting_method: 'show-of-hands' | 'oral' | 'secret-ballot' | 'named-ballot';
  status: 'adopted' | 'rejected' | 'deferred';
  decided_at: string;
  members_due: number;
  present: number;
  adopted: number;
  sort_order: number;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  person: string | null;
  title_en: string | null;
}

export interface MinutesTable {
  id: string;
  meeting_id: string;
  title: string;
  body: string;
  distribution_json: string;
  status: 'draft' | 'issued';
  year: number;
  number: number;
  issued_on: string | null;
}

export interface TasksTable {
  id: string;
  term_id: string;
  meeting_id: string;
  lead_unit_id: string;
  title: string;
  detail: string;
  deadline: string;
  status: 'assigned' | 'acknowledged' | 'reported' | 'checked' | 'closed';
  created_at: string;
  decision_id: string | null;
  conclusion_id: string | null;
  closed_at: string | null;
}

export interface TaskUnitsTable {
  task_id: string;
  unit_id: string;
}

export interface TaskEventsTable {
  id: string;
  task_id: string;
  kind:
    | 'assigned'
    | 'acknowledged'
    | 'reported'
    | 'checked'
    | 'returned'
    | 'closed'
    | 'extension-requested'
    | 'extension-granted'
    | 'extension-refused';
  at: string;
  actor: string;
  unit_id: string | null;
  text: string | null;
  /** An extension's new deadline. */
  deadline: string | null;
}

export interface CommitteeSchema {
  meeting_attendee_groups: MeetingAttendeeGroupsTable;
  units: UnitsTable;
  account_units: AccountUnitsTable;
  topics: TopicsTable;
  conclusions: ConclusionsTable;
  speeches: SpeechesTable;
  decisions: DecisionsTable;
  minutes: MinutesTable;
  tasks: TasksTable;
  task_units: TaskUnitsTable;
  task_events: TaskEventsTable;
}
