/**
 * Language identification: script detection first (Tifinagh, Arabic, Latin), then a hashed
 * character-n-gram naive-Bayes model per script group plus hand-authored marker words.
 * Never throws: anything without at least two letters is `und` with confidence 0.
 */
import { MARKERS } from './markers.js';
import { darijaEvidence } from './matrix.js';
import { extractFeatures, MAX_SCAN, wordKey } from './model/features.js';
import { type GroupModel, type LidModelData, unpackGroup } from './model/format.js';
import { LID_MODEL } from './model/lid-model.js';
import { countScripts } from './script.js';
import { type Identification, type LangTag, splitTag } from './types.js';

const MARKER_BONUS = 2.2;
/**
 * Darija borrows most Standard Arabic words, so one or two Arabic-script words without MSA-only
 * grammar are far more likely Darija in Moroccan use: short inputs get this extra prior for ary-Arab.
 */
const SHORT_ARABIC_PRIOR = 4.0;
const SHORT_WORDS = 3;
const SINGLE_WORD_ARABIC_PRIOR = 8.0;
/** Per IRCAM-only letter (ɣ ɛ ḍ ḥ ...), capped at three letters. */
const IRCAM_LETTER_BONUS = 1.5;
const MATRIX_ARABIC_SHARE = 0.3;
/** Darija-only tokens needed to read a French/English-looking Latin message as Darija, and the margin. */
const MATRIX_EVIDENCE = 2;
const MATRIX_MARGIN = 1.0;

function argmax(xs: Float64Array): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) > (xs[best] as number)) best = i;
  return best;
}

interface GroupRuntime {
  model: GroupModel;
  markers: Map<number, Float64Array>;
}
interface Runtime {
  latin: GroupRuntime;
  arabic: GroupRuntime;
  data: LidModelData;
}

let runtime: Runtime | undefined;
let modelData: LidModelData = LID_MODEL;

/**
 * Replaces the identification model (e.g. one trained with `khidma lang train`). The model is
 * unpacked here, so a malformed one is rejected with an error now and identify() never throws later.
 */
export function useModel(data: LidModelData): void {
  if (data?.format !== 'khidma-lid/1') throw new Error('not a khidma-lid/1 language model');
  const next: Runtime = {
    latin: buildGroup(unpackGroup(data.groups.latin, data.bucketBits)),
    arabic: buildGroup(unpackGroup(data.groups.arabic, data.bucketBits)),
    data,
  };
  modelData = data;
  runtime = next;
}

/** Provenance of the model in use (who trained it, on what). */
export function modelInfo(): LidModelData['provenance'] {
  return modelData.provenance;
}

function buildGroup(model: GroupModel): GroupRuntime {
  const markers = new Map<number, Float64Array>();
  model.classes.forEach((tag, ci) => {
    const words = MARKERS[tag]?.split(/\s+/).filter(Boolean) ?? [];
    for (const w of words) {
      const key = wordKey(w);
      const bonus = markers.get(key) ?? new Float64Array(model.classes.length);
      bonus[ci] = MARKER_BONUS;
      markers.set(key, bonus);
    }
  });
  return { model, markers };
}

function getRuntime(): Runtime {
  if (!runtime) {
    runtime = {
      latin: buildGroup(unpackGroup(modelData.groups.latin, modelData.bucketBits)),
      arabic: buildGroup(unpackGroup(modelData.groups.arabic, modelData.bucketBits)),
      data: modelData,
    };
  }
  return runtime;
}

// Scoring state shared by the static callbacks below, so that no closure is created per call.
let curWeights: Float32Array = new Float32Array(0);
let curScores: Float64Array = new Float64Array(8);
let curC = 0;
let curFeatures = 0;
let curMarkers: Map<number, Float64Array> = new Map();
let curMarkerHits = 0;
let curWords = 0;

function onFeature(index: number): void {
  const base = index * curC;
  for (let c = 0; c < curC; c++) curScores[c] = (curScores[c] as number) + (curWeights[base + c] as number);
  curFeatures++;
}

function onWord(hash: number): void {
  const bonus = curMarkers.get(hash);
  if (!bonus) return;
  curMarkerHits++;
  for (let c = 0; c < curC; c++) curScores[c] = (curScores[c] as number) + (bonus[c] as number);
}

export interface GroupScores {
  classes: LangTag[];
  scores: Float64Array;
  features: number;
  markerHits: number;
  words: number;
}

/** Raw class scores of text[start, end) under one script group. */
export function scoreGroup(
  group: 'latin' | 'arabic',
  text: string,
  start = 0,
  end = text.length,
): GroupScores {
  const g = getRuntime()[group];
  curC = g.model.classes.length;
  curScores = Float64Array.from(g.model.bias);
  curWeights = g.model.weights;
  curMarkers = g.markers;
  curFeatures = 0;
  curMarkerHits = 0;
  curWords = extractFeatures(text, onFeature, onWord, start, end);
  return {
    classes: g.model.classes,
    scores: curScores,
    features: curFeatures,
    markerHits: curMarkerHits,
    words: curWords,
  };
}

