import { asc, eq } from 'drizzle-orm';
import { newId } from '../auth/keys.js';
import { AUTH_CHANNEL } from '../auth/service.js';
import type { Database } from '../db/index.js';
import { type OrgRow, orgs, type QuotaLimits } from '../db/schema/index.js';
import { ApiError, notFound } from '../errors.js';

export interface OrgInfo {
  id: string;
  slug: string;
  name: string;
  limits: QuotaLimits;
  createdAt: string;
  disabledAt: string | null;
}

export const DEFAULT_ORG_SLUG = 'default';
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Organisations (tenants). Each API key belongs to exactly one. */
export class OrgService {
  constructor(private readonly db: Database) {}

  async list(): Promise<OrgInfo[]> {
    const rows = await this.db.orm.select().from(orgs).orderBy(asc(orgs.createdAt));
    return rows.map(toOrgInfo);
  }

  /** By id (`org_…`) or slug. */
  async get(idOrSlug: string): Promise<OrgInfo | null> {
    const col = idOrSlug.startsWith('org_') ? orgs.id : orgs.slug;
    const [row] = await this.db.orm.select().from(orgs).where(eq(col, idOrSlug));
    return row ? toOrgInfo(row) : null;
  }

  async require(idOrSlug: string): Promise<OrgInfo> {
    const org = await this.get(idOrSlug);
    if (!org) throw notFound(`No organisation "${idOrSlug}".`, 'org_not_found', 'org');
    return org;
  }

  async create(input: { name: string; slug?: string; limits?: QuotaLimits }): Promise<OrgInfo> {
    const slug = input.slug ?? slugify(input.name);
    if (!SLUG.test(slug)) {
      throw new ApiError(400, 'slug must be lowercase letters, digits and dashes (max 63).', {
        param: 'slug',
        code: 'invalid_value',
      });
    }
    const existing = await this.get(slug);
    if (existing) {
      throw new ApiError(409, `An organisation with slug "${slug}" already exists.`, {
        param: 'slug',
        code: 'org_exists',
      });
    }
    const [row] = await this.db.orm
      .insert(orgs)
      .values({ id: newId('org'), slug, name: input.name, limits: input.limits ?? {} })
      .returning();
    return toOrgInfo(row!);
  }

  async update(
    id: string,
    patch: { name?: string; limits?: QuotaLimits; disabled?: boolean },
  ): Promise<OrgInfo | null> {
    const set: Partial<OrgRow> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.limits !== undefined) set.limits = patch.limits;
    if (patch.disabled !== undefined) set.disabledAt = patch.disabled ? new Date() : null;
    if (Object.keys(set).length === 0) return this.get(id);
    const [row] = await this.db.orm.update(orgs).set(set).where(eq(orgs.id, id)).returning();
    await this.announce(id);
    return row ? toOrgInfo(row) : null;
  }

  /** Deletes an organisation and (cascade) its keys. Usage and audit rows are kept for the record. */
  async delete(id: string): Promise<boolean> {
    const rows = await this.db.orm.delete(orgs).where(eq(orgs.id, id)).returning({ id: orgs.id });
    await this.announce(id);
    return rows.length > 0;
  }

  /** Tells every instance's key cache that this organisation's keys changed (limits, disabled, deleted). */
  private announce(orgId: string): Promise<void> {
    return this.db.notify(AUTH_CHANNEL, JSON.stringify({ orgId })).catch(() => undefined);
  }

  /** The organisation that `khidma keys create` uses when none is named; created on first start. */
  async ensureDefault(): Promise<OrgInfo> {
    const found = await this.get(DEFAULT_ORG_SLUG);
    if (found) return found;
    await this.db.orm
      .insert(orgs)
      .values({ id: newId('org'), slug: DEFAULT_ORG_SLUG, name: 'Default organisation' })
      .onConflictDoNothing();
    return (await this.get(DEFAULT_ORG_SLUG))!;
  }
}

export function slugify(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return s || `org-${Date.now().toString(36)}`;
}

export function toOrgInfo(r: OrgRow): OrgInfo {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    limits: r.limits ?? {},
    createdAt: r.createdAt.toISOString(),
    disabledAt: r.disabledAt?.toISOString() ?? null,
  };
}
