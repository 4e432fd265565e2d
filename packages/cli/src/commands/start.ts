import { ConfigError, startServer } from '@khidma/server';
import type { Command } from 'commander';

/** `khidma start [--port N] [--config FILE]`: runs the HTTP server until SIGINT/SIGTERM. */
export function register(program: Command): void {
  program
    .command('start')
    .description('Start the Khidma server (PGlite under KHIDMA_DATA_DIR, or PostgreSQL with DATABASE_URL)')
    .option('-p, --port <n>', 'port to listen on (default: PORT or 8080)', parsePort)
    .option('-H, --host <host>', 'interface to bind (default: HOST or 0.0.0.0)')
    .option('-c, --config <file>', 'JSON or YAML configuration (default: KHIDMA_CONFIG)')
    .action(async (opts: { port?: number; host?: string; config?: string }) => {
      try {
        const { app, url } = await startServer({
          port: opts.port,
          host: opts.host,
          configPath: opts.config,
          onAdminTokenGenerated: printAdminTokenOnce,
        });
        process.stdout.write(`Khidma listening on ${url}  (docs: ${url}/docs)\n`);
        let closing = false;
        const stop = (signal: string) => {
          if (closing) return;
          closing = true;
          app.log.info({ signal }, 'shutting down');
          // In-flight requests (long SSE streams included) get a grace period, then their sockets are
          // cut so that usage and audit batches still flush and the database closes before exit.
          const grace = Number(process.env.KHIDMA_SHUTDOWN_GRACE_MS) || 10_000;
          setTimeout(() => {
            app.log.warn('grace period over; closing remaining connections');
            app.server.closeAllConnections();
          }, grace).unref();
          app.close().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      } catch (err) {
        if (err instanceof ConfigError) throw new Error(err.message);
        throw err;
      }
    });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`invalid port: ${value}`);
  return n;
}

/** Printed to the terminal (not the log) once, on the very first start without KHIDMA_ADMIN_TOKEN. */
function printAdminTokenOnce(token: string): void {
  process.stdout.write(
    [
      '',
      '  A master admin token was generated. It is shown only this once; only its SHA-256 is stored.',
      `  KHIDMA_ADMIN_TOKEN=${token}`,
      '  Keep it safe (or set KHIDMA_ADMIN_TOKEN yourself before starting).',
      '',
      '',
    ].join('\n'),
  );
}
