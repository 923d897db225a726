export interface RoundValidityVerdict {
  readonly rule: 'B2';
  readonly valid: boolean;
  readonly issued: number;
  readonly returned: number;
}

/**
 * [B2] "收回的选票等于或少于发出的选票，选举有效；多于发出的选票，选举无效，应重新进行选举。"
 * Returned ≤ issued: the round is valid; more returned than issued: void, to be re-run.
 */
export function checkRoundValidity(issued: number, returned: number): RoundValidityVerdict {
  return { rule: 'B2', valid: returned <= issued, issued, returned };
}
