import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Fonts of printed documents. The text face is Noto Sans SC (Regular and Bold) from the npm
// package @expo-google-fonts/noto-sans-sc, resolved by path through the module resolver — never a
// system font, so every installation prints the same pages. Noto Sans SC covers GB 18030's
// common characters but not every rare one in people's names (𠮷 U+20BB7, for one); for those a
// fallback face is used when one is installed: Debian's fonts-noto-cjk (Noto Sans CJK SC in a
// .ttc), which covers CJK Extension B. Characters neither face has are kept in the text (so it is
// still extractable and searchable) and drawn with the primary face's missing-glyph box; the
// document records a warning naming the code point (see canvas.ts).

export type Weight = 'regular' | 'bold';

/** A font file; `family` names the face inside a collection (.ttc). */
export interface FontSource {
  readonly path: string;
  readonly family?: string;
}

export type FontPair = Readonly<Record<Weight, FontSource>>;

export interface FontFiles {
  readonly primary: FontPair;
  /** Faces for characters the primary lacks; null when none is installed. */
  readonly fallback: FontPair | null;
}

const require = createRequire(import.meta.url);

/** Noto Sans SC Regular and Bold from node_modules. */
export function primaryFonts(): FontPair {
  return {
    regular: {
      path: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
    },
    bold: { path: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf') },
  };
}

/** Where fallback faces are looked for, in order: Debian and Ubuntu's fonts-noto-cjk. */
export const FALLBACK_CANDIDATES: readonly FontPair[] = [
  {
    regular: {
      path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      family: 'NotoSansCJKsc-Regular',
    },
    bold: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'NotoSansCJKsc-Bold' },
  },
  {
    regular: { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
    bold: { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc', family: 'NotoSansCJKsc-Bold' },
  },
];

/** The first installed fallback; a missing bold file borrows the regular one. */
export function findFallback(candidates: readonly FontPair[] = FALLBACK_CANDIDATES): FontPair | null {
  for (const pair of candidates) {
    if (!existsSync(pair.regular.path)) continue;
    return { regular: pair.regular, bold: existsSync(pair.bold.path) ? pair.bold : pair.regular };
  }
  return null;
}

let defaults: FontFiles | undefined;

/** The fonts every document uses unless a caller passes its own (tests do, to drop the fallback). */
export function defaultFonts(): FontFiles {
  defaults ??= { primary: primaryFonts(), fallback: findFallback() };
  return defaults;
}

const bytes = new Map<string, Buffer>();

/** A font file's bytes, read once per process (the faces are 10–20 MB; pdfkit subsets what it embeds). */
export function fontBytes(path: string): Buffer {
  let buffer = bytes.get(path);
  if (!buffer) {
    buffer = readFileSync(path);
    bytes.set(path, buffer);
  }
  return buffer;
}
