/** A server-sent event as defined by the HTML living standard (event name and data lines). */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Incremental SSE parser: feed it decoded text chunks as they arrive, get complete events back.
 * Handles CRLF/LF line endings, multi-line data, comments (`:`), and events split across chunks.
 */
export function createSseParser(): { push(chunk: string): SseEvent[]; flush(): SseEvent[] } {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  // A CR that ended the previous chunk may be the first half of a CRLF: its LF must not end the event.
  let afterCR = false;
  const dispatch = (out: SseEvent[]) => {
    if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n'), id });
    event = '';
    data = [];
  };
  const handleLine = (line: string, out: SseEvent[]) => {
    if (line === '') return dispatch(out);
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  };
  return {
    push(chunk) {
      buffer += afterCR && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
      if (chunk !== '') afterCR = chunk.endsWith('\r');
      const out: SseEvent[] = [];
      const lines = buffer.split(/\r\n|\n|\r/);
      // The last piece is an incomplete line until its terminator arrives.
      buffer = lines.pop() ?? '';
      for (const line of lines) handleLine(line, out);
      return out;
    },
    flush() {
      const out: SseEvent[] = [];
      if (buffer !== '') handleLine(buffer, out);
      buffer = '';
      dispatch(out);
      return out;
    },
  };
}

/** Reads a fetch Response body as SSE events. */
export async function* readSse(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser();
  try {
    for (;;) {
      if (signal?.aborted) return;
      const { value, done } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
    yield* parser.flush();
  } finally {
    reader.releaseLock();
  }
}
