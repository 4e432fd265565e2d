/** What a knowledge search takes and returns. */
import type { Audience, Category, LocalizedText, Procedure, TextLang } from '../catalog/types.js';
import type { Passage } from './passages.js';

export interface SearchFilters {
  audience?: Audience;
  administration?: string;
  category?: Category;
}

export interface SearchOptions extends SearchFilters {
  limit?: number;
  /** Language preferred for the returned passages. */
  preferLang?: TextLang;
  /** Extra text (earlier turns) whose concepts are added at low weight, for follow-up questions. */
  context?: string;
}

export interface SearchHit {
  /** Procedure id, or `documentId#ordinal` for an imported passage not attached to a procedure. */
  id: string;
  kind: 'procedure' | 'chunk';
  title: LocalizedText;
  score: number;
  sourceUrl?: string;
  procedure?: Procedure;
  passages: Passage[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** 0..1: how much of the question the best hit covers; the assistant refuses below its threshold. */
  confidence: number;
  facets: string[];
  concepts: string[];
}
