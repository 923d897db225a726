// Canonical JSON: the same value always gives the same text, whatever order its object keys were
// built in, so a hash over it can be recomputed by anyone from the stored text. Object keys are
// sorted by UTF-16 code units (Array#sort), there is no whitespace, and strings and numbers are
// written as JSON.stringify writes them. Values JSON cannot represent faithfully (NaN, Infinity,
// bigint, Map, Set, functions, undefined inside arrays) are refused rather than silently changed;
// undefined object properties are left out, as JSON.stringify does.

export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`${path}: a ${typeof value} has no JSON form`);
  }
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return write(withToJson.toJSON(), path);
  if (Array.isArray(value)) {
    return `[${value.map((item, index) => write(item, `${path}[${index}]`)).join(',')}]`;
  }
  if (value instanceof Map || value instanceof Set) {
    throw new TypeError(`${path}: a ${value.constructor.name} has no JSON form; convert it first`);
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`);
  return `{${members.join(',')}}`;
}
