import { describe, expect, it } from 'vitest';
import { checkJsonDepth, MAX_JSON_DEPTH, splitLines } from '../../../src/adapters/cli/io.ts';
import { InputError } from '../../../src/services/input-error.ts';

describe('checkJsonDepth: nesting is refused before JSON.parse or zod can overflow the stack', () => {
  it('accepts the depth it allows and refuses one more, as an InputError naming stdin', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(() => checkJsonDepth(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => checkJsonDepth(nested(MAX_JSON_DEPTH + 1))).toThrow(InputError);
    try {
      checkJsonDepth(nested(100_000));
    } catch (error) {
      expect((error as InputError).field).toBe('stdin');
      expect((error as InputError).line()).not.toMatch(/[\r\n]/);
    }
  });

  it('counts only brackets outside strings, escaped quotes included', () => {
    const text = JSON.stringify({ name: `${'['.repeat(1000)}"\\{` });
    expect(() => checkJsonDepth(text)).not.toThrow();
    expect(() => checkJsonDepth('{"a":[{"b":{"c":[1,2,{"d":"]]]]"}]}}]}', 6)).not.toThrow();
    expect(() => checkJsonDepth('{"a":[{"b":{"c":[1,2,{"d":"]]]]"}]}}]}', 5)).toThrow(InputError);
  });
});

describe('splitLines', () => {
  it('splits at CR LF, LF and a lone CR alike', () => {
    expect(splitLines('a\r\nb\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('a\r\rb')).toEqual(['a', '', 'b']);
    expect(splitLines('')).toEqual(['']);
  });
});
