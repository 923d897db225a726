import { InputError } from './input-error.ts';

// JSON that arrives as text (an HTTP body, the CLI's stdin) is checked before JSON.parse and zod see
// it: their recursion would overflow the stack on input nested 100,000 deep (a 500, or exit 1),
// where the answer must be "unusable input" (400, or exit 2) in both languages.

/** Deeper than any document Plenum reads (a congress export nests about 8 levels). */
export const MAX_JSON_DEPTH = 64;

/** Scans the text once, without recursion, and refuses nesting deeper than `max`. */
export function checkJsonDepth(text: string, max: number = MAX_JSON_DEPTH, field = 'stdin'): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (inString) {
      if (unit === 0x5c)
        i++; // backslash: skip the escaped character
      else if (unit === 0x22) inString = false;
    } else if (unit === 0x22) {
      inString = true;
    } else if (unit === 0x5b || unit === 0x7b) {
      depth++;
      if (depth > max) {
        throw new InputError(
          field,
          `JSON nested more than ${max} levels deep (at character ${i + 1})`,
          `JSON 嵌套超过${max}层，见第${i + 1}个字符`,
        );
      }
    } else if (unit === 0x5d || unit === 0x7d) {
      depth--;
    }
  }
}

/**
 * Parses JSON text that passed the depth check; malformed text and keys that would reach an
 * object's prototype (__proto__, constructor.prototype) are an InputError naming the field.
 */
export function parseJsonText(text: string, field = 'body'): unknown {
  checkJsonDepth(text, MAX_JSON_DEPTH, field);
  try {
    return JSON.parse(text, (key, value) => {
      if (
        key === '__proto__' ||
        (key === 'constructor' && value && typeof value === 'object' && 'prototype' in value)
      ) {
        throw new InputError(field, `the key "${key}" is not accepted`, `不接受键名“${key}”`);
      }
      return value;
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(field, 'is not valid JSON', '不是有效的 JSON');
  }
}
