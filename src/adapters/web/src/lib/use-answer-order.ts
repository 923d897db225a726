import { useState } from 'react';
import { AnswerOrder } from './answer-order.ts';

/** One AnswerOrder (answer-order.ts) for the life of a component: made once, not on every render. */
export function useAnswerOrder(): AnswerOrder {
  return useState(() => new AnswerOrder())[0];
}
