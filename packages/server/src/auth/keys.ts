import { hash, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Unbiased random string over an unambiguous alphabet (no 0/O, 1/l/I). */
export function randomToken(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      // 57 symbols: reject bytes >= 228 (4*57) so every symbol is equally likely.
      if (b < 228 && out.length < length) out += ALPHABET[b % ALPHABET.length];
    }
  }
  return out;
}

export interface GeneratedKey {
  /** The full secret, shown once: `kh_<prefix>_<secret>`. */
  key: string;
  /** Public part stored in clear and displayed in listings: `kh_<prefix>`. */
  prefix: string;
  hash: string;
}

/** A new API key: 8 visible characters and 32 secret ones (~187 bits of entropy). */
export function generateApiKey(): GeneratedKey {
  const prefix = `kh_${randomToken(8)}`;
  const key = `${prefix}_${randomToken(32)}`;
  return { key, prefix, hash: sha256Hex(key) };
}

export function generateAdminToken(): string {
  return `khadm_${randomToken(40)}`;
}

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** Extracts the credential from `Authorization: Bearer …` or `x-api-key`. */
export function credentialFrom(headers: Record<string, string | string[] | undefined>): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (m) return m[1]!;
  }
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.length > 0) return apiKey.trim();
  return null;
}

export function newId(kind: 'org' | 'key'): string {
  return `${kind}_${randomToken(16)}`;
}
