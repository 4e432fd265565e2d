import { detectPii, presized } from './detect.js';
import { placeholderFor } from './placeholders.js';
import { assertSessionUsable, createSession, type PseudonymSession } from './session.js';
import type { DetectOptions, PiiEntity } from './types.js';
import { normalizeValue } from './values.js';

export interface PseudonymizeOptions extends DetectOptions {
  /** The conversation's session; a new one is created when absent. */
  session?: PseudonymSession;
  /** Pre-computed detections (e.g. from classifyText) to avoid scanning twice. */
  entities?: PiiEntity[];
  now?: number;
}

export interface PseudonymizedEntity extends PiiEntity {
  placeholder: string;
}

export interface PseudonymizeResult {
  text: string;
  session: PseudonymSession;
  entities: PseudonymizedEntity[];
}

/**
 * Replaces each detected value with a typed, numbered placeholder (⟦CIN_1⟧). The same value, however
 * it is spelled, gets the same placeholder for the whole session.
 */
export function pseudonymize(text: string, options: PseudonymizeOptions = {}): PseudonymizeResult {
  const session = options.session ?? createSession({ now: options.now });
  assertSessionUsable(session, options.now);
  // Detections made here are this call's own objects: they receive their placeholder in place rather
  // than being copied (one object less per identifier). Caller-supplied ones are never modified.
  const own = options.entities === undefined;
  const entities = options.entities ?? detectPii(text, options);
  // Sized up front: growing these two and the entity list push by push left 3 KB of a dense prompt's garbage.
  // A slot left empty (a skipped overlap) joins as '' and is cut from `out` below.
  const parts = presized<string>(entities.length * 2 + 1);
  const out = presized<PseudonymizedEntity>(entities.length);
  let p = 0;
  let o = 0;
  let last = 0;
  for (const e of entities) {
    if (e.start < last) continue;
    const key = `${e.type}:${normalizeValue(e.type, e.text)}`;
    let placeholder = session.byKey.get(key);
    if (!placeholder) {
      const n = (session.counters.get(e.type) ?? 0) + 1;
      session.counters.set(e.type, n);
      placeholder = placeholderFor(e.type, n);
      session.byKey.set(key, placeholder);
      session.byPlaceholder.set(placeholder, { placeholder, type: e.type, value: e.text });
    }
    parts[p++] = text.slice(last, e.start);
    parts[p++] = placeholder;
    if (own) {
      const pe = e as PseudonymizedEntity;
      pe.placeholder = placeholder;
      out[o++] = pe;
    }
    // An explicit literal: object spread was the costliest line of pseudonymisation.
    else out[o++] = { type: e.type, start: e.start, end: e.end, text: e.text, score: e.score, placeholder };
    last = e.end;
  }
  parts[p] = text.slice(last);
  if (o < out.length) out.length = o;
  return { text: parts.join(''), session, entities: out };
}
