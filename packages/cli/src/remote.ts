/**
 * When the embedded database is held by a running `khidma start`, key commands go through that
 * server's admin API instead (needs KHIDMA_ADMIN_TOKEN; KHIDMA_URL defaults to the local port).
 */
export function canUseServer(err: unknown): boolean {
  return /in use by process/.test(String((err as Error)?.message)) && Boolean(process.env.KHIDMA_ADMIN_TOKEN);
}

export async function adminApi<T>(method: string, path: string, body?: unknown): Promise<T> {
  const base = process.env.KHIDMA_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${process.env.KHIDMA_ADMIN_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch((err: Error) => {
    throw new Error(`the database is in use and the server at ${base} did not answer: ${err.message}`);
  });
  const json = (await res.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!res.ok) throw new Error(json.error?.message ?? `${method} ${path} failed with ${res.status}`);
  return json;
}
