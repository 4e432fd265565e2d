import { timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { type ApiKeyRow, apiKeys, orgs, type QuotaLimits, type Role, settings } from '../db/schema/index.js';
import { badRequest, notFound } from '../errors.js';
import { generateAdminToken, generateApiKey, newId, sha256Hex } from './keys.js';
import { ADMIN_PRINCIPAL, type Principal } from './principal.js';

const ADMIN_TOKEN_SETTING = 'admin_token_sha256';
/** Notification channel on which key and organisation changes are announced to every instance. */
export const AUTH_CHANNEL = 'khidma_auth';

export interface AuthServiceOptions {
  /** How long a resolved key stays cached in memory (default 15 s). Revocation here evicts at once. */
  cacheTtlMs?: number;
  cacheMax?: number;
  now?: () => number;
}

export interface CreateKeyInput {
  orgId: string;
  name: string;
  role?: Role;
  scopes?: string[] | null;
  expiresAt?: Date | null;
  limits?: QuotaLimits;
  createdBy?: string | null;
}

/** A key as listed by the admin API: never the secret nor its hash. */
export interface KeyInfo {
  id: string;
  orgId: string;
  name: string;
  prefix: string;
  role: Role;
  scopes: string[] | null;
  limits: QuotaLimits;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
}

interface CacheEntry {
  principal: Principal;
  until: number;
}

/**
 * Authenticates credentials and manages API keys. Resolved keys are cached by hash for a short TTL
 * so the hot path costs one SHA-256 and a Map lookup; revocation on this instance evicts immediately.
 */
export class AuthService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly hashByKeyId = new Map<string, string>();
  private readonly touched = new Set<string>();
  private adminDigest: Buffer | null = null;
  private readonly ttl: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Database,
    opts: AuthServiceOptions = {},
  ) {
    this.ttl = opts.cacheTtlMs ?? 15_000;
    this.max = opts.cacheMax ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Establishes the master token: KHIDMA_ADMIN_TOKEN when given, else the stored hash, else a new
   * token that is returned (to be printed once by the caller) and only its hash stored.
   */
  async initAdminToken(envToken: string | undefined): Promise<{ generated: string | null }> {
    if (envToken) {
      this.adminDigest = Buffer.from(sha256Hex(envToken), 'hex');
      return { generated: null };
    }
    const [row] = await this.db.orm.select().from(settings).where(eq(settings.key, ADMIN_TOKEN_SETTING));
    if (row) {
      this.adminDigest = Buffer.from(row.value, 'hex');
      return { generated: null };
    }
    const token = generateAdminToken();
    const hash = sha256Hex(token);
    const inserted = await this.db.orm
      .insert(settings)
      .values({ key: ADMIN_TOKEN_SETTING, value: hash })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) {
      // Another instance won the race; use its token.
      const [again] = await this.db.orm.select().from(settings).where(eq(settings.key, ADMIN_TOKEN_SETTING));
      this.adminDigest = Buffer.from(again!.value, 'hex');
      return { generated: null };
    }
    this.adminDigest = Buffer.from(hash, 'hex');
    return { generated: token };
  }

  /** Replaces the stored admin token hash (e.g. `khidma admin rotate-token`). */
  async rotateAdminToken(): Promise<string> {
    const token = generateAdminToken();
    const hash = sha256Hex(token);
    await this.db.orm
      .insert(settings)
      .values({ key: ADMIN_TOKEN_SETTING, value: hash })
      .onConflictDoUpdate({ target: settings.key, set: { value: hash, updatedAt: new Date() } });
    this.adminDigest = Buffer.from(hash, 'hex');
    return token;
  }

  /** The principal for a raw credential, or null when unknown, revoked, expired or disabled. */
  async authenticate(credential: string): Promise<Principal | null> {
    const known = this.authenticateCached(credential);
    if (known !== undefined) return known;
    const hash = sha256Hex(credential);
    const principal = await this.loadPrincipal(hash);
    if (!principal) return null;
    const now = this.now();
    this.remember(hash, principal, now);
    return this.admitted(principal, now);
  }

  /**
   * Synchronous answer from the master token or the key cache (the hot path: no promise, no I/O);
   * `undefined` when the key must be looked up in the database.
   */
  authenticateCached(credential: string): Principal | null | undefined {
    if (credential.length > 200) return null;
    const hex = sha256Hex(credential);
    const digest = Buffer.from(hex, 'hex');
    // timingSafeEqual throws on a length mismatch (a malformed stored hash): that must not fail every key.
    if (
      this.adminDigest &&
      digest.length === this.adminDigest.length &&
      timingSafeEqual(digest, this.adminDigest)
    ) {
      return ADMIN_PRINCIPAL;
    }
    if (!credential.startsWith('kh_')) return null;
    const now = this.now();
    const hit = this.cache.get(hex);
    if (!hit || hit.until <= now) return undefined;
    return this.admitted(hit.principal, now);
  }

  private admitted(principal: Principal, now: number): Principal | null {
    if (principal.expiresAt && principal.expiresAt.getTime() <= now) return null;
    this.touched.add(principal.keyId!);
    return principal;
  }

  private async loadPrincipal(hash: string): Promise<Principal | null> {
    const rows = await this.db.orm
      .select({ key: apiKeys, orgLimits: orgs.limits, orgDisabled: orgs.disabledAt })
      .from(apiKeys)
      .innerJoin(orgs, eq(orgs.id, apiKeys.orgId))
      .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)));
    const row = rows[0];
    if (!row || row.orgDisabled) return null;
    const k = row.key;
    return {
      kind: 'key',
      keyId: k.id,
      keyPrefix: k.prefix,
      orgId: k.orgId,
      role: k.role,
      scopes: k.scopes ?? null,
      limits: { key: k.limits ?? {}, org: row.orgLimits ?? {} },
      expiresAt: k.expiresAt,
    };
  }

  private remember(hash: string, principal: Principal, now: number): void {
    if (this.cache.size >= this.max) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(hash, { principal, until: now + this.ttl });
    this.hashByKeyId.set(principal.keyId!, hash);
  }

  /**
   * Hears changes made by other instances and by the CLI (PostgreSQL NOTIFY), so a revocation there
   * evicts this instance's cache at once instead of after the TTL.
   */
  async listenForChanges(): Promise<() => Promise<void>> {
    return this.db.listen(AUTH_CHANNEL, (payload) => {
      try {
        const msg = JSON.parse(payload) as { keyId?: string; orgId?: string };
        if (msg.keyId) this.invalidateKey(msg.keyId);
        if (msg.orgId) this.invalidateOrg(msg.orgId);
      } catch {
        // Not ours; ignore.
      }
    });
  }

  private announce(msg: { keyId?: string; orgId?: string }): Promise<void> {
    return this.db.notify(AUTH_CHANNEL, JSON.stringify(msg)).catch(() => undefined);
  }

  /** Forget cached principals of a key (after revoke or change). */
  invalidateKey(keyId: string): void {
    const hash = this.hashByKeyId.get(keyId);
    if (hash) this.cache.delete(hash);
    this.hashByKeyId.delete(keyId);
  }

  /** Forget cached principals of every key of an organisation (after a limit change or disable). */
  invalidateOrg(orgId: string): void {
    for (const [hash, entry] of this.cache) {
      if (entry.principal.orgId === orgId) {
        this.cache.delete(hash);
        this.hashByKeyId.delete(entry.principal.keyId!);
      }
    }
  }

  async createKey(input: CreateKeyInput): Promise<{ key: string; info: KeyInfo }> {
    const [org] = await this.db.orm.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, input.orgId));
    if (!org) throw notFound(`No organisation with id ${input.orgId}.`, 'org_not_found', 'org_id');
    if (input.expiresAt && input.expiresAt.getTime() <= this.now()) {
      throw badRequest('expires_at must be in the future.', 'expires_at');
    }
    const generated = generateApiKey();
    const [row] = await this.db.orm
      .insert(apiKeys)
      .values({
        id: newId('key'),
        orgId: input.orgId,
        name: input.name,
        prefix: generated.prefix,
        hash: generated.hash,
        role: input.role ?? 'member',
        scopes: input.scopes ?? null,
        limits: input.limits ?? {},
        createdBy: input.createdBy ?? null,
        expiresAt: input.expiresAt ?? null,
      })
      .returning();
    return { key: generated.key, info: toKeyInfo(row!, this.now()) };
  }

  async listKeys(filter: { orgId?: string; includeRevoked?: boolean } = {}): Promise<KeyInfo[]> {
    const where: SQL[] = [];
    if (filter.orgId) where.push(eq(apiKeys.orgId, filter.orgId));
    if (!filter.includeRevoked) where.push(isNull(apiKeys.revokedAt));
    const rows = await this.db.orm
      .select()
      .from(apiKeys)
      .where(and(...where))
      .orderBy(desc(apiKeys.createdAt));
    const now = this.now();
    return rows.map((r) => toKeyInfo(r, now));
  }

  /** Finds a key by id or by its visible prefix. */
  async getKey(idOrPrefix: string): Promise<KeyInfo | null> {
    const col = idOrPrefix.startsWith('kh_') ? apiKeys.prefix : apiKeys.id;
    const [row] = await this.db.orm.select().from(apiKeys).where(eq(col, idOrPrefix));
    return row ? toKeyInfo(row, this.now()) : null;
  }

  async revokeKey(keyId: string): Promise<KeyInfo | null> {
    const [row] = await this.db.orm
      .update(apiKeys)
      .set({ revokedAt: new Date(this.now()) })
      .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
      .returning();
    this.invalidateKey(keyId);
    await this.announce({ keyId });
    if (row) return toKeyInfo(row, this.now());
    return this.getKey(keyId);
  }

  async updateKey(
    keyId: string,
    patch: { name?: string; scopes?: string[] | null; limits?: QuotaLimits; expiresAt?: Date | null },
  ): Promise<KeyInfo | null> {
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length === 0) return this.getKey(keyId);
    const [row] = await this.db.orm.update(apiKeys).set(set).where(eq(apiKeys.id, keyId)).returning();
    this.invalidateKey(keyId);
    await this.announce({ keyId });
    return row ? toKeyInfo(row, this.now()) : null;
  }

  /** Writes `last_used_at` for keys seen since the previous flush (kept off the request path). */
  async flushLastUsed(): Promise<void> {
    if (this.touched.size === 0) return;
    const ids = [...this.touched];
    this.touched.clear();
    const at = new Date(this.now());
    for (const id of ids) await this.db.orm.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
  }
}

export function toKeyInfo(r: ApiKeyRow, now: number): KeyInfo {
  const status = r.revokedAt ? 'revoked' : r.expiresAt && r.expiresAt.getTime() <= now ? 'expired' : 'active';
  return {
    id: r.id,
    orgId: r.orgId,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    scopes: r.scopes ?? null,
    limits: r.limits ?? {},
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    status,
  };
}
