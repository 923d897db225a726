import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/persistence/canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: [{ z: 1, y: '二' }], a: null })).toBe('{"a":null,"b":[{"y":"二","z":1}]}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('writes dates as ISO text and leaves undefined properties out', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2025, 5, 1)), gone: undefined })).toBe(
      '{"at":"2025-06-01T00:00:00.000Z"}',
    );
  });

  it('refuses values JSON would change silently', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/\$\.n: NaN/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson(new Map())).toThrow(/Map/);
    expect(() => canonicalJson([undefined])).toThrow(/\$\[0\]/);
  });
});
