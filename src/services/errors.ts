/**
 * A request the rules or the state of the congress refuse. Carries the rule id when a rule of
 * election-rules.md is the reason, and a message in both languages; the HTTP layer maps `status`.
 */
export class ServiceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 429,
    readonly code: string,
    readonly en: string,
    readonly zh: string,
    readonly rule?: string,
  ) {
    super(`${rule ? `[${rule}] ` : ''}${en}`);
  }
}

export const notFound = (what: string, zh: string) =>
  new ServiceError(404, 'not-found', `${what} not found`, `${zh}不存在`);

export const conflict = (code: string, en: string, zh: string) => new ServiceError(409, code, en, zh);

/** A rule of election-rules.md refuses the request. */
export const ruleViolation = (rule: string, en: string, zh: string) =>
  new ServiceError(422, 'rule-violation', en, zh, rule);

export const forbidden = (en = 'not allowed', zh = '无权进行此操作') =>
  new ServiceError(403, 'forbidden', en, zh);
