import { canStartPlaceholder, MAX_PLACEHOLDER_LENGTH, matchPlaceholderAt } from './placeholders.js';
import { assertSessionUsable, type PseudonymSession } from './session.js';

export interface TextRestorer {
  /** Restored text that is safe to emit now (never half a placeholder). */
  push(chunk: string): string;
  /** Everything held back, restored. */
  flush(): string;
}

const SPACE = 32;

/**
 * Restores placeholders in `buf`. With `final` false it stops before a possible incomplete placeholder
 * and reports how much it consumed; with `final` true it consumes everything.
 */
function restoreRun(
  buf: string,
  final: boolean,
  session: PseudonymSession,
  prevChar: number,
): { out: string; consumed: number } {
  let out = '';
  let last = 0;
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const c = buf.charCodeAt(i);
    const prev = i > 0 ? buf.charCodeAt(i - 1) : prevChar;
    if (canStartPlaceholder(c, prev)) {
      const m = matchPlaceholderAt(buf, i, final, prev);
      if (m === 'partial') return { out: out + buf.slice(last, i), consumed: i };
      if (m) {
        const entry = session.byPlaceholder.get(m.placeholder);
        if (entry) {
          out += buf.slice(last, i) + entry.value;
          i = m.end;
          last = i;
          continue;
        }
      }
    }
    i++;
  }
  return { out: out + buf.slice(last), consumed: n };
}

/** Puts the original values back into a model answer (placeholders may be mangled: case, brackets, spaces). */
export function restore(text: string, session: PseudonymSession, now?: number): string {
  assertSessionUsable(session, now);
  if (session.byPlaceholder.size === 0) return text;
  return restoreRun(text, true, session, SPACE).out;
}

/**
 * Chunk-by-chunk restoration for streamed answers. Holds back at most MAX_PLACEHOLDER_LENGTH characters
 * and produces exactly what `restore` gives on the concatenated text.
 */
export function createStreamRestorer(session: PseudonymSession, now?: number): TextRestorer {
  assertSessionUsable(session, now);
  let held = '';
  let prevChar = SPACE;
  return {
    push(chunk: string): string {
      if (session.byPlaceholder.size === 0) return chunk;
      const buf = held + chunk;
      const r = restoreRun(buf, false, session, prevChar);
      if (r.consumed > 0) prevChar = buf.charCodeAt(r.consumed - 1);
      held = buf.slice(r.consumed);
      if (held.length > MAX_PLACEHOLDER_LENGTH) {
        // Cannot happen with the bounded matcher; kept as a guard against unbounded buffering.
        const r2 = restoreRun(held, true, session, prevChar);
        held = '';
        return r.out + r2.out;
      }
      return r.out;
    },
    flush(): string {
      const r = restoreRun(held, true, session, prevChar);
      held = '';
      return r.out;
    },
  };
}
