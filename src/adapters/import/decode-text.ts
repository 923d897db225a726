// CSV files arrive in whatever encoding the secretary's spreadsheet program chose: Excel on a
// Chinese Windows saves "CSV" in GBK (code page 936); "CSV UTF-8" and most other tools save
// UTF-8, with or without a byte-order mark.

import iconv from 'iconv-lite';
import { ImportFileError } from './import-file-error.ts';

export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function startsWith(bytes: Uint8Array, mark: readonly number[]): boolean {
  return mark.every((byte, i) => bytes[i] === byte);
}

/**
 * A byte-order mark decides; otherwise bytes that are valid UTF-8 are UTF-8 (Chinese text in
 * GBK is almost never valid UTF-8, and plain ASCII reads the same either way); anything else is
 * read as GB 18030, the superset of GBK and GB 2312. UTF-16 is recognised only by its mark, as
 * Excel's "Unicode text" writes it. Bytes that fit none of these are refused rather than turned
 * into replacement characters inside delegates' names.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    return {
      text: strictUtf8.decode(bom ? bytes.subarray(3) : bytes),
      encoding: bom ? 'utf-8-bom' : 'utf-8',
    };
  } catch {
    if (bom) throw undecodable();
  }
  const text = iconv.decode(bytes, 'gb18030');
  if (text.includes('\uFFFD')) throw undecodable();
  return { text, encoding: 'gb18030' };
}

const undecodable = (): ImportFileError =>
  new ImportFileError({
    en: 'The file is neither UTF-8 nor GBK text; save it again as "CSV UTF-8" or as an Excel workbook (.xlsx).',
    zh: '文件既不是 UTF-8 也不是 GBK 编码；请另存为“CSV UTF-8”或 Excel 工作簿（.xlsx）。',
  });
