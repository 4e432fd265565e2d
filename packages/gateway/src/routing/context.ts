import type { QuotaSubject } from '../quota/types.js';

/** Who is asking and how to cancel; passed through the whole request. */
export interface RequestContext {
  requestId: string;
  keyId?: string | null;
  orgId?: string | null;
  /** Limits to enforce for this caller; absent = unlimited. */
  quota?: QuotaSubject;
  /** Aborted when the client disconnects; propagated to the upstream request. */
  signal?: AbortSignal;
}
