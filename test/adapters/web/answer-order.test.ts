import { describe, expect, it } from 'vitest';
import { AnswerOrder } from '../../../src/adapters/web/src/lib/answer-order.ts';

// Answers to repeated requests are applied in the order the requests began, and never over a
// value an event brought after them.

describe('AnswerOrder', () => {
  it('drops an answer that arrives after the answer to a request begun later', () => {
    const order = new AnswerOrder();
    const early = order.begin();
    const late = order.begin();
    expect(order.accept(late)).toBe(true);
    expect(order.current(early)).toBe(false);
    expect(order.accept(early)).toBe(false);
  });

  it('takes answers arriving in order, each in turn', () => {
    const order = new AnswerOrder();
    const first = order.begin();
    const second = order.begin();
    expect(order.accept(first)).toBe(true);
    expect(order.accept(second)).toBe(true);
  });

  it('drops answers to requests begun before a pushed value, keeps those begun after', () => {
    const order = new AnswerOrder();
    const before = order.begin();
    order.pushed();
    const after = order.begin();
    expect(order.accept(before)).toBe(false);
    expect(order.accept(after)).toBe(true);
  });
});
