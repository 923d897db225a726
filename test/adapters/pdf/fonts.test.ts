import { describe, expect, it } from 'vitest';
import { defaultFonts, findFallback, primaryFonts, renderPdf } from '../../../src/adapters/pdf/index.ts';
import { buildBallot } from '../../../src/core/documents/index.ts';
import { compact, pdfInfo, pdfText, savePreview } from './pdf-tools.ts';

// Noto Sans SC from node_modules for all text; a rarer character (𠮷 U+20BB7, CJK Extension B)
// from the fallback face when one is installed; otherwise kept, drawn as a box, and reported.

const ballot = buildBallot({
  congressTitle: '中国共产党示范县第五次代表大会',
  electionTitle: '示范县总工会委员',
  office: 'other',
  round: { id: 'RfontsTest01', seq: 1, kind: 'formal', seats: 2, advance: null },
  candidates: ['𠮷田', '王宁', '丁小强'],
  writeInsAllowed: false,
  sheets: { first: 1, count: 1 },
});
const createdAt = new Date('2026-09-27T01:00:00.000Z');

describe('fonts', () => {
  it('uses Noto Sans SC from the npm package, never a system font', () => {
    const { regular, bold } = primaryFonts();
    expect(regular.path).toMatch(
      /node_modules\/@expo-google-fonts\/noto-sans-sc\/400Regular\/NotoSansSC_400Regular\.ttf$/,
    );
    expect(bold.path).toMatch(/700Bold\/NotoSansSC_700Bold\.ttf$/);
    expect(defaultFonts().primary).toEqual(primaryFonts());
  });

  it('draws a character Noto Sans SC lacks with the fallback face, when one is installed', async (context) => {
    const fallback = findFallback();
    if (!fallback) context.skip();
    const rendered = await renderPdf(ballot, { createdAt, fonts: { primary: primaryFonts(), fallback } });
    savePreview(rendered.pdf, 'fonts-fallback');
    expect(rendered.warnings).toEqual([]);
    expect(compact(pdfText(rendered.pdf))).toContain('𠮷田');
  });

  it('without a fallback keeps the character, draws a box and records a warning in the metadata', async () => {
    const rendered = await renderPdf(ballot, {
      createdAt,
      fonts: { primary: primaryFonts(), fallback: null },
    });
    savePreview(rendered.pdf, 'fonts-missing');
    expect(rendered.warnings).toHaveLength(1);
    expect(rendered.warnings[0]).toContain('U+20BB7');
    expect(pdfInfo(rendered.pdf)).toMatch(/PlenumWarnings:\s+no glyph for U\+20BB7/u);
    // The rest of the name and the other names are there as text.
    const text = compact(pdfText(rendered.pdf));
    expect(text).toContain('田');
    expect(text).toContain('王宁');
  });

  it('sets the metadata: title, subject, author, the caller’s date', async () => {
    const rendered = await renderPdf(ballot, {
      createdAt,
      fonts: { primary: primaryFonts(), fallback: null },
    });
    const info = pdfInfo(rendered.pdf);
    expect(info).toMatch(/Title:\s+示范县总工会委员选举票/u);
    expect(info).toMatch(/Subject:\s+选举票/u);
    expect(info).toMatch(/Author:\s+Plenum/u);
    expect(info).toMatch(/CreationDate:.*2026/u);
  });
});
