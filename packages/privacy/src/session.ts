import { randomId, resolveSecret, seal, unseal } from './crypto.js';
import type { PiiType } from './types.js';

export class PseudonymSessionExpiredError extends Error {
  override name = 'PseudonymSessionExpiredError';
}

export interface SessionEntry {
  placeholder: string;
  type: PiiType;
  /** The original text, as first seen. */
  value: string;
}

/**
 * The reversible mapping of one conversation. It stays server-side: only sealed (AES-256-GCM) copies
 * are stored, and it refuses to work after `expiresAt`.
 */
export interface PseudonymSession {
  readonly id: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** normalised value key -> placeholder */
  readonly byKey: Map<string, string>;
  /** placeholder -> entry */
  readonly byPlaceholder: Map<string, SessionEntry>;
  readonly counters: Map<PiiType, number>;
}

export const DEFAULT_SESSION_TTL_MS = 30 * 60 * 1000;
const SEAL_PURPOSE = 'pseudonym-session';

export function createSession(options: { ttlMs?: number; now?: number; id?: string } = {}): PseudonymSession {
  const now = options.now ?? Date.now();
  const ttl = options.ttlMs ?? DEFAULT_SESSION_TTL_MS;
  if (!(ttl > 0)) throw new RangeError('ttlMs must be positive');
  return {
    id: options.id ?? randomId(),
    createdAt: now,
    expiresAt: now + ttl,
    byKey: new Map(),
    byPlaceholder: new Map(),
    counters: new Map(),
  };
}

export function isSessionExpired(session: PseudonymSession, now = Date.now()): boolean {
  return now >= session.expiresAt;
}

export function assertSessionUsable(session: PseudonymSession, now = Date.now()): void {
  if (isSessionExpired(session, now))
    throw new PseudonymSessionExpiredError(`pseudonym session ${session.id} has expired`);
}

interface SealedShape {
  v: 1;
  id: string;
  c: number;
  e: number;
  m: [string, string, PiiType, string][];
}

/**
 * Encrypts the mapping under a key derived from KHIDMA_SECRET. The result reads "<id>:v1.<base64url>":
 * the id travels in clear so a store can index it, and is bound to the ciphertext as authenticated data.
 */
export function sealSession(session: PseudonymSession, secret?: string): string {
  const key = resolveSecret(secret);
  const m: SealedShape['m'] = [];
  for (const [k, placeholder] of session.byKey) {
    const entry = session.byPlaceholder.get(placeholder);
    if (entry) m.push([k, placeholder, entry.type, entry.value]);
  }
  const body: SealedShape = { v: 1, id: session.id, c: session.createdAt, e: session.expiresAt, m };
  return `${session.id}:${seal(JSON.stringify(body), key, SEAL_PURPOSE, `session:${session.id}`)}`;
}

/** Opens a sealed mapping; throws when tampered with, relabelled with another id, or expired. */
export function openSession(
  sealed: string,
  options: { secret?: string; now?: number } = {},
): PseudonymSession {
  const key = resolveSecret(options.secret);
  const colon = typeof sealed === 'string' ? sealed.indexOf(':') : -1;
  if (colon < 0) throw new TypeError('not a sealed pseudonym session');
  const id = sealed.slice(0, colon);
  const body = JSON.parse(unseal(sealed.slice(colon + 1), key, SEAL_PURPOSE, `session:${id}`)) as SealedShape;
  const session: PseudonymSession = {
    id: body.id,
    createdAt: body.c,
    expiresAt: body.e,
    byKey: new Map(),
    byPlaceholder: new Map(),
    counters: new Map(),
  };
  assertSessionUsable(session, options.now);
  for (const [k, placeholder, type, value] of body.m) {
    session.byKey.set(k, placeholder);
    session.byPlaceholder.set(placeholder, { placeholder, type, value });
    const n = Number(placeholder.slice(type.length + 2, -1));
    if (n > (session.counters.get(type) ?? 0)) session.counters.set(type, n);
  }
  return session;
}
