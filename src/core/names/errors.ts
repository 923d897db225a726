/**
 * §7: a character outside the stroke data is an explicit error naming it, never a silent guess.
 * `nameText` is the name exactly as it was given (annotations and padding included), so a caller
 * can find the line or field it came from.
 */
export class UnknownCharacterError extends Error {
  readonly character: string;
  readonly nameText: string;

  constructor(character: string, nameText: string) {
    const codePoint = `U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
    super(
      `No stroke data for the character “${character}” (${codePoint}) in “${nameText}”; ` +
        `“${nameText}”中的“${character}”字没有笔画数据`,
    );
    this.name = 'UnknownCharacterError';
    this.character = character;
    this.nameText = nameText;
  }
}
