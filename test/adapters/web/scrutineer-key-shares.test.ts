import { describe, expect, it } from 'vitest';
import {
  countWaitsForShares,
  groupedCode,
  keyCardState,
  SHARE_CODE_LENGTH,
  sharesStillNeeded,
  sharesToSend,
  typedShares,
} from '../../../src/adapters/web/src/pages/scrutineer/key-shares-logic.ts';
import { round } from './hall-fixtures.ts';

// [B4] The scrutineers type (or scan) the shares of a closed electronic round's key: what the box
// reads as share codes, and what the card says of the key.

/** A well-formed code as printed: 59 characters of the share alphabet, in groups of four. */
const CODE = 'K7QH2M9PABCDEFGHJKMNPQRSTUVWXYZ23456789ABCDEFGHJKMNPQRSTUVW';
const printed = groupedCode(CODE);

describe('the shares typed by the scrutineers', () => {
  it('the code fixture has the length of a share', () => {
    expect(CODE).toHaveLength(SHARE_CODE_LENGTH);
    expect(printed).toMatch(/^K7QH-2M9P-ABCD-/);
  });

  it('reads a code as printed, in lower case, with spaces or dashes, one per line', () => {
    const other = `${CODE.slice(1)}A`;
    const typed = typedShares(
      `  ${printed.toLowerCase()}  \n\n${groupedCode(other).replaceAll('-', ' ')}\r\n`,
    );
    expect(typed).toEqual([
      { code: CODE, problem: null },
      { code: other, problem: null },
    ]);
    expect(sharesToSend(typed)).toEqual([CODE, other]);
  });

  it('splits whole codes run together on one line and counts a code typed twice once', () => {
    const other = `${CODE.slice(2)}AB`;
    expect(typedShares(`${CODE}${other}\n${printed}`).map((s) => s.code)).toEqual([CODE, other]);
  });

  it('catches a short code and a misread character before sending anything', () => {
    const short = typedShares(`${printed}\n${CODE.slice(0, 50)}`);
    expect(short.map((s) => s.problem)).toEqual([null, 'length']);
    // O for 0 and I for 1: the share alphabet has neither.
    const misread = typedShares(`${CODE.slice(0, 58)}O`);
    expect(misread).toEqual([{ code: `${CODE.slice(0, 58)}O`, problem: 'letters' }]);
    expect(sharesToSend(short)).toEqual([]);
    expect(sharesToSend(misread)).toEqual([]);
    expect(sharesToSend(typedShares('  \n'))).toEqual([]);
  });
});

describe('the key card', () => {
  const status = { publicKey: 'pk', opened: false };
  it('shows for an electronic round with a key: sealed while voting, shares after the close, then opened', () => {
    expect(keyCardState(round({ id: 'r', status: 'open' }), status)).toBe('voting');
    expect(keyCardState(round({ id: 'r', status: 'closed' }), status)).toBe('waiting');
    expect(keyCardState(round({ id: 'r', status: 'closed' }), { ...status, opened: true })).toBe('opened');
    // The round view says so too, once the election is read again.
    expect(keyCardState(round({ id: 'r', status: 'counted', ballotsOpened: true }), undefined)).toBe(
      'opened',
    );
  });

  it('does not show for paper, before the status is known, or for a round cast before sealing', () => {
    expect(keyCardState(round({ id: 'r', mode: 'paper', status: 'closed' }), status)).toBe('none');
    expect(keyCardState(round({ id: 'r', status: 'closed' }), undefined)).toBe('none');
    expect(keyCardState(round({ id: 'r', status: 'closed' }), { publicKey: null, opened: false })).toBe(
      'none',
    );
  });

  it('says how many more shares are needed, and that the count waits for them', () => {
    expect(sharesStillNeeded({ threshold: 6, entered: 2, opened: false })).toBe(4);
    expect(sharesStillNeeded({ threshold: 6, entered: 2, opened: true })).toBe(0);
    expect(sharesStillNeeded({ threshold: null, entered: 0, opened: false })).toBe(0);
    expect(countWaitsForShares('waiting')).toBe(true);
    expect(countWaitsForShares('opened')).toBe(false);
  });
});