/** Softmax of scores with a temperature that grows with the evidence (naive Bayes is overconfident). */
export function posteriors(s: GroupScores): Float64Array {
  const t = Math.max(1.5, Math.sqrt(s.features) * 0.9);
  let max = Number.NEGATIVE_INFINITY;
  for (const v of s.scores) max = Math.max(max, v);
  const out = new Float64Array(s.scores.length);
  let sum = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.exp(((s.scores[i] as number) - max) / t);
    sum += out[i] as number;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/** Context priors that the bag-of-n-grams model cannot express (see the constants above). */
export function applyPriors(s: GroupScores, ircamLetters: number): void {
  const ary = s.classes.indexOf('ary-Arab');
  if (ary >= 0 && s.words <= SHORT_WORDS) {
    // A lone word carries no grammar at all: only an MSA-only form (marker, tanween) outweighs this.
    const prior = s.words === 1 ? SINGLE_WORD_ARABIC_PRIOR : SHORT_ARABIC_PRIOR / s.words;
    s.scores[ary] = (s.scores[ary] as number) + prior;
  }
  const zgh = s.classes.indexOf('zgh-Latn');
  if (zgh >= 0 && ircamLetters > 0)
    s.scores[zgh] = (s.scores[zgh] as number) + IRCAM_LETTER_BONUS * Math.min(3, ircamLetters);
}

/**
 * URLs, e-mail addresses and @mentions say nothing about the language of a message: they are blanked
 * (within the scan window only, token by token, so the cost stays linear and bounded).
 */
function withoutAddresses(text: string): string {
  const window = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  if (window.indexOf('@') < 0 && window.indexOf('://') < 0 && window.indexOf('www.') < 0) return text;
  return window
    .split(/(\s+)/)
    .map((tok) => (tok.includes('://') || tok.startsWith('www.') || tok.includes('@') ? ' ' : tok))
    .join('');
}

const UND: Identification = Object.freeze({
  tag: 'und',
  language: 'und',
  script: 'Zyyy',
  confidence: 0,
  alternatives: [],
}) as Identification;

function result(
  tag: LangTag,
  confidence: number,
  alternatives: { tag: LangTag; confidence: number }[],
): Identification {
  const { language, script } = splitTag(tag);
  return { tag, language, script, confidence: round(confidence), alternatives };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Darija grammar words carry a French-looking message (see matrix.ts): ary-Latn then wins. */
function preferDarijaMatrix(s: GroupScores, text: string): void {
  const ary = s.classes.indexOf('ary-Latn');
  const best = argmax(s.scores);
  const tag = s.classes[best];
  if (ary < 0 || (tag !== 'fra-Latn' && tag !== 'eng-Latn' && tag !== 'spa-Latn')) return;
  if (darijaEvidence(text) < MATRIX_EVIDENCE) return;
  s.scores[ary] = (s.scores[best] as number) + MATRIX_MARGIN;
}

/** Identifies the language and script of a text (chat message or paragraph). */
export function identify(text: string): Identification {
  if (typeof text !== 'string' || text.length === 0) return { ...UND, alternatives: [] };
  text = withoutAddresses(text);
  const end = Math.min(text.length, MAX_SCAN);
  const counts = countScripts(text, 0, end);
  const letters = counts.latin + counts.arabic + counts.tifinagh;
  if (letters < 2) return { ...UND, alternatives: [] };
  if (counts.tifinagh >= counts.latin && counts.tifinagh >= counts.arabic) {
    const share = counts.tifinagh / letters;
    const alternatives: { tag: LangTag; confidence: number }[] = [];
    if (share < 1)
      alternatives.push({
        tag: counts.arabic > counts.latin ? 'ary-Arab' : 'zgh-Latn',
        confidence: round(1 - share),
      });
    return result('zgh-Tfng', Math.max(0.5, share), alternatives);
  }
  let primary: 'latin' | 'arabic' = counts.arabic >= counts.latin ? 'arabic' : 'latin';
  let s = scoreGroup(primary, text, 0, end);
  applyPriors(s, counts.ircam);
  // Arabic-script words carry the grammar of a mixed message (Darija with French nouns: بغيت نجدد
  // la carte nationale عافاك); French or English text rarely embeds Arabic script.
  if (primary === 'latin' && counts.arabic >= MATRIX_ARABIC_SHARE * letters) {
    const best = argmax(s.scores);
    const tag = s.classes[best];
    if (tag !== 'ary-Latn' && tag !== 'zgh-Latn') {
      primary = 'arabic';
      s = scoreGroup('arabic', text, 0, end);
      applyPriors(s, counts.ircam);
    }
  }
  if (primary === 'latin') preferDarijaMatrix(s, text.slice(0, end));
  const share = (primary === 'arabic' ? counts.arabic : counts.latin) / letters;
  const post = posteriors(s);
  const ranked = [...s.classes.keys()].sort((a, b) => (post[b] as number) - (post[a] as number));
  const best = ranked[0] as number;
  const alternatives = ranked
    .slice(1, 4)
    .map((i) => ({ tag: s.classes[i] as LangTag, confidence: round((post[i] as number) * share) }));
  if (share < 0.95) {
    const other: 'latin' | 'arabic' = primary === 'arabic' ? 'latin' : 'arabic';
    const o = scoreGroup(other, text, 0, end);
    const op = posteriors(o);
    let oi = 0;
    for (let i = 1; i < op.length; i++) if ((op[i] as number) > (op[oi] as number)) oi = i;
    alternatives.unshift({
      tag: o.classes[oi] as LangTag,
      confidence: round((op[oi] as number) * (1 - share)),
    });
    alternatives.sort((a, b) => b.confidence - a.confidence);
    alternatives.length = Math.min(alternatives.length, 3);
  }
  return result(s.classes[best] as LangTag, (post[best] as number) * share, alternatives);
}
