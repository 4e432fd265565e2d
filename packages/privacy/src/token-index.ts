import { F, NAME_CORE } from './lexicon/index.js';
import { TokenKind, type Tokens } from './tokens.js';

/** Token indices in increasing order, in a growable typed array. */
export class IndexList {
  items: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }

  push(t: number): void {
    if (this.count === this.items.length) {
      const next = new Int32Array(Math.max(16, this.items.length * 2));
      next.set(this.items);
      this.items = next;
    }
    this.items[this.count++] = t;
  }

  copy(): IndexList {
    const c = new IndexList(0);
    c.items = this.items.slice(0, this.count);
    c.count = this.count;
    return c;
  }
}

/**
 * Where each scanner has to look. Most tokens of a text are ordinary words that no scanner starts
 * from; listing the few that matter in one pass saves every scanner its own walk over all the tokens
 * (and a text without digits, cue words or names skips those scanners outright).
 */
export interface TokenIndex {
  /** Digit runs: numbers, and the codes and plates built around them. */
  digits: IndexList;
  /** Last words of context cues (cues.ts). */
  cues: IndexList;
  /** Trade-register cue words. */
  rc: IndexList;
  /** Street keywords. */
  addresses: IndexList;
  /** Name words, and words right after a title or an introduction cue. */
  persons: IndexList;
}

const PERSON_WORD = NAME_CORE | F.PARTICLE;
const PERSON_CUE = F.TITLE | F.INTRO_LAST;

/** Lists reused across calls when the caller drops the index before the next scan (as with tokens). */
const SCRATCH_MAX = 1 << 16;
let scratch = newIndex();

function newIndex(): TokenIndex {
  return {
    digits: new IndexList(256),
    cues: new IndexList(256),
    rc: new IndexList(16),
    addresses: new IndexList(16),
    persons: new IndexList(64),
  };
}

export function indexTokens(tokens: Tokens, transient: boolean): TokenIndex {
  const index = scratch;
  fillIndex(index, tokens);
  const { digits, cues, rc, addresses, persons } = index;
  if (!transient)
    return {
      digits: digits.copy(),
      cues: cues.copy(),
      rc: rc.copy(),
      addresses: addresses.copy(),
      persons: persons.copy(),
    };
  // One huge document must not pin large lists for the life of the process.
  if (digits.items.length > SCRATCH_MAX || cues.items.length > SCRATCH_MAX) scratch = newIndex();
  return index;
}

/**
 * Fills the (emptied) lists from the tokens. Its own function, ending with its loop: on a long text
 * V8 optimises the loop while it runs and reuses that code on later calls, and code after the loop
 * that had never run by then made every later call drop out of the optimised code (see tokenizer.ts).
 */
function fillIndex(index: TokenIndex, tokens: Tokens): void {
  const { digits, cues, rc, addresses, persons } = index;
  digits.count = 0;
  cues.count = 0;
  rc.count = 0;
  addresses.count = 0;
  persons.count = 0;
  const { kind, flags, count } = tokens;
  let prevFlags = 0;
  for (let t = 0; t < count; t++) {
    const f = flags[t]!;
    if (kind[t] === TokenKind.Digits) digits.push(t);
    else {
      if (f & F.CUE) cues.push(t);
      if (f & F.RC_CUE) rc.push(t);
      if (f & F.ADDR) addresses.push(t);
      if (f & PERSON_WORD || prevFlags & PERSON_CUE) persons.push(t);
    }
    prevFlags = f;
  }
}
