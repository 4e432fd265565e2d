/**
 * The only module touching node:crypto: HKDF key derivation from KHIDMA_SECRET, AES-256-GCM sealing,
 * and keyed HMAC hashing. Kept apart so the detector stays free of platform dependencies.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  randomUUID,
} from 'node:crypto';

export class PrivacySecretError extends Error {
  override name = 'PrivacySecretError';
}
export class SealIntegrityError extends Error {
  override name = 'SealIntegrityError';
}

const keys = new Map<string, Buffer>();

/** Resolves the secret: explicit argument first, then the KHIDMA_SECRET environment variable. */
export function resolveSecret(secret?: string): string {
  const s = secret ?? process.env.KHIDMA_SECRET;
  if (!s || s.length < 16)
    throw new PrivacySecretError('KHIDMA_SECRET must be set to at least 16 characters');
  return s;
}

/** 32-byte key for one purpose, derived with HKDF-SHA256 (cached by a digest of secret and purpose). */
export function deriveKey(secret: string, purpose: string): Buffer {
  const id = createHash('sha256').update(secret).update('\0').update(purpose).digest('base64');
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'khidma/privacy/v1', purpose, 32));
    if (keys.size > 64) keys.clear();
    keys.set(id, key);
  }
  return key;
}

/** AES-256-GCM: "v1." + base64url(iv ‖ tag ‖ ciphertext); `aad` is authenticated, not encrypted. */
export function seal(plaintext: string, secret: string, purpose: string, aad = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(secret, purpose), iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url')}`;
}

export function unseal(sealed: string, secret: string, purpose: string, aad = ''): string {
  if (typeof sealed !== 'string' || !sealed.startsWith('v1.'))
    throw new SealIntegrityError('unknown sealed format');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  if (raw.length < 28) throw new SealIntegrityError('sealed value too short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', deriveKey(secret, purpose), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealIntegrityError('sealed value failed authentication');
  }
}

/** Keyed HMAC-SHA256 (hex): stable across runs for a given secret, useless without it. */
export function keyedDigest(value: string, secret: string, purpose = 'identifier'): string {
  return createHmac('sha256', deriveKey(secret, purpose)).update(value, 'utf8').digest('hex');
}

/** Unguessable identifier (UUID v4 from the CSPRNG; Node caches entropy, so this is cheap per call). */
export function randomId(): string {
  return randomUUID();
}
