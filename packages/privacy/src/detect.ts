import { findCues } from './cues.js';
import { resolve } from './resolve.js';
import { scanAddresses } from './scan/addresses.js';
import { type Candidates, freshCandidates, type ScanInput } from './scan/candidate.js';
import { scanCodes, scanPlates } from './scan/codes.js';
import { scanNumbers } from './scan/numbers.js';
import { scanPersons } from './scan/persons.js';
import { scanEmails, scanIpv6, scanRc } from './scan/web.js';
import { indexTokens } from './token-index.js';
import { tokenizeText } from './tokenizer.js';
import type { Tokens } from './tokens.js';
import type { DetectOptions, PiiEntity } from './types.js';

/** Largest input accepted in one call (characters); callers split longer documents. */
export const MAX_INPUT_CHARS = 16 * 1024 * 1024;

export interface Analysis {
  low: string;
  tokens: Tokens;
  entities: PiiEntity[];
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
  const input: ScanInput = {
    text,
    low,
    out: freshCandidates(),
    cues: findCues(low, tokens, index.cues),
    index,
  };
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
  const entities = entitiesOf(text, input.out, resolve(input.out, minScore, only));
  return { low, tokens, entities };
}

/** Largest array created at its final length; V8 makes a longer `new Array(n)` a slow dictionary array. */
const PRESIZE_MAX = 4096;

/**
 * An array to be filled by index up to `n` elements: created at that length when small, so filling a
 * prompt's results does not grow it step by step (each step copies it and leaves the old one as garbage).
 */
export function presized<T>(n: number): T[] {
  return n <= PRESIZE_MAX ? new Array<T>(n) : [];
}

/** The reported entities: candidates `kept` (indices), with their text and a rounded score. */
function entitiesOf(text: string, c: Candidates, kept: Int32Array): PiiEntity[] {
  const { type, start, end, score } = c;
  const entities = presized<PiiEntity>(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k]!;
    entities[k] = {
      type: type[i]!,
      start: start[i]!,
      end: end[i]!,
      text: text.slice(start[i], end[i]),
      score: Math.round(score[i]! * 100) / 100,
    };
  }
  return entities;
}

/** Moroccan personal data in `text`, with offsets into the original string. */
export function detectPii(text: string, options?: DetectOptions): PiiEntity[] {
  return scanText(text, options ?? {}, true).entities;
}
