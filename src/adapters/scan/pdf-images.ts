import { inflateSync } from 'node:zlib';

// The page images of a scanned PDF, without a PDF renderer. A scanner's PDF (and a rasterised,
// marked ballot) is a wrapper around one image per page; this reads the file's objects (classic
// cross-reference or compressed object streams, incremental updates: the last definition wins),
// walks the page tree, and hands back each page's largest image as its encoded stream:
//   DCTDecode       a JPEG, decoded by sharp;
//   FlateDecode     raw samples (gray, RGB, CMYK, ICC-based, indexed; 1–16 bits; PNG predictors),
//                   turned into grey here;
//   CCITTFaxDecode  wrapped in a TIFF header, decoded by sharp's libtiff.
// JBIG2 and JPEG 2000 are not read (no npm-only decoder): the error says to scan to another format.
// A page drawn with vectors only (a PDF as Plenum printed it, not scanned) has no image: refused.

export class PdfImageError extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
    this.name = 'PdfImageError';
  }
}

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export type PdfValue = number | boolean | null | Buffer | PdfName | PdfRef | PdfValue[] | PdfDict;
export type PdfDict = Map<string, PdfValue>;

interface PdfStream {
  readonly dict: PdfDict;
  readonly data: Buffer;
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

class Lexer {
  constructor(
    readonly bytes: Buffer,
    public pos: number,
  ) {}

  skip(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WHITESPACE.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  private regular(): string {
    const b = this.bytes;
    const start = this.pos;
    while (this.pos < b.length && !WHITESPACE.has(b[this.pos]!) && !DELIMITERS.has(b[this.pos]!)) this.pos++;
    return b.toString('latin1', start, this.pos);
  }

  value(): PdfValue {
    this.skip();
    const b = this.bytes;
    if (this.pos >= b.length) throw new PdfImageError('the PDF ends early', 'PDF文件不完整');
    const c = b[this.pos]!;
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return dict;
        }
        const key = this.value();
        if (!(key instanceof PdfName))
          throw new PdfImageError('a PDF dictionary key is not a name', 'PDF字典格式错误');
        dict.set(key.name, this.value());
      }
    }
    if (c === 0x3c) {
      const end = b.indexOf(0x3e, this.pos);
      const hex = b.toString('latin1', this.pos + 1, end).replace(/\s+/g, '');
      this.pos = end + 1;
      return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    }
    if (c === 0x5b) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return items;
        }
        items.push(this.value());
      }
    }
    if (c === 0x28) return this.literal();
    if (c === 0x2f) {
      this.pos++;
      return new PdfName(
        this.regular().replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      );
    }
    const word = this.regular();
    if (word === '') {
      this.pos++;
      return null;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const number = Number(word);
      // An indirect reference: "num gen R".
      if (/^\d+$/.test(word)) {
        const save = this.pos;
        this.skip();
        const gen = this.regular();
        if (/^\d+$/.test(gen)) {
          this.skip();
          if (this.regular() === 'R') return new PdfRef(number, Number(gen));
        }
        this.pos = save;
      }
      return number;
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    return null;
  }

  private literal(): Buffer {
    const b = this.bytes;
    this.pos++;
    let depth = 1;
    const out: number[] = [];
    while (this.pos < b.length && depth > 0) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const n = b[this.pos++]!;
        const map: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
        if (map[n] !== undefined) out.push(map[n]);
        else if (n >= 0x30 && n <= 0x37) {
          let octal = n - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++)
            octal = octal * 8 + (b[this.pos++]! - 0x30);
          out.push(octal & 0xff);
        } else if (n !== 0x0a && n !== 0x0d) out.push(n);
      } else {
        if (c === 0x28) depth++;
        if (c === 0x29) depth--;
        if (depth > 0) out.push(c);
      }
    }
    return Buffer.from(out);
  }
}

