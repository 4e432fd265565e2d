export type { BlockingRule, RuleCount } from './blocking.js';
export { checkBlockingRules, countComparisons, parseBlockingRule, suggestBlockingRules } from './blocking.js';
export { clusterSizes, connectedComponents, type Edges, oneToOneEdges, UnionFind } from './cluster.js';
export { chunkSql, vectorSelect } from './compare.js';
export {
  configSchema,
  FIELD_KINDS,
  type FieldKind,
  findRepoRoot,
  type LinkConfig,
  loadConfigFile,
  parseConfig,
  SUPPORTED_ENCODINGS,
} from './config.js';
export { DuckDbEngine, type Engine, openEngine, PostgresEngine } from './engine/index.js';
export { type MessageLang, RegistryError, type RegistryErrorCode, registryMessage } from './errors.js';
export {
  type Contribution,
  type Explanation,
  explainRecords,
  explainVector,
  explanationHtml,
  explanationSvg,
} from './explain.js';
export { buildGoldenRecords, type GoldenRecord } from './golden.js';
export { buildComparisons, type ComparisonSpec, gammaSql, type LevelSpec } from './levels.js';
export {
  applyMFromLabels,
  applyU,
  initialParams,
  type LinkModel,
  levelWeight,
  loadModel,
  matchWeightSql,
  type Pattern,
  priorWeight,
  probabilityFromWeight,
  runEm,
  saveModel,
  tfAdjustment,
} from './model.js';
export { goldenRecords, type ReviewPair, uncertainPairs, writeOutputs } from './outputs.js';
export {
  closeRun,
  type LinkOptions,
  type LinkRun,
  type Progress,
  prepareRecords,
  runLinkage,
  type Stage,
} from './pipeline.js';
export { assignStableIds, readMapping } from './stable-ids.js';
export {
  isPlaceholder,
  standardiseDate,
  standardiseId,
  standardiseName,
  standardisePlace,
  standardiseText,
} from './standardise.js';
export {
  DEFAULT_ERRORS,
  type ErrorRates,
  generateRegistry,
  rng,
  type SyntheticRecord,
  type SyntheticSource,
  syntheticConfig,
  writeRecordsCsv,
} from './synthetic/generate.js';
