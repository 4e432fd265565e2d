import type { QuotaLimits, Role } from '../db/schema/index.js';
import { forbidden } from '../errors.js';

export type { Role };

/** Who is calling. Set on every authenticated request as `request.principal` (see CONTRACTS.md). */
export interface Principal {
  kind: 'admin' | 'key';
  keyId?: string;
  /** Visible part of the key (`kh_xxxxxxxx`), safe to show and log. */
  keyPrefix?: string;
  orgId?: string;
  role: Role;
  /** Public model ids the key may call; null = all models. */
  scopes: string[] | null;
  /** Effective limits stored for the key and for its organisation (config defaults not merged). */
  limits?: { key: QuotaLimits; org: QuotaLimits };
  expiresAt?: Date | null;
}

export const ADMIN_PRINCIPAL: Principal = Object.freeze({
  kind: 'admin',
  role: 'admin',
  scopes: null,
}) as Principal;

export function isPlatformAdmin(p: Principal): boolean {
  return p.role === 'admin';
}

/** Whether the principal may act on data of organisation `orgId`. */
export function canAccessOrg(p: Principal, orgId: string | null | undefined): boolean {
  if (p.role === 'admin') return true;
  return orgId != null && p.orgId === orgId;
}

export function assertOrgAccess(p: Principal, orgId: string | null | undefined): void {
  if (!canAccessOrg(p, orgId))
    throw forbidden('This key cannot access another organisation’s data.', 'cross_org_forbidden');
}

export function requireRole(p: Principal | null | undefined, ...roles: Role[]): Principal {
  if (!p) throw forbidden('Authentication required.');
  if (p.role === 'admin' || roles.includes(p.role)) return p;
  throw forbidden(`This action needs the role ${roles.join(' or ')}.`, 'insufficient_role');
}

/** Whether a key may use a public model id (scope "*" and a trailing "*" wildcard are honoured). */
export function canUseModel(p: Principal, model: string): boolean {
  if (p.scopes === null) return true;
  return p.scopes.some(
    (s) => s === model || s === '*' || (s.endsWith('*') && model.startsWith(s.slice(0, -1))),
  );
}
