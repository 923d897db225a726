import { describe, expect, it } from 'vitest';
import { disciplineStandingOrder } from '../../../src/services/elections/first-plenary.ts';

describe('the discipline commission standing committee as published', () => {
  it('[T7] lists the secretary and the deputies first, the others by surname strokes, however typed', () => {
    expect(
      disciplineStandingOrder({
        standingMembers: ['赵伟勇', '黄伟', '王宁', '亢永强', '丁一'],
        secretary: '亢永强',
        deputies: ['黄伟'],
      }),
    ).toEqual(['亢永强', '黄伟', '丁一', '王宁', '赵伟勇']);
  });
});