export class PdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfValue | PdfStream>();
  private readonly inStreams = new Map<number, { stream: number; index: number }>();

  constructor(readonly bytes: Buffer) {
    if (bytes.toString('latin1', 0, 1024).indexOf('%PDF-') === -1) {
      throw new PdfImageError('not a PDF file', '不是PDF文件');
    }
    const text = bytes.toString('latin1');
    for (const match of text.matchAll(/(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b/g)) {
      this.offsets.set(Number(match[1]), match.index! + match[0].length);
    }
    // Objects inside compressed object streams.
    for (const num of [...this.offsets.keys()]) {
      const object = this.object(num);
      if (!isStream(object) || nameOf(object.dict.get('Type')) !== 'ObjStm') continue;
      const n = Number(object.dict.get('N') ?? 0);
      const data = decodeStream(this, object);
      const header = data
        .toString('latin1', 0, Number(object.dict.get('First') ?? 0))
        .trim()
        .split(/\s+/);
      for (let i = 0; i < n; i++) {
        const inner = Number(header[2 * i]);
        if (!this.offsets.has(inner)) this.inStreams.set(inner, { stream: num, index: i });
      }
    }
  }

  /** An object by number: a value, or a stream with its dictionary and raw (still encoded) data. */
  object(num: number): PdfValue | PdfStream {
    if (this.cache.has(num)) return this.cache.get(num)!;
    let result: PdfValue | PdfStream = null;
    const offset = this.offsets.get(num);
    if (offset !== undefined) {
      const lexer = new Lexer(this.bytes, offset);
      const value = lexer.value();
      lexer.skip();
      if (this.bytes.toString('latin1', lexer.pos, lexer.pos + 6) === 'stream' && value instanceof Map) {
        let start = lexer.pos + 6;
        if (this.bytes[start] === 0x0d) start++;
        if (this.bytes[start] === 0x0a) start++;
        this.cache.set(num, null); // guards a Length that refers back to its own object
        const declared = this.resolve(value.get('Length') ?? null);
        let end = typeof declared === 'number' ? start + declared : -1;
        if (
          end < start ||
          end > this.bytes.length ||
          this.bytes.indexOf('endstream', end, 'latin1') - end > 4
        ) {
          end = this.bytes.indexOf('endstream', start, 'latin1');
          if (end < 0) end = this.bytes.length;
          while (end > start && (this.bytes[end - 1] === 0x0a || this.bytes[end - 1] === 0x0d)) end--;
        }
        result = { dict: value, data: this.bytes.subarray(start, end) };
      } else result = value;
    } else {
      const place = this.inStreams.get(num);
      if (place) {
        const container = this.object(place.stream);
        if (isStream(container)) {
          const data = decodeStream(this, container);
          const first = Number(container.dict.get('First') ?? 0);
          const header = data.toString('latin1', 0, first).trim().split(/\s+/);
          const lexer = new Lexer(data, first + Number(header[2 * place.index + 1]));
          result = lexer.value();
        }
      }
    }
    this.cache.set(num, result);
    return result;
  }

  resolve(value: PdfValue | undefined): PdfValue {
    let current: PdfValue | PdfStream | undefined = value;
    for (let depth = 0; current instanceof PdfRef && depth < 32; depth++) current = this.object(current.num);
    if (current === undefined || isStream(current)) return null;
    return current as PdfValue;
  }

  resolveStream(value: PdfValue | undefined): PdfStream | null {
    let current: PdfValue | PdfStream | undefined = value;
    for (let depth = 0; current instanceof PdfRef && depth < 32; depth++) current = this.object(current.num);
    return current !== undefined && isStream(current) ? current : null;
  }

  catalog(): PdfDict {
    let found: PdfDict | null = null;
    const all = new Set([...this.offsets.keys(), ...this.inStreams.keys()]);
    for (const num of all) {
      const value = this.object(num);
      if (value instanceof Map && nameOf(value.get('Type')) === 'Catalog') found = value;
    }
    if (!found) throw new PdfImageError('the PDF has no catalog', 'PDF文件缺少目录对象');
    return found;
  }

  /** The pages in order, each with its inherited resources. */
  pages(): Array<{ page: PdfDict; resources: PdfDict | null }> {
    const root = this.resolve(this.catalog().get('Pages'));
    const out: Array<{ page: PdfDict; resources: PdfDict | null }> = [];
    const walk = (node: PdfValue, inherited: PdfDict | null, depth: number) => {
      if (!(node instanceof Map) || depth > 64) return;
      const own = this.resolve(node.get('Resources'));
      const resources = own instanceof Map ? own : inherited;
      const kids = this.resolve(node.get('Kids'));
      if (Array.isArray(kids) && nameOf(node.get('Type')) !== 'Page') {
        for (const kid of kids) walk(this.resolve(kid), resources, depth + 1);
      } else out.push({ page: node, resources });
    };
    walk(root, null, 0);
    return out;
  }
}

function isStream(value: unknown): value is PdfStream {
  return typeof value === 'object' && value !== null && 'dict' in value && 'data' in value;
}

export function nameOf(value: PdfValue | undefined): string | null {
  return value instanceof PdfName ? value.name : null;
}

