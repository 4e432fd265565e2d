import { startServer } from '@khidma/server';

/**
 * Fallback launcher for the benchmark: the same `startServer` that `khidma start` calls, used only when
 * the CLI cannot start (e.g. an unrelated command group failing to load).
 */
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const { app, url } = await startServer({
  port: Number(opt('--port') ?? 0),
  host: opt('--host') ?? '127.0.0.1',
  configPath: opt('--config'),
});
process.stdout.write(`Khidma listening on ${url}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
