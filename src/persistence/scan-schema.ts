// The tables of scanned paper ballots (migration 0008): see migrations/0008-scanned-ballots.ts.

export interface ScanFilesTable {
  id: string;
  round_id: string;
  sha256: string;
  media_type: string;
  /** 'upload' (the console) or 'watch' (plenum scan watch). */
  source: string;
  filename: string | null;
  size: number;
  pages: number;
  /** The file itself, base64. */
  content: string;
  uploaded_by: string;
  uploaded_at: string;
}

export type ScanSheetStatus = 'read' | 'rejected' | 'duplicate';

export interface ScanSheetsTable {
  id: string;
  round_id: string;
  file_id: string;
  /** The order the sheets were received in, within the round. */
  seq: number;
  page: number;
  width: number;
  height: number;
  image_sha256: string;
  status: ScanSheetStatus;
  read_at: string;
  dpi: number | null;
  rotation: number | null;
  serial: number | null;
  reason: string | null;
  detail: string | null;
  duplicate_of: string | null;
  marks: string | null;
  set_aside: string | null;
  set_aside_by: string | null;
  set_aside_at: string | null;
  void_reason: string | null;
  voided_by: string | null;
  voided_at: string | null;
}

export interface ScanItemsTable {
  id: string;
  round_id: string;
  sheet_id: string;
  /** 'mark' (a printed candidate's box) or 'write-in'. */
  kind: string;
  /** The candidate's column, or the write-in box's number (0-based). */
  position: number;
  /** What the machine read: marginal, for, against, empty. */
  verdict: string;
  reason: string | null;
  suggestion: string | null;
  written: number | null;
  /** PNG, base64. */
  crop: string;
}

export interface ScanDecisionsTable {
  id: string;
  round_id: string;
  item_id: string;
  /** 'teller' or 'scrutineer'. */
  role: string;
  /** for, against, abstain, unreadable. */
  mark: string;
  /** A write-in's name as typed. */
  name: string | null;
  decided_by: string;
  decided_at: string;
  /** How many times its teller changed it. */
  revisions: number;
}

export interface ScanSchema {
  scan_files: ScanFilesTable;
  scan_sheets: ScanSheetsTable;
  scan_items: ScanItemsTable;
  scan_decisions: ScanDecisionsTable;
}
