import { GENESIS_HASH } from './canonical.js';
import { hashEntry } from './chain.js';
import type { AuditEntry } from './types.js';

export type ChainProblem = 'edited' | 'deleted_or_reordered' | 'bad_genesis';

export type VerifyResult =
  | { ok: true; count: number; headHash: string | null }
  | {
      ok: false;
      count: number;
      firstBad: { index: number; seq: number; problem: ChainProblem; message: string };
    };

/**
 * Walks the chain in storage order. An edited entry fails its own hash; a deleted, inserted or
 * reordered entry breaks the seq sequence or the prevHash link of the entry after it. Reports the first
 * entry where the chain stops being trustworthy.
 * `expectFirstSeq` lets you verify a suffix (e.g. after archiving older entries) anchored on a known hash.
 */
export function verifyChain(
  entries: AuditEntry[],
  anchor: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): VerifyResult {
  let prevSeq = anchor.seq;
  let prevHash = anchor.hash;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const bad = (problem: ChainProblem, message: string): VerifyResult => ({
      ok: false,
      count: entries.length,
      firstBad: { index: i, seq: e.seq, problem, message },
    });
    if (hashEntry(e) !== e.hash)
      return bad('edited', `Entry #${e.seq} does not match its hash: it was edited.`);
    if (e.seq !== prevSeq + 1 || e.prevHash !== prevHash) {
      if (i === 0 && anchor.seq === 0 && e.prevHash !== GENESIS_HASH) {
        return bad('bad_genesis', `Entry #${e.seq} should start the chain but links to another entry.`);
      }
      return bad(
        'deleted_or_reordered',
        `Entry #${e.seq} does not follow entry #${prevSeq}: entries were deleted, inserted or reordered before it.`,
      );
    }
    prevSeq = e.seq;
    prevHash = e.hash;
  }
  return { ok: true, count: entries.length, headHash: entries.length ? prevHash : null };
}
