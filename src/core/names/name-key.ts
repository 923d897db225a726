import { highestRank, rankOfCodePoint } from './character-order.ts';
import { UnknownCharacterError } from './errors.ts';
import { forEachCountedCodePoint } from './name-text.ts';

/** The empty position, below every character's rank (ranks start at 1): empty sorts first. */
const EMPTY = 0;

/**
 * §7 for one name, as the sequence of positions that are compared one by one: the rank of each
 * counted character in the total character order (character-order.ts).
 *
 * A two-character name is surname, empty position, given name: the place the full-width padding
 * holds in 王　宁, whether or not the text has the padding. So a single-character given name sorts
 * before every two-character given name of the same surname (election-rules.md §7 item 3):
 * 丁宁 = 丁∅宁 < 丁∅纯 < 丁∅炜 < 丁∅铭 < 丁小强. Names of three or more characters are compared as
 * they stand, position by position — 欧阳: 欧 first, then 阳, never a sum; whether 欧阳 is one
 * compound surname is not known, and does not need to be.
 *
 * Traditional forms have the rank of their standard form, so 張 and 张 give the same positions.
 * Throws UnknownCharacterError naming the first character outside the data.
 */
function positionsOf(name: string): number[] {
  const positions: number[] = [];
  forEachCountedCodePoint(name, (codePoint) => {
    const rank = rankOfCodePoint(codePoint);
    if (rank === 0) throw new UnknownCharacterError(String.fromCodePoint(codePoint), name);
    positions.push(rank);
  });
  if (positions.length === 2) positions.splice(1, 0, EMPTY);
  return positions;
}

/**
 * Positions are stored in a key string from this code unit up, so that a key holds no control
 * characters and no surrogates (character-order.ts keeps the ranks below 0xD800 - KEY_BASE).
 */
const KEY_BASE = 0x100;

/**
 * §7 as one string: one UTF-16 code unit per position, so plain string comparison (`<`) compares
 * position by position, and a key that is a prefix of another sorts first.
 */
export function nameSortKey(name: string): string {
  let key = '';
  for (const position of positionsOf(name)) key += String.fromCharCode(KEY_BASE + position);
  return key;
}

/** Compares two names by §7: negative, zero (same key: a tie, not necessarily the same text) or positive. */
export function compareNames(a: string, b: string): number {
  const keyA = nameSortKey(a);
  const keyB = nameSortKey(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

/**
 * The same order as nameSortKey, for sorting many names: the first positions packed into one
 * number (exact below 2^53), the rest as a key string. Comparing numbers is several times faster
 * than comparing strings, and most names fit in the number whole. Missing positions pack as
 * EMPTY, which keeps "a prefix sorts first": the packed positions of 丁 are 丁∅∅∅ < 丁∅宁∅.
 */
export interface PackedNameKey {
  readonly packed: number;
  readonly rest: string;
}

let packing: { bits: number; positions: number } | undefined;

export function packedNameKey(name: string): PackedNameKey {
  if (!packing) {
    const bits = Math.ceil(Math.log2(highestRank() + 1));
    packing = { bits, positions: Math.floor(53 / bits) };
  }
  const { bits, positions: packedPositions } = packing;
  const positions = positionsOf(name);
  const scale = 2 ** bits;
  let packed = 0;
  for (let i = 0; i < packedPositions; i++) packed = packed * scale + (positions[i] ?? EMPTY);
  let rest = '';
  for (let i = packedPositions; i < positions.length; i++)
    rest += String.fromCharCode(KEY_BASE + positions[i]!);
  return { packed, rest };
}

export function comparePackedNameKeys(a: PackedNameKey, b: PackedNameKey): number {
  return a.packed - b.packed || (a.rest < b.rest ? -1 : a.rest > b.rest ? 1 : 0);
}
