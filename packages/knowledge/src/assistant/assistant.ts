import { randomUUID } from 'node:crypto';
import { identify, type LangTag } from '@khidma/lang';
import type { SearchFilters, SearchHit, SearchResult } from '../search/search-types.js';
import {
  type Citation,
  citationFor,
  composeChunkAnswer,
  composeProcedureAnswer,
  composeRefusal,
  formatCitations,
} from './compose.js';
import { looksLikeArabizi, looksLikeDarijaArabic, looksLikeStandardArabic } from './dialect.js';
import {
  type ChatTurn,
  checkGrounding,
  citationsFor,
  type GroundedModel,
  groundedPrompt,
  sourceBlock,
} from './grounding.js';
import { ANSWER_LANGS, type AnswerLang } from './templates.js';

export interface Retriever {
  search(
    query: string,
    opts: SearchFilters & { limit?: number; preferLang?: 'fr' | 'ar' | 'en' | 'zgh' },
  ): Promise<SearchResult>;
}

export interface AssistantRequest {
  messages: ChatTurn[];
  /** Force the answer language; by default it is detected from the last user message. */
  lang?: AnswerLang;
  filters?: SearchFilters;
  signal?: AbortSignal;
}

export interface AssistantAnswer {
  id: string;
  /** Full answer text, ending with the numbered sources. */
  text: string;
  language: AnswerLang;
  detected: { tag: LangTag; confidence: number };
  citations: Citation[];
  refused: boolean;
  confidence: number;
  mode: 'offline' | 'llm';
  /** Why an LLM answer was replaced by the offline one (no_valid_citation, unsupported_amount, model_error). */
  fallbackReason?: string;
  procedureIds: string[];
  /** The question was read together with earlier turns (e.g. "and how much is it?"). */
  followUp: boolean;
  facets: string[];
}

export type AssistantEvent =
  | {
      type: 'meta';
      id: string;
      language: AnswerLang;
      citations: Citation[];
      refused: boolean;
      mode: 'offline' | 'llm';
    }
  | { type: 'delta'; text: string }
  | { type: 'done'; answer: AssistantAnswer };

export interface AssistantOptions {
  retriever: Retriever;
  /** Optional LLM (through the gateway). Without it every answer is composed offline. */
  model?: GroundedModel;
  /** Below this search confidence the assistant says it does not know (default 0.5). */
  refusalThreshold?: number;
  /** Max time for the LLM before falling back to the offline answer (default 20 s). */
  modelTimeoutMs?: number;
}

const MAX_QUESTION = 2000;

/**
 * A follow-up ("w chhal katkhles?", "et le délai ?") names no topic of its own and is short; a new
 * topic, even an out-of-scope one ("w l meteo?"), must not be read as the previous question.
 */
function isFollowUp(question: string, result: SearchResult): boolean {
  const words = question.split(/\s+/).filter(Boolean).length;
  return words <= 8 && result.concepts.every((c) => c.startsWith('kw:'));
}

// Darija function words written in Latin letters that are not French, English or Spanish words.
/** Maps an identified tag to an answer language; unknown or foreign tags fall back by script. */
export function answerLangFor(tag: LangTag, text: string): AnswerLang {
  if ((ANSWER_LANGS as readonly string[]).includes(tag)) return tag as AnswerLang;
  if (/[\u2d30-\u2d7f]/.test(text)) return 'zgh-Tfng';
  if (/[\u0600-\u06ff]/.test(text)) return 'ary-Arab';
  return 'fra-Latn';
}

const PREFER: Record<AnswerLang, 'fr' | 'ar' | 'en' | 'zgh'> = {
  'ary-Arab': 'ar',
  'ary-Latn': 'fr',
  'arb-Arab': 'ar',
  'fra-Latn': 'fr',
  'eng-Latn': 'en',
  'zgh-Tfng': 'zgh',
  'zgh-Latn': 'fr',
};

export class Assistant {
  private readonly threshold: number;

  constructor(private readonly opts: AssistantOptions) {
    this.threshold = opts.refusalThreshold ?? 0.5;
  }

  get hasModel(): boolean {
    return this.opts.model !== undefined;
  }

  /** Language of the question; very short follow-ups inherit the language of the conversation. */
  detectLanguage(messages: ChatTurn[]): { lang: AnswerLang; tag: LangTag; confidence: number } {
    const users = messages.filter((m) => m.role === 'user').map((m) => m.content);
    const last = users.at(-1) ?? '';
    const id = identify(last);
    if ((id.tag === 'und' || id.confidence < 0.45) && users.length > 1) {
      const prev = identify(users.slice(0, -1).join('\n'));
      if (prev.tag !== 'und')
        return { lang: answerLangFor(prev.tag, users.join(' ')), tag: prev.tag, confidence: prev.confidence };
    }
    if ((id.tag === 'fra-Latn' || id.tag === 'eng-Latn' || id.tag === 'spa-Latn') && looksLikeArabizi(last)) {
      return { lang: 'ary-Latn', tag: 'ary-Latn', confidence: id.confidence };
    }
    if (id.tag === 'arb-Arab' && looksLikeDarijaArabic(last)) {
      return { lang: 'ary-Arab', tag: 'ary-Arab', confidence: id.confidence };
    }
    if (id.tag === 'ary-Arab' && looksLikeStandardArabic(last)) {
      return { lang: 'arb-Arab', tag: 'arb-Arab', confidence: id.confidence };
    }
    // Tifinagh letters are Tamazight whatever loanwords surround them ("ⵔⵉⵖ ⴰⴷ ⴳⵖ auto-entrepreneur").
    if (!id.tag.startsWith('zgh') && (last.match(/[\u2d30-\u2d7f]/g)?.length ?? 0) >= 3) {
      return { lang: 'zgh-Tfng', tag: 'zgh-Tfng', confidence: id.confidence };
    }
    return { lang: answerLangFor(id.tag, last), tag: id.tag, confidence: id.confidence };
  }

