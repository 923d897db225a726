/**
 * The record cannot give the announcement asked for (a congress without an opening sitting, a
 * communiqué of a plenary that is not the first): in English and Chinese, with a stable code.
 */
export class NewsError extends Error {
  constructor(
    readonly code: string,
    readonly en: string,
    readonly zh: string,
  ) {
    super(en);
    this.name = 'NewsError';
  }
}
