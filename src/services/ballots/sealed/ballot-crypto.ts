import sodium from 'sodium-native';

// [B4] The encryption of electronic ballots: libsodium's sealed boxes (X25519 key agreement with
// an ephemeral key, XSalsa20-Poly1305), an audited, maintained library used as it comes, through
// its native binding (sodium-native). The binding is the same libsodium, so its boxes are the ones
// libsodium's WebAssembly build made before: it seals a ballot in about 0.05 ms against 0.19 ms
// (measured, BENCHMARKS.md), and a hall's burst seals 3,000 of them inside the write lock.
// A ballot is sealed to its round's public key when it is cast; only the round's private key
// opens it, and that key is never stored: it is split among the scrutineers (round-key.ts), and
// exists whole in memory only while their shares open the round's ballots after the close.
//
// The ephemeral key of each box comes from libsodium's own CSPRNG, not from context.random: it must
// never be reproducible (whoever knows it can open that one box), and nothing needs it again.
// The functions stay async, as the callers were written for a library that loads first.

/** Bytes of an X25519 key, public or private. */
export const KEY_BYTES = 32;

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The public key of a private key (X25519 base-point multiplication). */
export async function publicKeyOf(secretKey: Uint8Array): Promise<Uint8Array> {
  const publicKey = Buffer.alloc(KEY_BYTES);
  sodium.crypto_scalarmult_base(publicKey, asBuffer(secretKey));
  return new Uint8Array(publicKey);
}

/** The plaintext sealed to `publicKey`: only the matching private key opens it. */
export async function sealBox(plaintext: Uint8Array, publicKey: Uint8Array): Promise<Uint8Array> {
  const ciphertext = Buffer.alloc(plaintext.byteLength + sodium.crypto_box_SEALBYTES);
  sodium.crypto_box_seal(ciphertext, asBuffer(plaintext), asBuffer(publicKey));
  return new Uint8Array(ciphertext.buffer, ciphertext.byteOffset, ciphertext.byteLength);
}

/** Opens a sealed box; throws if it was not sealed to this key pair or was altered. */
export async function openBox(
  ciphertext: Uint8Array,
  publicKey: Uint8Array,
  secretKey: Uint8Array,
): Promise<Uint8Array> {
  if (ciphertext.byteLength < sodium.crypto_box_SEALBYTES)
    throw new Error('incorrect key pair for the given ciphertext');
  const plaintext = Buffer.alloc(ciphertext.byteLength - sodium.crypto_box_SEALBYTES);
  const opened = sodium.crypto_box_seal_open(
    plaintext,
    asBuffer(ciphertext),
    asBuffer(publicKey),
    asBuffer(secretKey),
  );
  if (!opened) throw new Error('incorrect key pair for the given ciphertext');
  return new Uint8Array(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
}

/** Overwrites key material in memory once it is no longer needed. */
export function wipe(bytes: Uint8Array): void {
  bytes.fill(0);
}

export const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));
