// The database adapter's public surface; services receive a Database and use these.
export {
  AuditAppender,
  type AuditEntry,
  type AuditHead,
  type AuditRecord,
  type AuditVerification,
  appendAudit,
  auditHash,
  auditHead,
  GENESIS_HASH,
  type VerifyOptions,
  verifyAuditChain,
} from './audit-log.ts';
export {
  type BackupFormat,
  type BackupManifest,
  type BackupResult,
  backupDatabase,
  manifestPathOf,
  type RestoreResult,
  readManifest,
  restoreDatabase,
} from './backup.ts';
export {
  type BallotSetSeal,
  choiceSetSeal,
  countedSetSeal,
  type SealVerification,
  sealedSetSeal,
  storedChoiceSeal,
  storedCountedSeal,
  storedSealedSeal,
  verifyBallotSeals,
} from './ballot-seals.ts';
export { eraseBallotTraces, openElectronicVotes, type TraceErasure } from './ballot-traces.ts';
export { canonicalJson } from './canonical-json.ts';
export { type Database, type DatabaseConfig, openDatabase } from './connection.ts';
export { BackupError, type BackupErrorCode } from './errors.ts';
export {
  appendStreamEvents,
  type NewStreamEvent,
  type PruneOptions,
  pruneStreamEvents,
  type StoredStreamEvent,
  streamEventsAfter,
  streamEventWindow,
} from './event-log.ts';
export {
  type BackupDocument,
  backupDocumentSchema,
  exportAllTables,
  importAllTables,
} from './export-import.ts';
export { LATEST_SCHEMA_VERSION, MIGRATION_NAMES, migrate, schemaVersion } from './migrate.ts';
export { type ListenHandlers, listenForStreamEvents, type StreamEventListener } from './notifications.ts';
export { isSerializationFailure, type RetryOptions, retryOnSerializationFailure } from './retry.ts';
export type { Schema } from './schema.ts';
export {
  inReadTransaction,
  inTransaction,
  rollbackToSavepoint,
  savepoint,
  type WriteTransaction,
} from './transaction.ts';
export { assertNotInsideTransaction, outsideTransactionScope } from './transaction-scope.ts';
