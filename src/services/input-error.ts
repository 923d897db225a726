/**
 * Input that cannot be used: names the field and says what is wrong, in English and Chinese.
 * The CLI prints it as one line and exits 2; the HTTP layer answers 400 with both texts.
 */
export class InputError extends Error {
  constructor(
    readonly field: string,
    readonly en: string,
    readonly zh: string,
  ) {
    super(`${field}: ${en}`);
  }

  /** One line, both languages: `seats: must be at least 1（不得小于1）`. */
  line(): string {
    return `${this.field}: ${this.en}（${this.zh}）`.replace(/[\r\n]+/g, ' ');
  }
}
