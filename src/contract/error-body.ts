import * as z from 'zod';

/** Every refusal: a code for programs, the words for people in English and Chinese. */
export const errorBodySchema = z.object({
  code: z.string(),
  en: z.string(),
  zh: z.string(),
  /** The input field at fault: `body.seats`, `query.q`. */
  field: z.string().optional(),
  /** The rule the request would break: `[T1]`. */
  rule: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The body of every 4xx and 5xx answer. Some refusals add detail beside `error` (an import's preview). */
export const errorResponseSchema = z.object({ error: errorBodySchema });
