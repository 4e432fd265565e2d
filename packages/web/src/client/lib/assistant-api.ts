import { readSse } from './sse.js';

/** What a citation card shows; every field but the title is optional because sources vary. */
export interface CitationView {
  /** Marker number in the answer text ([1], [2]…). */
  n?: number;
  procedureId?: string;
  title: string;
  documents: string[];
  fee?: string;
  delay?: string;
  office?: string;
  sourceUrl?: string;
  lang?: string;
}

export type AssistantEvent =
  | { type: 'delta'; text: string }
  | { type: 'citations'; citations: CitationView[] }
  | { type: 'meta'; answerId?: string; conversationId?: string; language?: string; refused?: boolean }
  | { type: 'done' }
  | { type: 'error'; message: string };

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

function text(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(text).filter(Boolean).join(' · ') || undefined;
  return str(v);
}

/** Only web links reach an href (never javascript: or data: URLs from a compromised source). */
function webUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined;
}

/** Accepts the assistant's citation objects under the names it may use, and keeps what a card needs. */
export function toCitationView(raw: unknown): CitationView | undefined {
  if (!isObject(raw)) return undefined;
  const title = str(raw.title) ?? str(raw.name);
  if (!title) return undefined;
  const documents = Array.isArray(raw.documents)
    ? raw.documents.map(text).filter((d): d is string => !!d)
    : [];
  // Document passages (kind "chunk") have ids like "doc#3": they are not procedure pages.
  const isProcedure = raw.kind === undefined || raw.kind === 'procedure';
  return {
    n: typeof raw.n === 'number' ? raw.n : undefined,
    procedureId: str(raw.procedureId) ?? (isProcedure ? str(raw.id) : undefined),
    title,
    documents,
    fee: text(raw.fee ?? raw.fees),
    delay: text(raw.delay ?? raw.processingTime),
    office: text(raw.office ?? raw.offices),
    sourceUrl: webUrl(str(raw.sourceUrl) ?? str(raw.source_url) ?? str(raw.url)),
    lang: str(raw.lang) ?? str(raw.language),
  };
}

/** Maps one SSE event of /v1/assistant/chat to an AssistantEvent (OpenAI-style chunks accepted too). */
export function interpretEvent(event: string, data: string): AssistantEvent[] {
  if (data === '[DONE]') return [{ type: 'done' }];
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return event === 'delta' || event === 'token' ? [{ type: 'delta', text: data }] : [];
  }
  if (!isObject(payload)) return [];
  const kind = str(payload.type) ?? event;
  const out: AssistantEvent[] = [];
  if (isObject(payload.error) || kind === 'error') {
    const err = isObject(payload.error) ? payload.error : payload;
    return [{ type: 'error', message: str(err.message) ?? 'error' }];
  }
  // Whitespace-only deltas matter (spaces between words): no trimming here.
  const delta = [payload.delta, payload.text, payload.content].find(
    (v): v is string => typeof v === 'string',
  );
  if (delta !== undefined && delta !== '' && (kind === 'delta' || kind === 'token' || kind === 'message')) {
    out.push({ type: 'delta', text: delta });
  }
  const choices = Array.isArray(payload.choices) ? payload.choices : [];
  for (const choice of choices) {
    if (isObject(choice) && isObject(choice.delta) && typeof choice.delta.content === 'string') {
      out.push({ type: 'delta', text: choice.delta.content });
    }
  }
  const answerId =
    str(payload.answerId) ??
    str(payload.messageId) ??
    (kind === 'meta' || kind === 'done' ? str(payload.id) : undefined);
  const conversationId = str(payload.conversationId);
  const language = str(payload.language) ?? str(payload.lang);
  // "refused": the knowledge base had no confident answer; the UI then offers a human agent first.
  const refused = typeof payload.refused === 'boolean' ? payload.refused : undefined;
  if (answerId || conversationId || language || refused !== undefined) {
    out.push({ type: 'meta', answerId, conversationId, language, refused });
  }
  const citations = payload.citations ?? payload.sources;
  if (Array.isArray(citations)) {
    out.push({
      type: 'citations',
      citations: citations.map(toCitationView).filter((c): c is CitationView => !!c),
    });
  }
  if (kind === 'done' || kind === 'end') out.push({ type: 'done' });
  return out;
}

export async function* askAssistant(
  messages: ChatTurn[],
  options: { signal?: AbortSignal },
): AsyncGenerator<AssistantEvent> {
  const response = await fetch('/v1/assistant/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    // No `lang`: the assistant answers in the language and script of the question itself.
    body: JSON.stringify({ messages, stream: true }),
    signal: options.signal,
  });
  if (!response.ok || !response.body) {
    let message = `HTTP ${response.status}`;
    try {
      const body = (await response.json()) as Json;
      if (isObject(body.error)) message = str(body.error.message) ?? message;
    } catch {
      // Non-JSON error bodies keep the status line.
    }
    yield { type: 'error', message };
    return;
  }
  for await (const sse of readSse(response.body, options.signal)) {
    yield* interpretEvent(sse.event, sse.data);
  }
}

async function postJson(url: string, body: unknown): Promise<Json> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const payload = (await response.json().catch(() => ({}))) as Json;
  if (!response.ok) {
    const message = isObject(payload.error) ? str(payload.error.message) : undefined;
    throw new Error(message ?? `HTTP ${response.status}`);
  }
  return payload;
}

/** POST /v1/assistant/feedback (public): a rating of one answer, with an optional comment. */
export function sendFeedback(input: {
  answerId?: string;
  rating: 'up' | 'down';
  comment?: string;
  language?: string;
  procedureIds?: string[];
}): Promise<Json> {
  return postJson('/v1/assistant/feedback', {
    answer_id: input.answerId,
    rating: input.rating,
    comment: input.comment,
    language: input.language,
    procedure_ids: input.procedureIds?.slice(0, 10),
  });
}

/** POST /v1/assistant/escalations (public): opens a ticket for a human agent with the conversation. */
export async function requestAgent(input: {
  messages: ChatTurn[];
  contact?: string;
  answerId?: string;
  language?: string;
  procedureIds?: string[];
}): Promise<{ ticketId?: string }> {
  const payload = await postJson('/v1/assistant/escalations', {
    messages: input.messages.slice(-40).map((m) => ({ role: m.role, content: m.content.slice(0, 8000) })),
    contact: input.contact,
    answer_id: input.answerId,
    language: input.language,
    procedure_ids: input.procedureIds?.slice(0, 10),
  });
  return { ticketId: str(payload.id) ?? str(payload.ticketId) };
}

/** Fills citation cards with the procedure's documents, fee, delay and office (server-rendered facts). */
export async function fetchProcedureCards(ids: string[], locale: string): Promise<CitationView[]> {
  if (ids.length === 0) return [];
  const response = await fetch(
    `/api/web/procedure-cards?ids=${encodeURIComponent(ids.slice(0, 10).join(','))}&lang=${encodeURIComponent(locale)}`,
  );
  if (!response.ok) return [];
  const payload = (await response.json()) as Json;
  return (Array.isArray(payload.data) ? payload.data : [])
    .map(toCitationView)
    .filter((c): c is CitationView => !!c);
}
