// Errors that reach a person running `plenum restore` (the CLI maps them to exit status 2), with
// the English and Chinese text the developers' guide asks for. `code` is for programs.

export type BackupErrorCode =
  | 'unreadable-backup'
  | 'invalid-backup'
  | 'schema-mismatch'
  | 'not-empty'
  | 'audit-chain-broken'
  | 'manifest-mismatch'
  | 'voting-open'
  | 'unsupported';

export class BackupError extends Error {
  readonly code: BackupErrorCode;

  constructor(code: BackupErrorCode, english: string, chinese: string, options?: { cause?: unknown }) {
    super(`${english} / ${chinese}`, options);
    this.name = 'BackupError';
    this.code = code;
  }
}
