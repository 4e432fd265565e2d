import { GatewayError, toGatewayError } from '../errors.js';
import { normaliseUsage } from '../providers/mistral-mapping.js';
import type { ChatResult } from '../providers/types.js';
import { SSE_DONE, sseData } from '../sse/writer.js';
import type { ChatCompletion, ChatCompletionChunk, ToolCall, ToolCallDelta, Usage } from '../types/openai.js';
import type { TextRestorer } from './guard.js';
import { estimateTokens } from './tokens.js';

export interface ChatOutcome {
  status: 'ok' | 'error' | 'client_aborted';
  httpStatus: number;
  errorCode: string | null;
  usage: Usage;
  usageSource: 'provider' | 'estimate';
  ttftMs: number | null;
  /** The answer's text (bounded), for the guard's after-the-fact PII check when the request settles. */
  answerText: string;
}

export interface OutputOptions {
  publicModel: string;
  includeUsage: boolean;
  /**
   * Mistral dialect (Mistral SDK clients): usage rides on the chunk carrying finish_reason instead of a
   * separate empty-choices chunk, and tool calls arrive whole (Mistral's SDK rejects fragments).
   */
  mistralDialect?: boolean;
  promptTokensEstimate: () => number;
  /** performance.now() when the request arrived. */
  startedAt: number;
  restorer?: () => TextRestorer;
}

const MAX_INSPECTED_TEXT = 64 * 1024;

/** Collects answer text (bounded) for the guard's after-the-fact PII check. */
class TextTap {
  text = '';
  add(s: string | null | undefined): void {
    if (s && this.text.length < MAX_INSPECTED_TEXT) this.text += s;
  }
}

function finalUsage(usage: Usage | undefined, o: OutputOptions, completionText: string) {
  if (usage) return { usage, usageSource: 'provider' as const };
  const completion = estimateTokens(completionText);
  const prompt = o.promptTokensEstimate();
  return {
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
    },
    usageSource: 'estimate' as const,
  };
}

/** Non-streaming answer: restores pseudonyms, renames the model, serialises once. */
export async function completionBody(
  result: ChatResult,
  o: OutputOptions,
): Promise<{ json: string; outcome: ChatOutcome }> {
  const completion = result.type === 'completion' ? result.completion : await aggregate(result.chunks);
  const tap = new TextTap();
  for (const choice of completion.choices) {
    const msg = choice.message;
    if (o.restorer && typeof msg.content === 'string') {
      const r = o.restorer();
      msg.content = r.push(msg.content) + r.flush();
    }
    if (o.restorer && msg.tool_calls) {
      for (const tc of msg.tool_calls) {
        const r = o.restorer();
        tc.function.arguments = r.push(tc.function.arguments) + r.flush();
      }
    }
    tap.add(msg.content);
  }
  completion.model = o.publicModel;
  const { usage, usageSource } = finalUsage(normaliseUsage(completion.usage), o, tap.text);
  completion.usage = usage;
  const outcome: ChatOutcome = {
    status: 'ok',
    httpStatus: 200,
    errorCode: null,
    usage,
    usageSource,
    ttftMs: performance.now() - o.startedAt,
    answerText: tap.text,
  };
  return { json: JSON.stringify(completion), outcome };
}

/**
 * Streaming answer as ready-to-write SSE frames. The provider's usage is captured and stripped from
 * content chunks; a final usage chunk is emitted only if the client asked (`stream_options`).
 * `onDone` runs exactly once: on completion, on upstream failure (after an in-stream error event), or
 * when the consumer stops iterating because the client went away.
 */
