/**
 * The procedure catalog model. Every human-readable field is a LocalizedText so that the language of each
 * string is recorded next to it (fr = French, ar = Standard Arabic, ary = Darija in Arabic script,
 * zgh = Standard Moroccan Tamazight in Tifinagh, en = English).
 */
export const TEXT_LANGS = ['fr', 'ar', 'ary', 'zgh', 'en'] as const;
export type TextLang = (typeof TEXT_LANGS)[number];
export type LocalizedText = Partial<Record<TextLang, string>>;

export const AUDIENCES = ['citizens', 'businesses', 'mre'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const CATEGORIES = [
  'identity',
  'civil-status',
  'justice',
  'vehicles',
  'social',
  'business',
  'tax',
  'urbanism',
  'education',
  'consular',
  'utilities',
  'complaints',
  'civic',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Administration {
  /** Short stable id, e.g. "dgsn", "interieur", "justice". */
  id: string;
  name: LocalizedText;
  /** Public contact channel, only when confirmed from an official source. */
  website?: string;
  phone?: string;
}

export interface Fee {
  /** Amount in Moroccan dirhams; 0 means the procedure is free. */
  amountMad: number;
  label?: LocalizedText;
}

export interface OnlineChannel {
  url: string;
  label?: LocalizedText;
}

export interface Channels {
  online: OnlineChannel[];
  /** Kind of office where the citizen goes in person, e.g. "commune (bureau d'état civil)". */
  offices: LocalizedText[];
}

export interface LegalReference {
  title: LocalizedText;
  url?: string;
}

export interface Procedure {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  administration: Administration;
  audience: Audience[];
  category: Category;
  /** Alternative names people use (any language or script); they feed the search index. */
  keywords: string[];
  documents: LocalizedText[];
  steps: LocalizedText[];
  /**
   * Fees in MAD. `undefined` means "not confirmed from an official source": the assistant then says so
   * instead of guessing. An empty array is never used to mean "free": a free procedure has `{ amountMad: 0 }`.
   */
  fees?: Fee[];
  processingTime?: LocalizedText;
  channels: Channels;
  legalReferences: LegalReference[];
  sourceUrl: string;
  /** ISO date (YYYY-MM-DD) on which the facts were last checked against the source. */
  lastVerified: string;
  /** True for the project-authored sample data that an administration must verify before production. */
  sample?: boolean;
}

export interface CatalogMeta {
  name: string;
  version: string;
  sample: boolean;
  notice?: LocalizedText;
}

export interface Catalog {
  meta: CatalogMeta;
  procedures: Procedure[];
}

/** A passage of an imported document (Markdown, HTML, PDF, DOCX), cut along its headings. */
export interface DocumentChunk {
  documentId: string;
  ordinal: number;
  /** Heading trail, e.g. ["Carte nationale", "Pièces à fournir"]. */
  headings: string[];
  text: string;
  /** Procedure the document is attached to, when known (front matter `procedure:` or file name). */
  procedureId?: string;
}

export interface KnowledgeDocument {
  id: string;
  title: string;
  sourcePath: string;
  sourceUrl?: string;
  format: 'markdown' | 'html' | 'pdf' | 'docx' | 'text';
  procedureId?: string;
  chunks: DocumentChunk[];
}
