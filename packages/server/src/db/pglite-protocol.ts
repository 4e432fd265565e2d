/** Messages between the main thread's PgliteWorkerClient and the PGlite worker thread. */
export type WorkerRequest =
  | {
      id: number;
      op: 'query';
      sql: string;
      params?: unknown[];
      rowMode?: 'array' | 'object';
      /** Type OIDs returned as the server's text (drizzle's identity parsers); functions cannot cross. */
      rawTypes?: number[];
      tx?: number;
    }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'listen'; channel: string }
  | { id: number; op: 'unlisten'; listenId: number }
  | { id: number; op: 'close' };

export interface WorkerReply {
  id: number;
  result?: unknown;
  error?: SerialisedError;
  ready?: true;
  notification?: { listenId: number; payload: string };
}

export type SerialisedError = { message: string } & Record<string, unknown>;

/** An error's message and its primitive fields (PostgreSQL's code, detail, constraint…). */
export function serialiseError(e: unknown): SerialisedError {
  if (!(e instanceof Error)) return { message: String(e) };
  const out: SerialisedError = { message: e.message, name: e.name };
  for (const [k, v] of Object.entries(e)) {
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  }
  return out;
}

export function deserialiseError(s: SerialisedError): Error {
  const { message, name, ...fields } = s;
  const err = new Error(message);
  if (typeof name === 'string') err.name = name;
  return Object.assign(err, fields);
}
