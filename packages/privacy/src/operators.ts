import { keyedDigest, resolveSecret } from './crypto.js';
import { detectPii } from './detect.js';
import type { DetectOptions, PiiEntity, PiiType } from './types.js';
import { normalizeValue } from './values.js';

function replaceEntities(text: string, entities: PiiEntity[], fn: (e: PiiEntity) => string): string {
  const parts: string[] = [];
  let last = 0;
  for (const e of entities) {
    if (e.start < last) continue;
    parts.push(text.slice(last, e.start), fn(e));
    last = e.end;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

const FREE_TEXT = new Set<PiiType>(['PERSON', 'ADDRESS', 'EMAIL', 'DATE_OF_BIRTH']);

export interface MaskOptions extends DetectOptions {
  /** Mask character (default "•"). */
  char?: string;
  /** Trailing letters/digits left visible on identifiers (default 2; names and addresses: 0). */
  keep?: number;
}

/** Hides the characters of each value, keeping separators and the last digits of identifiers: "AB••••56". */
export function mask(text: string, options: MaskOptions = {}): string {
  const char = options.char ?? '•';
  return replaceEntities(text, detectPii(text, options), (e) => {
    const keep = FREE_TEXT.has(e.type) ? 0 : (options.keep ?? 2);
    let visible = keep;
    const chars = [...e.text];
    for (let i = chars.length - 1; i >= 0; i--) {
      const ch = chars[i]!;
      if (/[\p{L}\p{N}]/u.test(ch)) {
        if (visible > 0) visible--;
        else chars[i] = char;
      }
    }
    return chars.join('');
  });
}

export interface RedactOptions extends DetectOptions {
  label?: (type: PiiType) => string;
}

/** Replaces each value with its type label: "[CIN]". Irreversible. */
export function redact(text: string, options: RedactOptions = {}): string {
  const label = options.label ?? ((t: PiiType) => `[${t}]`);
  return replaceEntities(text, detectPii(text, options), (e) => label(e.type));
}

export interface HashOptions extends DetectOptions {
  /** Defaults to KHIDMA_SECRET. */
  secret?: string;
  /** Hex characters kept from the HMAC (default 16). */
  length?: number;
}

/** Keyed HMAC of a normalised identifier: the same person matches across records and runs. */
export function hashIdentifier(type: PiiType, value: string, secret?: string): string {
  return keyedDigest(`${type}:${normalizeValue(type, value)}`, resolveSecret(secret));
}

/** Replaces each value with a keyed hash token "⟨CIN:3fa1…⟩": linkable, not reversible without the secret. */
export function hash(text: string, options: HashOptions = {}): string {
  const secret = resolveSecret(options.secret);
  const length = options.length ?? 16;
  return replaceEntities(
    text,
    detectPii(text, options),
    (e) => `⟨${e.type}:${hashIdentifier(e.type, e.text, secret).slice(0, length)}⟩`,
  );
}
