import * as z from 'zod';
import { instant } from './common.ts';

// The key of an electronic round [B4] (issue 13): every ballot is sealed, when it is cast, to the
// round's public key; the private key is split when the round opens among the election's
// scrutineers — a majority of them, never fewer than two, open the ballots after the close — and
// each scrutineer's share is shown once, to be printed and handed to its holder. Imported by
// elections.ts (the opening returns the shares) and ballots.ts (entering them).

/** Who holds a share: 总监票人, 副总监票人, 监票人 [P1]. */
export const KEY_HOLDER_ROLES = ['chief-scrutineer', 'deputy-chief-scrutineer', 'scrutineer'] as const;
export const keyHolderRoleSchema = z.enum(KEY_HOLDER_ROLES);
export type KeyHolderRole = z.infer<typeof keyHolderRoleSchema>;

/** One holder's share, as it is shown once: to print on a slip for its holder, never stored. */
export const keyShareSchema = z.strictObject({
  /** 1…n: which share this is (printed on the slip). */
  index: z.number().int(),
  holder: z.string(),
  role: keyHolderRoleSchema,
  /** The share to type back: 59 letters and digits in groups of four. */
  code: z.string(),
  /** The same as a QR code (SVG), to scan back. */
  qrSvg: z.string(),
});
export type KeyShare = z.infer<typeof keyShareSchema>;

/** A round's new key: its public key, how many shares open it, and the shares (shown now only). */
export const roundKeySharesSchema = z.strictObject({
  publicKey: z.string(),
  /** Shares needed to open the ballots: a majority of the holders, at least 2. */
  threshold: z.number().int(),
  shares: z.array(keyShareSchema),
});
export type RoundKeyShares = z.infer<typeof roundKeySharesSchema>;

/** Where the opening of a round's ballots stands. */
export const roundKeyStatusSchema = z.strictObject({
  roundId: z.string(),
  /** Null for a round cast before ballots were sealed (its ballots were never encrypted). */
  publicKey: z.string().nullable(),
  threshold: z.number().int().nullable(),
  holders: z.array(
    z.strictObject({
      index: z.number().int(),
      holder: z.string(),
      role: keyHolderRoleSchema,
      /** Entered since the server started and not yet used (shares are held in memory only). */
      entered: z.boolean(),
    }),
  ),
  /** Shares entered and waiting for the threshold. */
  entered: z.number().int(),
  /** Ballots sealed in the round. */
  sealed: z.number().int(),
  /** Whether the shares have opened the ballots (then the round may be counted). */
  opened: z.boolean(),
  openedAt: instant.nullable(),
});
export type RoundKeyStatus = z.infer<typeof roundKeyStatusSchema>;