  async answer(req: AssistantRequest): Promise<AssistantAnswer> {
    const users = req.messages.filter((m) => m.role === 'user').map((m) => m.content.slice(0, MAX_QUESTION));
    const question = users.at(-1) ?? '';
    const detected = this.detectLanguage(req.messages);
    const lang = req.lang ?? detected.lang;
    const base = { ...(req.filters ?? {}), limit: 5, preferLang: PREFER[lang] };
    let result = await this.opts.retriever.search(question, base);
    let followUp = false;
    if (result.confidence < this.threshold && users.length > 1 && isFollowUp(question, result)) {
      // Follow-up such as "w chhal katkhles?": read it with the previous questions.
      const context = users.slice(-3, -1).join('\n');
      const again = await this.opts.retriever.search(`${context}\n${question}`, base);
      if (again.confidence >= this.threshold) {
        result = { ...again, facets: result.facets.length ? result.facets : again.facets };
        followUp = true;
      }
    }
    const id = randomUUID();
    const common = {
      id,
      language: lang,
      detected: { tag: detected.tag, confidence: detected.confidence },
      confidence: result.confidence,
      followUp,
      facets: result.facets,
    };
    const top = result.hits[0];
    if (!top || result.confidence < this.threshold) {
      const likely = result.confidence >= 0.3 ? top?.procedure : undefined;
      return {
        ...common,
        text: composeRefusal(lang, likely),
        citations: [],
        refused: true,
        mode: 'offline',
        procedureIds: [],
      };
    }
    const hits = this.relevantHits(result.hits);
    const citations = hits.map((h, i) => citationFor(h, i + 1, lang));
    const offline = this.offline(hits, citations, lang, result.facets);
    if (!this.opts.model) return { ...common, ...offline, refused: false, mode: 'offline' };
    return this.withModel(req, hits, citations, lang, offline, common);
  }

  /** Streams the answer: one `meta` event, text deltas, then `done` with the full answer. */
  async *stream(req: AssistantRequest): AsyncGenerator<AssistantEvent> {
    const a = await this.answer(req);
    yield {
      type: 'meta',
      id: a.id,
      language: a.language,
      citations: a.citations,
      refused: a.refused,
      mode: a.mode,
    };
    // Lines are sent as they are composed; a client renders them progressively.
    const parts = a.text.split(/(?<=\n)/);
    for (const part of parts) {
      if (req.signal?.aborted) return;
      yield { type: 'delta', text: part };
    }
    yield { type: 'done', answer: a };
  }

  /** The top hit, plus runners-up that score close to it (shown as "see also"). */
  private relevantHits(hits: SearchHit[]): SearchHit[] {
    const top = hits[0] as SearchHit;
    return [top, ...hits.slice(1, 3).filter((h) => h.score >= top.score * 0.85)];
  }

  private offline(hits: SearchHit[], citations: Citation[], lang: AnswerLang, facets: string[]) {
    const top = hits[0] as SearchHit;
    const related = citations.slice(1);
    const body = top.procedure
      ? composeProcedureAnswer(top.procedure, lang, facets, related)
      : composeChunkAnswer(top, lang);
    return {
      text: `${body}\n\n${formatCitations(citations, lang)}`,
      citations,
      procedureIds: hits.flatMap((h) => (h.procedure ? [h.procedure.id] : [])),
    };
  }

  private async withModel(
    req: AssistantRequest,
    hits: SearchHit[],
    citations: Citation[],
    lang: AnswerLang,
    offline: { text: string; citations: Citation[]; procedureIds: string[] },
    common: Omit<AssistantAnswer, 'text' | 'citations' | 'refused' | 'mode' | 'procedureIds'>,
  ): Promise<AssistantAnswer> {
    const model = this.opts.model as GroundedModel;
    const timeout = AbortSignal.timeout(this.opts.modelTimeoutMs ?? 20_000);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    let raw: string;
    try {
      raw = await model.complete(groundedPrompt(hits, lang, req.messages), { signal });
    } catch {
      return { ...common, ...offline, refused: false, mode: 'offline', fallbackReason: 'model_error' };
    }
    const check = checkGrounding(raw, hits, sourceBlock(hits, lang));
    if (!check.ok) {
      return {
        ...common,
        ...offline,
        refused: false,
        mode: 'offline',
        fallbackReason: check.reason ?? 'ungrounded',
      };
    }
    const used = citationsFor(check.cited, citations);
    const procedureIds = check.cited.flatMap((n) => {
      const p = hits[n - 1]?.procedure;
      return p ? [p.id] : [];
    });
    return {
      ...common,
      text: `${check.text.trim()}\n\n${formatCitations(used, lang)}`,
      citations: used,
      refused: false,
      mode: 'llm',
      procedureIds,
    };
  }
}
