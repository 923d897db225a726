import * as z from 'zod';
import { nameProblem, normaliseName, normalisePersonName } from '../core/text/person-name.ts';

// Shapes many endpoints share: ids in paths, bilingual texts, dates.

/** An id in a path or a body: opaque text, bounded. */
export const id = z.string().trim().min(1).max(64);

export const congressParams = z.strictObject({ congressId: id });
export const sittingParams = z.strictObject({ congressId: id, sittingId: id });
export const electionParams = z.strictObject({ congressId: id, electionId: id });
export const roundParams = z.strictObject({ congressId: id, roundId: id });

/** A text the interface shows in the reader's language. */
export const bilingualSchema = z.object({ en: z.string(), zh: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;

/** An instant, as the server stores it: ISO 8601 in UTC (`2026-12-04T01:30:00.000Z`). */
export const instant = z.string();
/** A calendar date, `2026-12-04`. */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Text typed by a person: trimmed, at most `max` characters. */
export const shortText = (max: number) => z.string().trim().min(1).max(max);

/**
 * A name as every way into Plenum takes it (issue 13, item 12; src/core/text/person-name.ts):
 * refused if it holds control, text-direction or invisible characters, unpaired surrogates or
 * markup (with the reason in both languages), then normalised. The delegate import applies the
 * same functions to the names in a file.
 */
function checkedName(normalise: (text: string) => string, max: number, min: number) {
  return z
    .string()
    .max(max * 4)
    .superRefine((value, ctx) => {
      const problem = nameProblem(value);
      if (problem)
        ctx.addIssue({ code: 'custom', message: problem.en, params: { zh: problem.zh }, input: value });
    })
    .overwrite(normalise)
    .min(min)
    .max(max);
}

/** A person's name: 王宁 (spaces in a Chinese name dropped, its middle dot unified), John Smith. */
export const personName = (max: number, options: { allowEmpty?: boolean } = {}) =>
  checkedName(normalisePersonName, max, options.allowEmpty ? 0 : 1);

/** The name of a unit, a delegation, an organisation; or names as a programme writes them. */
export const nameText = (max: number, options: { allowEmpty?: boolean } = {}) =>
  checkedName(normaliseName, max, options.allowEmpty ? 0 : 1);
