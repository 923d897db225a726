// The test builder: one place that makes organisations, terms, congresses and plenaries,
// delegates, sittings, attendance, elections and rounds for every test that needs them
// (world.ts says how; rows.ts holds every column).
export type {
  AgendaItemSpec,
  AttendanceSpec,
  BuiltDelegate,
  BuiltDelegation,
  BuiltSitting,
  CandidateSpec,
  CongressBuilder,
  DelegateSpec,
  ElectionSpec,
  MethodSpec,
  OfficerSpec,
  SittingSpec,
} from './congress.ts';
export type { BuiltCandidate, BuiltRound, ElectionBuilder, RoundSpec } from './election.ts';
export { idNumberFor, personName, personNames } from './names.ts';
export { BUILT_AT } from './rows.ts';
export {
  type BuiltOrganisation,
  type BuiltTerm,
  buildWorld,
  type CongressSpec,
  type OrganisationSpec,
  type PositionSpec,
  type StaffActor,
  staffAccount,
  type TermSpec,
  type Via,
  World,
  type WorldOptions,
} from './world.ts';
