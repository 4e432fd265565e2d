/**
 * Canonical JSON of an audit entry without the generic walk: the entry's shape is known, so its keys
 * are emitted in the already-sorted order. Returns null for anything not of exactly that shape (extra
 * or missing fields, undefined values, unexpected types); callers then use the generic canonicalJson.
 * Output is byte-identical to canonicalJson (asserted by tests).
 */

const SCALAR_KEYS = [
  'dataClass',
  'decision',
  'destinationCountry',
  'endpoint',
  'legalBasis',
  'model',
  'prevHash',
  'provider',
  'requestId',
  'seq',
  'status',
  'ts',
] as const;
const KEY_COUNT = SCALAR_KEYS.length + 2; // + actor, flags

const str = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : v === null ? 'null' : undefined);

export function fastAuditCanonical(e: Record<string, unknown>): string | null {
  let count = 0;
  for (const k in e) {
    if (k !== 'hash') count++;
  }
  if (count !== KEY_COUNT) return null;
  const actor = e.actor as Record<string, unknown> | null;
  if (typeof actor !== 'object' || actor === null || Array.isArray(actor)) return null;
  let actorKeys = 0;
  for (const _ in actor) actorKeys++;
  const keyId = str(actor.keyId);
  const orgId = str(actor.orgId);
  if (actorKeys !== 2 || keyId === undefined || orgId === undefined) return null;
  const flags = e.flags;
  if (!Array.isArray(flags)) return null;
  let flagsJson = '[';
  for (let i = 0; i < flags.length; i++) {
    if (typeof flags[i] !== 'string') return null;
    flagsJson += (i ? ',' : '') + JSON.stringify(flags[i]);
  }
  flagsJson += ']';
  let out = `{"actor":{"keyId":${keyId},"orgId":${orgId}}`;
  for (const k of SCALAR_KEYS) {
    const v = e[k];
    let json: string | undefined;
    if (k === 'seq') json = typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined;
    else json = str(v);
    if (json === undefined) return null;
    out += `,"${k}":${json}`;
    // flags sorts between endpoint and legalBasis
    if (k === 'endpoint') out += `,"flags":${flagsJson}`;
  }
  return `${out}}`;
}
