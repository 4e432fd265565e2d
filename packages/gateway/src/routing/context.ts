import type { QuotaSubject } from '../quota/types.js';

/** Who is asking and how to cancel; passed through the whole request. */
export interface RequestContext {
  requestId: string;
  keyId?: string | null;
  orgId?: string | null;
  /** Limits to enforce for this caller; absent = unlimited. */
  quota?: QuotaSubject;
  /** The client speaks Mistral's dialect (Mistral SDK): stream usage goes on the finish chunk. */
  mistralClient?: boolean;
  /** Aborted when the client disconnects; propagated to the upstream request. */
  signal?: AbortSignal;
}
