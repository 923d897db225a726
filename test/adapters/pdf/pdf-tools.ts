import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// poppler-utils for the PDF tests: what pdftotext reads from a document is what a search engine or
// a screen reader gets, and page 1 as a PNG in test-output/pdf/ (git-ignored) is for people to look at.

export const OUTPUT = path.join(fileURLToPath(new URL('../../../', import.meta.url)), 'test-output', 'pdf');

function withFile<T>(pdf: Buffer, use: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'plenum-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext -layout: the text in reading order with the page's columns kept apart by spaces. */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, (file) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

/** pdfinfo -custom: the metadata, custom keys included. */
export function pdfInfo(pdf: Buffer): string {
  return withFile(pdf, (file) =>
    execFileSync('pdfinfo', ['-custom', '-enc', 'UTF-8', file], { encoding: 'utf8' }),
  );
}

/** Without any white space (the padding of 王　宁 comes out as spaces, or not at all). */
export function compact(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Saves the PDF and page 1 as test-output/pdf/<name>.png at 60 dpi; returns the PNG's path. */
export function savePreview(pdf: Buffer, name: string): string {
  mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    path.join(OUTPUT, name),
  ]);
  return path.join(OUTPUT, `${name}.png`);
}

/**
 * Where each name occurs in the text, each looked for after the one before (white space ignored):
 * -1 from the first name not found in that order on.
 */
export function positionsIn(text: string, names: readonly string[]): number[] {
  const flat = compact(text);
  let from = 0;
  return names.map((name) => {
    const at = from < 0 ? -1 : flat.indexOf(compact(name), from);
    from = at < 0 ? -1 : at + 1;
    return at;
  });
}