function filters(pdf: PdfFile, dict: PdfDict): { names: string[]; parms: Array<PdfDict | null> } {
  const f = pdf.resolve(dict.get('Filter'));
  const p = pdf.resolve(dict.get('DecodeParms') ?? dict.get('DP'));
  const names = Array.isArray(f) ? f.map((v) => nameOf(pdf.resolve(v)) ?? '') : f ? [nameOf(f) ?? ''] : [];
  const parms = Array.isArray(p)
    ? p.map((v) => {
        const r = pdf.resolve(v);
        return r instanceof Map ? r : null;
      })
    : names.map(() => (p instanceof Map ? p : null));
  return { names, parms };
}

function predict(data: Buffer, parms: PdfDict | null): Buffer {
  const predictor = Number(parms?.get('Predictor') ?? 1);
  if (predictor < 10) {
    if (predictor === 2)
      throw new PdfImageError('TIFF predictor in a PDF image is not supported', '不支持PDF图像的TIFF预测器');
    return data;
  }
  const colors = Number(parms?.get('Colors') ?? 1);
  const bits = Number(parms?.get('BitsPerComponent') ?? 8);
  const columns = Number(parms?.get('Columns') ?? 1);
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)]!;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLength + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let value: number;
      switch (type) {
        case 0:
          value = raw;
          break;
        case 1:
          value = raw + left;
          break;
        case 2:
          value = raw + up;
          break;
        case 3:
          value = raw + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          throw new PdfImageError(`unknown PNG predictor ${type} in a PDF image`, 'PDF图像的预测器类型未知');
      }
      out[dst + i] = value & 0xff;
    }
  }
  return out;
}

/** A stream's data with its Flate (and ASCII hex / ASCII85-free) filters undone. */
function decodeStream(pdf: PdfFile, stream: PdfStream): Buffer {
  const { names, parms } = filters(pdf, stream.dict);
  let data = stream.data;
  names.forEach((name, i) => {
    if (name === 'FlateDecode' || name === 'Fl') data = predict(inflateSync(data), parms[i] ?? null);
    else if (name === 'ASCIIHexDecode' || name === 'AHx') {
      const hex = data.toString('latin1').replace(/[^0-9A-Fa-f]/g, '');
      data = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    } else
      throw new PdfImageError(`the PDF uses the ${name} filter, which is not read`, `不支持PDF的${name}编码`);
  });
  return data;
}

/** One page's image as encoded in the file. */
export type PdfPageImage =
  | { readonly kind: 'jpeg'; readonly bytes: Buffer; readonly width: number; readonly height: number }
  | { readonly kind: 'tiff'; readonly bytes: Buffer; readonly width: number; readonly height: number }
  | { readonly kind: 'grey'; readonly pixels: Uint8Array; readonly width: number; readonly height: number };

export interface PdfPage {
  /** The page's width in points (MediaBox), for the scan's resolution. */
  readonly widthPt: number;
  readonly heightPt: number;
  readonly image: PdfPageImage;
}

function images(pdf: PdfFile, resources: PdfDict | null, depth = 0): PdfStream[] {
  const found: PdfStream[] = [];
  const xobjects = resources ? pdf.resolve(resources.get('XObject')) : null;
  if (!(xobjects instanceof Map) || depth > 4) return found;
  for (const value of xobjects.values()) {
    const stream = pdf.resolveStream(value);
    if (!stream) continue;
    const subtype = nameOf(stream.dict.get('Subtype'));
    if (subtype === 'Image') found.push(stream);
    else if (subtype === 'Form') {
      const inner = pdf.resolve(stream.dict.get('Resources'));
      found.push(...images(pdf, inner instanceof Map ? inner : null, depth + 1));
    }
  }
  return found;
}

