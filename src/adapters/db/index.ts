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
  verifyAuditChain,
} from './audit-log.ts';
export {
  type BackupFormat,
  type BackupResult,
  backupDatabase,
  type RestoreResult,
  restoreDatabase,
} from './backup.ts';
export { canonicalJson } from './canonical-json.ts';
export { type Database, type DatabaseConfig, openDatabase } from './connection.ts';
export { BackupError, type BackupErrorCode } from './errors.ts';
export {
  type BackupDocument,
  backupDocumentSchema,
  exportAllTables,
  importAllTables,
} from './export-import.ts';
export { LATEST_SCHEMA_VERSION, MIGRATION_NAMES, migrate, schemaVersion } from './migrate.ts';
export { isSerializationFailure, type RetryOptions, retryOnSerializationFailure } from './retry.ts';
export type { Schema } from './schema.ts';
export {
  inReadTransaction,
  inTransaction,
  rollbackToSavepoint,
  savepoint,
  type WriteTransaction,
} from './transaction.ts';