export async function* streamFrames(
  result: ChatResult,
  o: OutputOptions,
  onDone: (outcome: ChatOutcome) => void,
): AsyncGenerator<string> {
  const chunks = result.type === 'stream' ? result.chunks : synthesise(result.completion);
  const restorers = new Map<number, TextRestorer>();
  const tap = new TextTap();
  let usage: Usage | undefined;
  let ttft: number | null = null;
  let last: ChatCompletionChunk | undefined;
  let outcome: Omit<ChatOutcome, 'usage' | 'usageSource' | 'answerText'> | undefined;
  const holdFinish = o.mistralDialect === true && !o.includeUsage;
  const wholeToolCalls = o.mistralDialect === true;
  const pendingCalls = new Map<number, ToolCallDelta[]>();
  const argRestorers = new Map<string, TextRestorer>();
  let held: ChatCompletionChunk | undefined;
  const restorerFor = (i: number) => {
    let r = restorers.get(i);
    if (!r && o.restorer) {
      r = o.restorer();
      restorers.set(i, r);
    }
    return r;
  };
  try {
    for await (const chunk of chunks) {
      if (chunk.usage) {
        usage = normaliseUsage(chunk.usage);
      }
      if (!chunk.choices || chunk.choices.length === 0) continue; // provider's usage-only chunk
      if (chunk.usage !== undefined) delete chunk.usage;
      chunk.model = o.publicModel;
      last = chunk;
      let flushFrame = '';
      for (const choice of chunk.choices) {
        const d = choice.delta;
        const r = o.restorer ? restorerFor(choice.index) : undefined;
        if (r && typeof d.content === 'string') d.content = r.push(d.content);
        tap.add(d.content);
        if (d.tool_calls) {
          for (const tc of d.tool_calls) {
            if (o.restorer && typeof tc.function?.arguments === 'string') {
              const key = `${choice.index}:${tc.index}`;
              let ar = argRestorers.get(key);
              if (!ar) {
                ar = o.restorer();
                argRestorers.set(key, ar);
              }
              tc.function.arguments = ar.push(tc.function.arguments);
            }
          }
          if (wholeToolCalls) {
            pendingCalls.set(choice.index, [...(pendingCalls.get(choice.index) ?? []), ...d.tool_calls]);
            delete d.tool_calls;
          }
        }
        if (!choice.finish_reason) continue;
        if (r) {
          const rest = r.flush();
          if (rest) {
            tap.add(rest);
            flushFrame += sseData(JSON.stringify(contentChunk(chunk, choice.index, rest)));
          }
        }
        for (const [key, ar] of argRestorers) {
          if (!key.startsWith(`${choice.index}:`)) continue;
          const rest = ar.flush();
          argRestorers.delete(key);
          if (!rest) continue;
          const frag: ToolCallDelta = {
            index: Number(key.slice(key.indexOf(':') + 1)),
            function: { arguments: rest },
          };
          if (wholeToolCalls)
            pendingCalls.set(choice.index, [...(pendingCalls.get(choice.index) ?? []), frag]);
          else flushFrame += sseData(JSON.stringify(toolChunk(chunk, choice.index, frag)));
        }
        const calls = pendingCalls.get(choice.index);
        if (calls) {
          d.tool_calls = mergeToolCallDeltas(calls);
          pendingCalls.delete(choice.index);
        }
      }
      if (ttft === null) ttft = performance.now() - o.startedAt;
      if (wholeToolCalls && chunk.choices.every((c) => !c.finish_reason && isEmptyDelta(c.delta))) {
        if (flushFrame) yield flushFrame;
        continue;
      }
      if (flushFrame) yield flushFrame;
      if (held) {
        yield sseData(JSON.stringify(held));
        held = undefined;
      }
      if (holdFinish && chunk.choices.some((c) => c.finish_reason)) held = chunk;
      else yield sseData(JSON.stringify(chunk));
    }
    outcome = { status: 'ok', httpStatus: 200, errorCode: null, ttftMs: ttft };
    const u = finalUsage(usage, o, tap.text);
    if (held) {
      held.usage = u.usage;
      yield sseData(JSON.stringify(held));
      held = undefined;
    }
    if (o.includeUsage) {
      yield sseData(
        JSON.stringify({
          id: last?.id ?? '',
          object: 'chat.completion.chunk',
          created: last?.created ?? Math.floor(Date.now() / 1000),
          model: o.publicModel,
          choices: [],
          usage: u.usage,
        }),
      );
    }
    yield SSE_DONE;
  } catch (e) {
    if (e instanceof Error && e.name === 'AbortError') {
      outcome = { status: 'client_aborted', httpStatus: 499, errorCode: 'client_aborted', ttftMs: ttft };
      return;
    }
    const err = toGatewayError(e);
    outcome = {
      status: 'error',
      httpStatus: err.status,
      errorCode: err.code ?? 'upstream_error',
      ttftMs: ttft,
    };
    // Headers are gone: report the failure in-band, as OpenAI does, so SDKs raise an error.
    yield sseData(JSON.stringify(err.toJSON()));
  } finally {
    const base = outcome ?? {
      status: 'client_aborted',
      httpStatus: 499,
      errorCode: 'client_aborted',
      ttftMs: ttft,
    };
    const u = finalUsage(usage, o, tap.text);
    onDone({
      ...base,
      ...u,
      answerText: tap.text,
    } as ChatOutcome);
  }
}

