/** SSE framing for OpenAI-style streams. */

export const SSE_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

export const SSE_DONE = 'data: [DONE]\n\n';

/** Frames one JSON payload (already serialised) as a `data:` event. */
export const sseData = (json: string): string => `data: ${json}\n\n`;

/** Frames an OpenAI error object for in-stream error reporting (after headers were sent). */
export const sseError = (body: unknown): string => `data: ${JSON.stringify(body)}\n\n`;

/** A comment line, used as a keep-alive that every SSE client ignores. */
export const sseComment = (text: string): string => `: ${text.replace(/[\r\n]/g, ' ')}\n\n`;
