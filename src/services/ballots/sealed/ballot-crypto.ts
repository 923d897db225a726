import sodium from 'libsodium-wrappers';

// [B4] The encryption of electronic ballots: libsodium's sealed boxes (X25519 key agreement with
// an ephemeral key, XSalsa20-Poly1305), an audited, maintained library used as it comes. A ballot
// is sealed to its round's public key when it is cast; only the round's private key opens it, and
// that key is never stored: it is split among the scrutineers (round-key.ts), and exists whole in
// memory only while their shares open the round's ballots after the close.
//
// The ephemeral key of each box comes from libsodium's own CSPRNG, not from context.random: it must
// never be reproducible (whoever knows it can open that one box), and nothing needs it again.

type Sodium = typeof sodium;

let loading: Promise<Sodium> | undefined;

/** libsodium, initialised (its WebAssembly module loads once per process). */
export function sodiumReady(): Promise<Sodium> {
  loading ??= sodium.ready.then(() => sodium);
  return loading;
}

/** Bytes of an X25519 key, public or private. */
export const KEY_BYTES = 32;

/** The public key of a private key (X25519 base-point multiplication). */
export async function publicKeyOf(secretKey: Uint8Array): Promise<Uint8Array> {
  const na = await sodiumReady();
  return na.crypto_scalarmult_base(secretKey);
}

/** The plaintext sealed to `publicKey`: only the matching private key opens it. */
export async function sealBox(plaintext: Uint8Array, publicKey: Uint8Array): Promise<Uint8Array> {
  const na = await sodiumReady();
  return na.crypto_box_seal(plaintext, publicKey);
}

/** Opens a sealed box; throws if it was not sealed to this key pair or was altered. */
export async function openBox(
  ciphertext: Uint8Array,
  publicKey: Uint8Array,
  secretKey: Uint8Array,
): Promise<Uint8Array> {
  const na = await sodiumReady();
  return na.crypto_box_seal_open(ciphertext, publicKey, secretKey);
}

/** Overwrites key material in memory once it is no longer needed. */
export function wipe(bytes: Uint8Array): void {
  bytes.fill(0);
}

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