function contentChunk(like: ChatCompletionChunk, index: number, content: string): ChatCompletionChunk {
  return {
    id: like.id,
    object: 'chat.completion.chunk',
    created: like.created,
    model: like.model,
    choices: [{ index, delta: { content }, finish_reason: null }],
  };
}

function toolChunk(like: ChatCompletionChunk, index: number, call: ToolCallDelta): ChatCompletionChunk {
  return {
    id: like.id,
    object: 'chat.completion.chunk',
    created: like.created,
    model: like.model,
    choices: [{ index, delta: { tool_calls: [call] }, finish_reason: null }],
  };
}

const isEmptyDelta = (d: ChatCompletionChunk['choices'][number]['delta']) =>
  !d.role && (d.content === undefined || d.content === null || d.content === '') && !d.tool_calls;

/** Folds streamed tool-call fragments (id and name first, arguments in pieces) into whole calls. */
export function mergeToolCallDeltas(fragments: ToolCallDelta[]): ToolCallDelta[] {
  const byIndex = new Map<number, ToolCallDelta>();
  for (const f of fragments) {
    const cur = byIndex.get(f.index);
    if (!cur) {
      byIndex.set(f.index, {
        index: f.index,
        id: f.id,
        type: 'function',
        function: { name: f.function?.name ?? '', arguments: f.function?.arguments ?? '' },
      });
      continue;
    }
    if (f.id) cur.id = f.id;
    if (f.function?.name) cur.function!.name = (cur.function!.name ?? '') + f.function.name;
    if (f.function?.arguments)
      cur.function!.arguments = (cur.function!.arguments ?? '') + f.function.arguments;
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** Turns a complete answer (e.g. from a virtual model) into the chunks a streaming client expects. */
async function* synthesise(c: ChatCompletion): AsyncGenerator<ChatCompletionChunk> {
  const base = { id: c.id, object: 'chat.completion.chunk' as const, created: c.created, model: c.model };
  yield {
    ...base,
    choices: c.choices.map((ch) => ({
      index: ch.index,
      delta: {
        role: 'assistant' as const,
        content: ch.message.content ?? '',
        ...(ch.message.tool_calls
          ? { tool_calls: ch.message.tool_calls.map((tc, index) => ({ index, ...tc })) }
          : {}),
      },
      finish_reason: null,
    })),
  };
  yield {
    ...base,
    choices: c.choices.map((ch) => ({ index: ch.index, delta: {}, finish_reason: ch.finish_reason })),
    ...(c.usage ? { usage: c.usage } : {}),
  };
}

/** Folds a chunk stream back into one completion (for non-streaming clients of streaming sources). */
export async function aggregate(chunks: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletion> {
  const out: ChatCompletion = { id: '', object: 'chat.completion', created: 0, model: '', choices: [] };
  for await (const chunk of chunks) {
    out.id ||= chunk.id;
    out.created ||= chunk.created;
    out.model ||= chunk.model;
    if (chunk.usage) out.usage = chunk.usage;
    for (const c of chunk.choices ?? []) {
      let choice = out.choices.find((x) => x.index === c.index);
      if (!choice) {
        choice = { index: c.index, message: { role: 'assistant', content: null }, finish_reason: 'stop' };
        out.choices.push(choice);
      }
      if (typeof c.delta.content === 'string')
        choice.message.content = (choice.message.content ?? '') + c.delta.content;
      for (const tc of c.delta.tool_calls ?? []) {
        choice.message.tool_calls ??= [];
        let call: ToolCall | undefined = choice.message.tool_calls[tc.index];
        if (!call) {
          call = { id: tc.id ?? '', type: 'function', function: { name: '', arguments: '' } };
          choice.message.tool_calls[tc.index] = call;
        }
        if (tc.id) call.id = tc.id;
        if (tc.function?.name) call.function.name += tc.function.name;
        if (tc.function?.arguments) call.function.arguments += tc.function.arguments;
      }
      if (c.finish_reason) choice.finish_reason = c.finish_reason;
    }
  }
  if (out.choices.length === 0) {
    throw new GatewayError(502, 'The model produced no answer', { code: 'empty_response' });
  }
  return out;
}
