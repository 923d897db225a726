import type { SittingKind } from '../../contract/procedure.ts';

// What each kind of sitting (会次) is called (the kinds: src/contract/procedure.ts).

/** What each kind of sitting is called, and its title when none is given. */
export const SITTING_NAMES: Readonly<Record<SittingKind, string>> = {
  preparatory: '预备会议',
  opening: '开幕大会',
  plenary: '全体会议',
  closing: '闭幕大会',
  presidium: '主席团会议',
  'delegation-discussion': '代表团讨论',
};
