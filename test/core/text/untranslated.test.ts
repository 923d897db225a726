import { describe, expect, it } from 'vitest';
import { hasUntranslated, untranslatedSpans } from '../../../src/core/text/untranslated.ts';

describe('Chinese left in an English draft', () => {
  it('finds nothing in English', () => {
    expect(
      untranslatedSpans('The 6th CPC Tongliao Municipal Congress opens — “Two Firsts”, 27–29 September.'),
    ).toEqual([]);
    expect(hasUntranslated('On 2 February, the Standing Committee held a meeting.')).toBe(false);
    expect(untranslatedSpans('')).toEqual([]);
  });

  it('gives each run with its offsets, quotes and English around it left out', () => {
    const text =
      'Meng Xiandong delivered a report entitled “聚焦绿色转型 聚力高质量发展” and “为加快建设而奋斗”.';
    const spans = untranslatedSpans(text);
    expect(spans.map((s) => s.text)).toEqual(['聚焦绿色转型 聚力高质量发展', '为加快建设而奋斗']);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(spans[0]!.start).toBe(text.indexOf('聚'));
    expect(hasUntranslated(text)).toBe(true);
  });

  it('a run spans digits and spaces between Chinese, never those after it', () => {
    expect(untranslatedSpans('x 应到代表 417 名 y').map((s) => s.text)).toEqual(['应到代表 417 名']);
    expect(untranslatedSpans('市委 2 members').map((s) => s.text)).toEqual(['市委']);
  });

  it('full-width punctuation and CJK symbols count as Chinese', () => {
    expect(untranslatedSpans('members（候补委员），and more')).toEqual([
      { start: 7, end: 14, text: '（候补委员），' },
    ]);
    expect(untranslatedSpans('see 《决定》 now').map((s) => s.text)).toEqual(['《决定》']);
    expect(untranslatedSpans('a、b').map((s) => s.text)).toEqual(['、']);
  });

  it('offsets count UTF-16 code units, as String.prototype.slice does', () => {
    const text = 'name 𠀾中 here';
    const [span] = untranslatedSpans(text);
    expect(span).toEqual({ start: 5, end: 8, text: '𠀾中' });
    expect(text.slice(span!.start, span!.end)).toBe('𠀾中');
  });
});
