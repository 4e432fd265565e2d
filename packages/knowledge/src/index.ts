// @khidma/knowledge — procedure catalog, multilingual search and the grounded citizen assistant.

export {
  Assistant,
  type AssistantAnswer,
  type AssistantEvent,
  type AssistantOptions,
  type AssistantRequest,
  answerLangFor,
  type Retriever,
} from './assistant/assistant.js';
export { type Citation, composeProcedureAnswer, composeRefusal } from './assistant/compose.js';
export { type ChatTurn, checkGrounding, type GroundedModel, groundedPrompt } from './assistant/grounding.js';
export { ANSWER_LANGS, type AnswerLang, STRINGS } from './assistant/templates.js';
export {
  type CatalogFormat,
  csvRowToProcedure,
  type ParsedCatalog,
  parseCatalog,
  type RowIssue,
} from './catalog/parse.js';
export { loadSampleCatalog, SAMPLE_CATALOG_DIR, serializeCatalog } from './catalog/sample.js';
export * from './catalog/types.js';
export { formatIssues, type ValidationIssue, validateProcedure } from './catalog/validate.js';
export {
  type ImportIssue,
  type ImportOptions,
  type ImportReport,
  importPath,
  isImportable,
} from './import/importer.js';
export { contentHash, type Embedder, KnowledgeBase } from './knowledge-base.js';
export { analyze } from './search/analyzer.js';
export { KnowledgeIndex } from './search/knowledge-index.js';
export { getDefaultLexicon, Lexicon } from './search/lexicon.js';
export { highlightHtml, type Passage } from './search/passages.js';
export type { SearchFilters, SearchHit, SearchOptions, SearchResult } from './search/search-types.js';
export { wordTokens } from './search/word-keys.js';
export {
  type ImportRecord,
  type KnowledgeStore,
  MemoryKnowledgeStore,
  type StoredDocument,
  type StoredProcedure,
  type UpsertOutcome,
} from './store.js';