/** The number of pages of a PDF, and a reader for each page's image. */
export function openPdf(bytes: Buffer): { pages: number; page(index: number): PdfPage } {
  const pdf = new PdfFile(bytes);
  const pages = pdf.pages();
  return {
    pages: pages.length,
    page(index: number): PdfPage {
      const { page, resources } = pages[index]!;
      const box = pdf.resolve(page.get('MediaBox'));
      const numbers = Array.isArray(box) ? box.map((v) => Number(pdf.resolve(v))) : [0, 0, 595.28, 841.89];
      const widthPt = Math.abs(numbers[2]! - numbers[0]!);
      const heightPt = Math.abs(numbers[3]! - numbers[1]!);
      const all = images(pdf, resources);
      const size = (s: PdfStream) =>
        Number(pdf.resolve(s.dict.get('Width'))) * Number(pdf.resolve(s.dict.get('Height')));
      all.sort((a, b) => size(b) - size(a));
      if (all.length === 0) {
        throw new PdfImageError(
          `page ${index + 1} of the PDF holds no image: it is not a scan (print the ballots, mark them and scan them, or rasterise them)`,
          `PDF第${index + 1}页没有图像，不是扫描件（请打印选票后扫描，或先转为图像）`,
        );
      }
      if (all.length > 1 && size(all[1]!) > 0.1 * size(all[0]!)) {
        throw new PdfImageError(
          `page ${index + 1} of the PDF is made of ${all.length} images: scan to one image per page`,
          `PDF第${index + 1}页由${all.length}幅图像组成，请设置扫描仪每页输出一幅图像`,
        );
      }
      return { widthPt, heightPt, image: pageImage(pdf, all[0]!, index) };
    },
  };
}

function pageImage(pdf: PdfFile, stream: PdfStream, index: number): PdfPageImage {
  const dict = stream.dict;
  const width = Number(pdf.resolve(dict.get('Width')));
  const height = Number(pdf.resolve(dict.get('Height')));
  const { names, parms } = filters(pdf, dict);
  const last = names.at(-1) ?? '';
  const decode = pdf.resolve(dict.get('Decode'));
  const inverted = Array.isArray(decode) && Number(decode[0]) === 1 && Number(decode[1]) === 0;
  if (last === 'DCTDecode' || last === 'DCT') {
    if (names.length > 1)
      throw new PdfImageError('a JPEG inside another filter is not read', '不支持嵌套编码的JPEG图像');
    return { kind: 'jpeg', bytes: Buffer.from(stream.data), width, height };
  }
  if (last === 'CCITTFaxDecode' || last === 'CCF') {
    const p = parms.at(-1) ?? null;
    const k = Number(p?.get('K') ?? 0);
    const blackIs1 = p?.get('BlackIs1') === true;
    const aligned = p?.get('EncodedByteAlign') === true;
    const columns = Number(p?.get('Columns') ?? width);
    return {
      kind: 'tiff',
      bytes: ccittTiff(stream.data, columns, height, k, aligned, blackIs1 !== inverted),
      width,
      height,
    };
  }
  if (last === 'JBIG2Decode' || last === 'JPXDecode') {
    const format = last === 'JBIG2Decode' ? 'JBIG2' : 'JPEG 2000';
    throw new PdfImageError(
      `page ${index + 1} of the PDF is a ${format} image, which Plenum does not read: scan to PDF with JPEG, or to TIFF, PNG or JPEG`,
      `PDF第${index + 1}页为${format}图像，无法读取：请将扫描仪设为JPEG压缩的PDF，或TIFF、PNG、JPEG格式`,
    );
  }
  const data = decodeStream(pdf, stream);
  const bits = Number(pdf.resolve(dict.get('BitsPerComponent')) ?? 8) || 1;
  const mask = pdf.resolve(dict.get('ImageMask')) === true;
  const space = colourSpace(pdf, mask ? new PdfName('DeviceGray') : pdf.resolve(dict.get('ColorSpace')));
  const pixels = new Uint8Array(width * height);
  const rowBits = width * space.components * (mask ? 1 : bits);
  const rowBytes = Math.ceil(rowBits / 8);
  const max = (1 << (mask ? 1 : bits)) - 1;
  const sample = (row: number, i: number): number => {
    const b = mask ? 1 : bits;
    if (b === 8) return data[row * rowBytes + i] ?? 0;
    if (b === 16) return data[row * rowBytes + 2 * i] ?? 0;
    const bit = i * b;
    const byte = data[row * rowBytes + (bit >> 3)] ?? 0;
    return (byte >> (8 - b - (bit & 7))) & max;
  };
  const scale = bits === 16 ? 255 : 255 / max;
  // The usual scans: 8-bit grey or RGB, read directly.
  if (!mask && bits === 8 && (space.kind === 'gray' || space.kind === 'rgb')) {
    const c = space.components;
    for (let y = 0; y < height; y++) {
      const row = y * rowBytes;
      for (let x = 0; x < width; x++) {
        const at = row + x * c;
        let grey =
          c === 1 ? data[at]! : (77 * data[at]! + 150 * data[at + 1]! + 29 * data[at + 2]! + 128) >> 8;
        if (inverted) grey = 255 - grey;
        pixels[y * width + x] = grey;
      }
    }
    return { kind: 'grey', pixels, width, height };
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const values: number[] = [];
      for (let c = 0; c < space.components; c++) values.push(sample(y, x * space.components + c));
      let grey = space.grey(values, scale);
      if (inverted) grey = 255 - grey;
      pixels[y * width + x] = grey;
    }
  }
  return { kind: 'grey', pixels, width, height };
}

