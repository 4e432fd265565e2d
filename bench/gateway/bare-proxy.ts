import { createServer } from 'node:http';
import { Pool } from 'undici';

/**
 * The floor for any Node.js gateway on this machine: node:http in, one undici request out, the JSON
 * answer parsed and re-serialised, nothing else (no auth, quotas, routing, privacy, usage or audit).
 * Reported next to Khidma so its added latency can be read against what the extra hop alone costs.
 */
const upstream = process.argv[2];
if (!upstream) throw new Error('usage: bare-proxy.ts <upstream origin>');
const pool = new Pool(upstream, { connections: 128, pipelining: 1 });

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  const stream = body.stream === true;
  const up = await pool.request({
    method: 'POST',
    path: '/v1/chat/completions',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (stream) {
    res.writeHead(up.statusCode, { 'content-type': 'text/event-stream' });
    for await (const c of up.body) res.write(c);
    res.end();
    return;
  }
  const out = JSON.stringify(await up.body.json());
  res.writeHead(up.statusCode, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(out),
  });
  res.end(out);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`BARE_PORT=${address.port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
