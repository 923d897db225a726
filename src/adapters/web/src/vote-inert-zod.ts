// What the light voting page's build (vite.vote.config.ts) puts in the place of zod. The phone
// never validates: the contract's schemas are there for the server, which checks every request
// and answer, and for the compiler. The page needs of the contract only the endpoints' methods
// and paths, and one list read from a schema at load time (events.ts: STREAM_EVENT_TYPES, from
// the union's options, each object's shape, each literal's value). So every schema here is inert:
// a constructor keeps what it was given under the names zod uses, any method returns the schema
// itself. This saves about a third of the page's bytes (zod and the schemas it would build).
// test/adapters/web/vote-inert-zod.test.ts checks that every z.* the contract uses is here and
// that the contract read through it gives the same stream event types.

type Fields = Record<string, unknown>;

/** An inert schema: the given fields, and every other property a method returning the schema. */
function inert(fields: Fields = {}): unknown {
  const target = Object.assign(() => undefined, fields);
  const schema: unknown = new Proxy(target, {
    get(_target, key) {
      if (key in fields) return fields[key as string];
      if (typeof key === 'symbol') return undefined;
      // A method call (.optional(), .min(1), .extend({…}), .refine(…)) is the same schema.
      return () => schema;
    },
  });
  return schema;
}

const plain = () => inert();

export const string = plain;
export const number = plain;
export const boolean = plain;
export const unknown = plain;
export const any = plain;
export const bigint = plain;
export const date = plain;
export const never = plain;
export const nullish = plain;
export const int = plain;
export const email = plain;
export const url = plain;
export const uuid = plain;
const nullSchema = plain;
const undefinedSchema = plain;
const voidSchema = plain;

export { nullSchema as null, undefinedSchema as undefined, voidSchema as void };

export const literal = (value: unknown) => inert({ value, values: new Set([value]) });
export const object = (shape: Fields = {}) => inert({ shape });
export const strictObject = object;
export const looseObject = object;
export const array = (element: unknown) => inert({ element });
export const union = (options: readonly unknown[]) => inert({ options });
export const discriminatedUnion = (_key: string, options: readonly unknown[]) => inert({ options });
export const intersection = plain;
export const tuple = plain;
export const record = plain;
export const partialRecord = plain;
export const map = plain;
export const set = plain;
export const optional = plain;
export const nullable = plain;
export const lazy = plain;
export const custom = plain;
export const preprocess = plain;
export const pipe = plain;
export const transform = plain;
export const instanceof_ = plain;
export { instanceof_ as instanceof };

/** z.enum(['a', 'b']): its options and its enum object, as zod gives them. */
function enumSchema(values: readonly string[]) {
  return inert({ options: [...values], enum: Object.fromEntries(values.map((v) => [v, v])) });
}

export { enumSchema as enum };

export const coerce = { string: plain, number: plain, boolean: plain, bigint: plain, date: plain };
export const iso = { datetime: plain, date: plain, time: plain, duration: plain };

/** Only for types and instanceof, which the phone never asks. */
export class ZodType {}