interface ColourSpace {
  readonly kind?: 'gray' | 'rgb';
  readonly components: number;
  grey(values: readonly number[], scale: number): number;
}

function luma(r: number, g: number, b: number): number {
  return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
}

function colourSpace(pdf: PdfFile, value: PdfValue): ColourSpace {
  const name = nameOf(value);
  if (name === 'DeviceGray' || name === 'G' || name === 'CalGray')
    return { kind: 'gray', components: 1, grey: (v, s) => Math.round(v[0]! * s) };
  if (name === 'DeviceRGB' || name === 'RGB' || name === 'CalRGB')
    return { kind: 'rgb', components: 3, grey: (v, s) => luma(v[0]! * s, v[1]! * s, v[2]! * s) };
  if (name === 'DeviceCMYK' || name === 'CMYK') {
    return {
      components: 4,
      grey: (v, s) => {
        const [c, m, y, k] = v.map((x) => (x * s) / 255) as [number, number, number, number];
        return luma(255 * (1 - c) * (1 - k), 255 * (1 - m) * (1 - k), 255 * (1 - y) * (1 - k));
      },
    };
  }
  if (Array.isArray(value)) {
    const kind = nameOf(pdf.resolve(value[0]));
    if (kind === 'ICCBased') {
      const stream = pdf.resolveStream(value[1]);
      const n = Number(pdf.resolve(stream?.dict.get('N')) ?? 3);
      return colourSpace(pdf, new PdfName(n === 1 ? 'DeviceGray' : n === 4 ? 'DeviceCMYK' : 'DeviceRGB'));
    }
    if (kind === 'CalGray' || kind === 'CalRGB') return colourSpace(pdf, new PdfName(kind));
    if (kind === 'Indexed' || kind === 'I') {
      const base = colourSpace(pdf, pdf.resolve(value[1]));
      const lookupValue = value[3];
      const lookupStream = pdf.resolveStream(lookupValue);
      const lookup = lookupStream ? decodeStream(pdf, lookupStream) : (pdf.resolve(lookupValue) as Buffer);
      return {
        components: 1,
        grey: (v) => {
          const index = v[0]!;
          const entry = [...lookup.subarray(index * base.components, (index + 1) * base.components)];
          return base.grey(entry, 1);
        },
      };
    }
  }
  throw new PdfImageError(
    'the PDF image uses a colour space Plenum does not read',
    '不支持PDF图像的颜色空间',
  );
}

/** A one-strip TIFF around CCITT fax data, so that libtiff (inside sharp) decodes it. */
export function ccittTiff(
  data: Buffer,
  width: number,
  height: number,
  k: number,
  byteAligned: boolean,
  invert: boolean,
): Buffer {
  const entries: Array<[number, number, number, number]> = [
    [256, 4, 1, width],
    [257, 4, 1, height],
    [258, 3, 1, 1],
    [259, 3, 1, k < 0 ? 4 : 3],
    // WhiteIsZero is how fax data is drawn (white runs white); BlackIsZero when the PDF inverts it.
    [262, 3, 1, invert ? 1 : 0],
    [273, 4, 1, 0],
    [277, 3, 1, 1],
    [278, 4, 1, height],
    [279, 4, 1, data.length],
  ];
  if (k >= 0) entries.push([292, 4, 1, (k > 0 ? 1 : 0) | (byteAligned ? 4 : 0)]);
  const ifdSize = 2 + entries.length * 12 + 4;
  const header = Buffer.alloc(8 + ifdSize);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  header.writeUInt32LE(8, 4);
  header.writeUInt16LE(entries.length, 8);
  const dataOffset = 8 + ifdSize;
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    header.writeUInt16LE(tag, at);
    header.writeUInt16LE(type, at + 2);
    header.writeUInt32LE(count, at + 4);
    const v = tag === 273 ? dataOffset : value;
    if (type === 3) header.writeUInt16LE(v, at + 8);
    else header.writeUInt32LE(v, at + 8);
  });
  header.writeUInt32LE(0, 10 + entries.length * 12);
  return Buffer.concat([header, data]);
}
