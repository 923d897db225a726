import type { z } from 'zod';
import { InputError } from './input-error.ts';

/**
 * Parses untrusted JSON against a schema: the data, or an InputError naming the first bad field.
 * Keys named __proto__ are refused first, because a parsed object would silently drop them.
 */
export function parseInput<T extends z.ZodType>(schema: T, data: unknown, root = ''): z.output<T> {
  const prototypeKey = findPrototypeKey(data, []);
  if (prototypeKey) throw new InputError(fieldPath(prototypeKey, root), 'unknown field', '未知字段');
  // reportInput: zod 4 leaves the offending value off its issues unless asked, and we need it
  // to tell a missing field from a wrong one.
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw inputErrorFromZod(parsed.error, root);
  return parsed.data;
}

function findPrototypeKey(data: unknown, path: PropertyKey[]): PropertyKey[] | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  for (const key of Object.keys(data)) {
    if (key === '__proto__') return [...path, key];
    const found = findPrototypeKey((data as Record<string, unknown>)[key], [
      ...path,
      Array.isArray(data) ? Number(key) : key,
    ]);
    if (found) return found;
  }
  return undefined;
}

/** `ballots[2].marks.王宁` from a zod path. */
export function fieldPath(path: readonly PropertyKey[], root = ''): string {
  let text = root;
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(input)' : text;
}

/** Turns zod's first issue into an InputError naming the field, in English and Chinese. */
export function inputErrorFromZod(error: z.ZodError, root = ''): InputError {
  const issue = error.issues[0]!;
  const field = fieldPath(issue.path, root);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      return new InputError(fieldPath([...issue.path, key], root), 'unknown field', '未知字段');
    }
    case 'invalid_type': {
      if (issue.input === undefined) return new InputError(field, 'is required', '必须填写');
      return new InputError(field, `must be ${articleFor(issue.expected)}`, `应为${typeZh(issue.expected)}`);
    }
    case 'too_small': {
      if (issue.origin === 'array')
        return new InputError(
          field,
          `must have at least ${issue.minimum} item(s)`,
          `至少应有${issue.minimum}项`,
        );
      if (issue.origin === 'string') return new InputError(field, 'must not be empty', '不能为空');
      return new InputError(field, `must be at least ${issue.minimum}`, `不得小于${issue.minimum}`);
    }
    case 'too_big': {
      if (issue.origin === 'string')
        return new InputError(
          field,
          `must be at most ${issue.maximum} characters`,
          `不得超过${issue.maximum}个字符`,
        );
      return new InputError(field, `must be at most ${issue.maximum}`, `不得大于${issue.maximum}`);
    }
    case 'invalid_value': {
      const choices = issue.values.map(String).join(' | ');
      return new InputError(field, `must be one of ${choices}`, `应为以下之一：${choices}`);
    }
    case 'invalid_format':
      return new InputError(field, `is not a valid ${issue.format}`, '格式不正确');
    default: {
      // A refinement that says what is wrong in Chinese too passes it as params.zh (common.ts).
      const zh = (issue as { params?: { zh?: unknown } }).params?.zh;
      return new InputError(field, issue.message, typeof zh === 'string' ? zh : '输入不正确');
    }
  }
}

function articleFor(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'an array';
  return `a ${expected}`;
}

function typeZh(expected: string): string {
  const names: Record<string, string> = {
    number: '数字',
    int: '整数',
    string: '文本',
    boolean: '布尔值（true 或 false）',
    object: '对象',
    array: '数组',
  };
  return names[expected] ?? expected;
}
