import { detectPii } from './detect.js';
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
  const parts: string[] = [];
  const out: PseudonymizedEntity[] = [];
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
    parts.push(text.slice(last, e.start), placeholder);
    if (own) {
      const p = e as PseudonymizedEntity;
      p.placeholder = placeholder;
      out.push(p);
    }
    // An explicit literal: object spread was the costliest line of pseudonymisation.
    else out.push({ type: e.type, start: e.start, end: e.end, text: e.text, score: e.score, placeholder });
    last = e.end;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), session, entities: out };
}
