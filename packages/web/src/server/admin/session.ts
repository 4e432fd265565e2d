import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Who signed in, as the server's auth resolved the credential. */
export interface AdminIdentity {
  role: 'admin' | 'org-admin';
  orgId?: string;
  orgName?: string;
  /** Displayable: "admin token" or the key prefix; never the secret. */
  label: string;
}

export interface AdminSession {
  id: string;
  /** The credential the console uses on the admin API for this session; kept in memory only. */
  credential: string;
  identity: AdminIdentity;
  /** Synchronizer CSRF token, embedded in every form of this session. */
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
  /** One-time flash data, e.g. a newly created key's secret shown once after a redirect. */
  flash?: { kind: 'new-key'; key: string; name: string } | { kind: 'message'; ok: boolean; text: string };
}

export interface SessionStoreOptions {
  idleMs?: number;
  absoluteMs?: number;
  max?: number;
  now?: () => number;
}

export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Constant-time comparison of two tokens of any length. */
export function tokensEqual(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Server-side sessions of the admin console. The browser holds only a random id in an httpOnly,
 * SameSite=Strict cookie; the credential never goes back to the browser. Sessions end after 30 minutes
 * idle or 8 hours in all, on sign-out, and on restart (they are in memory: a restart signs admins out,
 * which is acceptable for a console and avoids storing credentials at rest).
 */
export class SessionStore {
  private readonly sessions = new Map<string, AdminSession>();
  private readonly idleMs: number;
  private readonly absoluteMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(opts: SessionStoreOptions = {}) {
    this.idleMs = opts.idleMs ?? 30 * 60_000;
    this.absoluteMs = opts.absoluteMs ?? 8 * 3600_000;
    this.max = opts.max ?? 5_000;
    this.now = opts.now ?? Date.now;
  }

  create(credential: string, identity: AdminIdentity): AdminSession {
    this.sweep();
    if (this.sessions.size >= this.max) {
      // Evict the least recently used session rather than refusing sign-ins.
      const oldest = [...this.sessions.values()].sort((a, b) => a.lastSeenAt - b.lastSeenAt)[0];
      if (oldest) this.sessions.delete(oldest.id);
    }
    const now = this.now();
    const session: AdminSession = {
      id: newToken(),
      credential,
      identity,
      csrf: newToken(),
      createdAt: now,
      lastSeenAt: now,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string | undefined): AdminSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (!session) return undefined;
    const now = this.now();
    if (now - session.lastSeenAt > this.idleMs || now - session.createdAt > this.absoluteMs) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  destroy(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) {
      if (now - s.lastSeenAt > this.idleMs || now - s.createdAt > this.absoluteMs) this.sessions.delete(id);
    }
  }
}
