import type { AuditChain, AuditInput } from '@khidma/gateway';
import type { Principal } from './auth/principal.js';

export type AdminAction =
  | 'admin.org.create'
  | 'admin.org.update'
  | 'admin.org.delete'
  | 'admin.key.create'
  | 'admin.key.update'
  | 'admin.key.revoke'
  | 'admin.token.rotate';

/**
 * Administrative changes join the same hash chain as model calls, so "who revoked this key, who
 * raised that budget" is as tamper-evident as "who sent what where". `target` is an id, never a secret.
 */
export function recordAdminAction(
  audit: AuditChain,
  actor: Principal | null | { keyId: null; orgId: null; via: 'cli' },
  action: AdminAction,
  target: string,
  requestId: string,
  details: string[] = [],
): void {
  const isPrincipal = actor !== null && 'kind' in actor;
  audit.record({
    requestId,
    actor: {
      keyId: isPrincipal ? (actor.keyId ?? 'admin-token') : 'cli',
      orgId: isPrincipal ? (actor.orgId ?? null) : null,
    },
    endpoint: action,
    model: null,
    provider: null,
    destinationCountry: null,
    decision: 'allowed',
    legalBasis: 'not_applicable',
    dataClass: 'internal',
    status: 'ok',
    flags: [`target:${target}`, ...details],
  } as unknown as AuditInput);
}
