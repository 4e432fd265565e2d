import { findCues } from './cues.js';
import { scanAddresses } from './scan/addresses.js';
import type { Candidate, ScanInput } from './scan/candidate.js';
import { scanCodes, scanPlates } from './scan/codes.js';
import { scanNumbers } from './scan/numbers.js';
import { scanPersons } from './scan/persons.js';
import { scanEmails, scanIpv6, scanRc } from './scan/web.js';
import { indexTokens } from './token-index.js';
import { tokenizeText } from './tokenizer.js';
import type { Tokens } from './tokens.js';
import { CHECKSUM_TYPES, type DetectOptions, type PiiEntity, type PiiType } from './types.js';

/** Largest input accepted in one call (characters); callers split longer documents. */
export const MAX_INPUT_CHARS = 16 * 1024 * 1024;

export interface Analysis {
  low: string;
  tokens: Tokens;
  entities: PiiEntity[];
}

const CHECKSUMMED = new Set<PiiType>(CHECKSUM_TYPES);
const STRUCTURED = new Set<PiiType>([
  'EMAIL',
  'IBAN',
  'RIB',
  'ICE',
  'CARD',
  'PHONE',
  'CIN',
  'PASSPORT',
  'MASSAR',
  'IP',
]);

/** Weight used when two detections overlap: checksummed and structured identifiers beat free text. */
function weight(c: Candidate): number {
  return (
    c.score + (CHECKSUMMED.has(c.type) ? 1 : STRUCTURED.has(c.type) ? 0.5 : 0) + (c.end - c.start) / 10_000
  );
}

/** Keeps the heaviest of overlapping candidates, scanning left to right. */
function resolve(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of cands) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) {
      kept.push(c);
      continue;
    }
    // Addresses legitimately contain numbers; a name inside an address stays part of it.
    if (
      last.type === 'ADDRESS' &&
      (c.type === 'PERSON' || c.type === 'CIN' || c.type === 'IF' || c.type === 'CNSS')
    )
      continue;
    if (weight(c) > weight(last)) {
      kept.pop();
      // The winner may now overlap an earlier kept candidate.
      while (
        kept.length &&
        kept[kept.length - 1]!.end > c.start &&
        weight(kept[kept.length - 1]!) < weight(c)
      )
        kept.pop();
      const prev = kept[kept.length - 1];
      if (!prev || prev.end <= c.start) kept.push(c);
    }
  }
  return kept;
}

/** Detections and the tokens they rest on; the tokens stay valid for as long as the caller keeps them. */
export function analyze(text: string, options: DetectOptions = {}): Analysis {
  return scanText(text, options, false);
}

/**
 * analyze() for callers that are done with the tokens before the next scan (detectPii, inspectText):
 * the tokens live in reused scratch buffers (see finishTokens' `transient`).
 */
export function analyzeTransient(text: string, options: DetectOptions = {}): Analysis {
  return scanText(text, options, true);
}

function scanText(text: string, options: DetectOptions, transient: boolean): Analysis {
  if (typeof text !== 'string') throw new TypeError('detectPii expects a string');
  if (text.length > MAX_INPUT_CHARS) throw new RangeError(`text longer than ${MAX_INPUT_CHARS} characters`);
  // Folding and tokenizing are one pass (tokenizer.ts); tokens.low is the folded text.
  const tokens = tokenizeText(text, transient);
  const low = tokens.low;
  const index = indexTokens(tokens, transient);
  const input: ScanInput = { text, low, out: [], cues: findCues(low, tokens, index.cues), index };
  scanEmails(input, tokens);
  scanNumbers(input, tokens);
  scanCodes(input, tokens);
  scanPlates(input, tokens);
  scanRc(input, tokens);
  scanIpv6(input, tokens);
  scanPersons(input, tokens);
  scanAddresses(input, tokens);
  const minScore = options.minScore ?? 0.5;
  const only = options.types ? new Set(options.types) : null;
  const accepted = input.out.filter((c) => c.score >= minScore && (!only || only.has(c.type)));
  const entities = resolve(accepted).map((c) => ({
    type: c.type,
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
    score: Math.round(c.score * 100) / 100,
  }));
  return { low, tokens, entities };
}

/** Moroccan personal data in `text`, with offsets into the original string. */
export function detectPii(text: string, options?: DetectOptions): PiiEntity[] {
  return scanText(text, options ?? {}, true).entities;
}
