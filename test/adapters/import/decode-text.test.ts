import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/adapters/import/decode-text.ts';
import { ImportFileError } from '../../../src/adapters/import/import-file-error.ts';

const text = '姓名,民族,代表团\n王宁,汉族,第一代表团\n买买提·艾力,维吾尔族,第二代表团\n';

describe('decodeText', () => {
  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it('reads UTF-8 without a mark', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads GBK, as Excel on Chinese Windows saves CSV', () => {
    const gbk = iconv.encode(text, 'gbk');
    expect(decodeText(gbk)).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads characters outside GBK that GB 18030 adds (a rare surname character)', () => {
    const rare = '姓名\n𠇔明\n'; // U+201D4 is in GB 18030 only
    expect(decodeText(iconv.encode(rare, 'gb18030'))).toEqual({ text: rare, encoding: 'gb18030' });
  });

  it('reads UTF-16 with its mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from('name,code\nA,1\n'))).toEqual({
      text: 'name,code\nA,1\n',
      encoding: 'utf-8',
    });
  });

  it('refuses bytes that are neither UTF-8 nor GB 18030 rather than inventing characters', () => {
    expect(() => decodeText(Buffer.from([0x81, 0x20, 0x41]))).toThrow(ImportFileError);
    // A UTF-8 mark followed by bytes that are not UTF-8 is a damaged file.
    expect(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28]))).toThrow(ImportFileError);
  });
});
