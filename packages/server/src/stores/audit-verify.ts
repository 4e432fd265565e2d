import type { DbAuditStore, StoredAuditEntry } from './audit.js';

/** Same contract as @khidma/gateway's `verifyChain` (injected so this module stays storage-only). */
export type ChainVerifier = (
  entries: StoredAuditEntry[],
  anchor?: { seq: number; hash: string },
) =>
  | { ok: true; count: number; headHash: string | null }
  | { ok: false; count: number; firstBad: { index: number; seq: number; problem: string; message: string } };

export type AuditVerifyReport =
  | { ok: true; checked: number; headSeq: number | null; headHash: string | null }
  | { ok: false; checked: number; firstBad: { seq: number; problem: string; message: string } };

const GENESIS = { seq: 0, hash: '0'.repeat(64) };

/**
 * Verifies the stored chain page by page, anchoring each page on the last entry of the previous one,
 * so memory stays flat however long the log. Names the first entry that was edited, deleted or moved.
 */
export async function verifyAuditLog(
  store: DbAuditStore,
  verifyChain: ChainVerifier,
  pageSize = 2000,
): Promise<AuditVerifyReport> {
  let anchor = GENESIS;
  let checked = 0;
  let page: StoredAuditEntry[] = [];
  const flush = (): AuditVerifyReport | null => {
    if (page.length === 0) return null;
    const res = verifyChain(page, anchor);
    if (!res.ok) {
      return {
        ok: false,
        checked: checked + res.firstBad.index,
        firstBad: { seq: res.firstBad.seq, problem: res.firstBad.problem, message: res.firstBad.message },
      };
    }
    checked += page.length;
    const last = page[page.length - 1]!;
    anchor = { seq: last.seq, hash: last.hash };
    page = [];
    return null;
  };
  for await (const { entry, columnMismatch } of store.scan(pageSize)) {
    if (columnMismatch) {
      // Verify what precedes first: an earlier break is the first bad entry.
      const earlier = flush();
      if (earlier) return earlier;
      return {
        ok: false,
        checked,
        firstBad: {
          seq: entry.seq,
          problem: 'edited',
          message: `Entry #${entry.seq} was edited: its ${columnMismatch} column no longer matches the hashed record.`,
        },
      };
    }
    page.push(entry);
    if (page.length >= pageSize) {
      const bad = flush();
      if (bad) return bad;
    }
  }
  const bad = flush();
  if (bad) return bad;
  return { ok: true, checked, headSeq: checked ? anchor.seq : null, headHash: checked ? anchor.hash : null };
}
