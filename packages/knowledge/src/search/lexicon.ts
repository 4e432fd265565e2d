import { LEXICON_SOURCE, STOPWORDS_SOURCE } from './lexicon-data.js';
import { wordTokens } from './word-keys.js';

/** Longest lexicon phrase, in words. */
const MAX_PHRASE = 6;

interface LexiconEntry {
  concept: string;
  facet: boolean;
}

/** Phrase trie over word keys. */
interface TrieNode {
  next: Map<string, TrieNode>;
  entries?: LexiconEntry[];
}

export class Lexicon {
  private readonly root: TrieNode = { next: new Map() };
  readonly stopwords = new Set<string>();
  /** Single-word lexicon keys (for spelling correction and transliteration lookups). */
  readonly words = new Set<string>();
  readonly concepts = new Set<string>();

  static fromSources(lexicon = LEXICON_SOURCE, stopwords = STOPWORDS_SOURCE): Lexicon {
    const lx = new Lexicon();
    for (const raw of lexicon.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const colon = line.indexOf(':');
      if (colon < 1) continue;
      let concept = line.slice(0, colon).trim();
      const facet = concept.startsWith('?');
      if (facet) concept = concept.slice(1);
      for (const phrase of line.slice(colon + 1).split('|')) lx.add(concept, phrase, facet);
    }
    for (const w of stopwords.split(/\s+/)) {
      for (const t of wordTokens(w)) lx.stopwords.add(t);
    }
    return lx;
  }

  add(concept: string, phrase: string, facet = false): void {
    const keys = wordTokens(phrase);
    if (keys.length === 0) return;
    this.concepts.add(concept);
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map() };
        node.next.set(k, child);
      }
      node = child;
      this.words.add(k);
    }
    node.entries ??= [];
    if (!node.entries.some((e) => e.concept === concept)) node.entries.push({ concept, facet });
  }

  /**
   * All maximal phrase matches (a match inside a longer one is dropped); overlapping matches that are
   * not contained in each other are both kept, since either reading may be the right one.
   */
  match(keys: string[]): { start: number; end: number; concept: string; facet: boolean }[] {
    const found: { start: number; end: number; concept: string; facet: boolean }[] = [];
    for (let i = 0; i < keys.length; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < keys.length && j - i < MAX_PHRASE; j++) {
        node = node.next.get(keys[j] as string);
        if (!node) break;
        for (const e of node.entries ?? []) found.push({ start: i, end: j + 1, ...e });
      }
    }
    return found.filter(
      (a) =>
        !found.some(
          (b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start,
        ),
    );
  }
}

let defaultLexicon: Lexicon | undefined;
export function getDefaultLexicon(): Lexicon {
  defaultLexicon ??= Lexicon.fromSources();
  return defaultLexicon;
}
