import { parseEthnicity, parseGender } from '../text/gender-ethnicity.ts';

// Names as printed lists and ballots show them. A two-character name takes a full-width space
// between its characters (王　宁) so that it lines up with three-character names in a column;
// annotations in brackets — （女）, （回族）, （女，回族） — follow the name.

export const IDEOGRAPHIC_SPACE = '\u3000';

const OPENING_BRACKETS = ['（', '('];

/** 王宁（女） → { name: 王宁, annotation: （女） }; the padding of an entered name is dropped. */
export function splitAnnotation(text: string): { name: string; annotation: string | null } {
  const trimmed = text.trim();
  const positions = OPENING_BRACKETS.map((b) => trimmed.indexOf(b)).filter((i) => i > 0);
  const at = positions.length > 0 ? Math.min(...positions) : -1;
  const name = (at === -1 ? trimmed : trimmed.slice(0, at)).replace(/\s+/gu, '');
  const annotation = at === -1 ? null : trimmed.slice(at).trim();
  return { name, annotation: annotation === '' ? null : annotation };
}

/** A character of a name proper: not a separator (阿不都·热合曼) nor a Latin letter. */
function isHanCharacter(character: string): boolean {
  return /\p{Script=Han}/u.test(character);
}

/**
 * The name padded as the press prints it: 王宁 → 王　宁; three characters and more, and names
 * with a separator or Latin letters, are left as they are. Annotations stay after the name.
 */
export function pressName(text: string): string {
  const { name, annotation } = splitAnnotation(text);
  const characters = [...name];
  const padded =
    characters.length === 2 && characters.every(isHanCharacter)
      ? `${characters[0]}${IDEOGRAPHIC_SPACE}${characters[1]}`
      : name;
  return padded + (annotation ?? '');
}

/**
 * The annotation a list prints after a name: （女） for a woman, the ethnic group for anyone not
 * Han (（回族）), both together as （女，回族）. Null when there is nothing to say.
 */
export function personAnnotation(person: {
  readonly gender?: string | null;
  readonly ethnicity?: string | null;
}): string | null {
  const parts: string[] = [];
  if (person.gender && parseGender(person.gender) === 'female') parts.push('女');
  const ethnicity = person.ethnicity ? parseEthnicity(person.ethnicity) : undefined;
  if (ethnicity && ethnicity !== '汉族') parts.push(ethnicity);
  return parts.length > 0 ? `（${parts.join('，')}）` : null;
}

/** The name with its annotation, unless the entered name already carries one. */
export function annotatedName(
  text: string,
  person: { readonly gender?: string | null; readonly ethnicity?: string | null },
): string {
  if (splitAnnotation(text).annotation !== null) return text.trim();
  return text.trim() + (personAnnotation(person) ?? '');
}

/**
 * How many names a row of a printed list holds: six, five when annotations follow names. A name
 * too long for one column (a transliterated name with its annotation) takes two.
 */
export function namesPerRow(names: readonly string[]): number {
  return names.some((name) => splitAnnotation(name).annotation !== null) ? 5 : 6;
}
