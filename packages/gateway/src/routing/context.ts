import type { DataClass } from '../providers/types.js';
import type { QuotaSubject } from '../quota/types.js';
import type { CancelSignal } from './cancel.js';

/** Who is asking and how to cancel; passed through the whole request. */
export interface RequestContext {
  requestId: string;
  keyId?: string | null;
  orgId?: string | null;
  /** Limits to enforce for this caller; absent = unlimited. */
  quota?: QuotaSubject;
  /** The client speaks Mistral's dialect (Mistral SDK): stream usage goes on the finish chunk. */
  mistralClient?: boolean;
  /** Data class the client declared (header `x-khidma-data-class`); the privacy guard takes the max with detection. */
  declaredDataClass?: DataClass;
  /** Aborted when the client disconnects; propagated to the upstream request. */
  signal?: CancelSignal;
}
