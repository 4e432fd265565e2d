import { verifyChain } from '@khidma/gateway';
import { type ChainVerifier, verifyAuditLog } from '@khidma/server';
import type { Command } from 'commander';
import { printJson, printTable, withStores } from '../db.js';

/** `khidma audit verify|list`. */
export function register(program: Command): void {
  const audit = program.command('audit').description('Inspect and verify the hash-chained audit log');

  audit
    .command('verify')
    .description(
      'Check every entry; names the first edited, deleted or reordered one (exit code 2 if broken)',
    )
    .option('--json', 'print JSON')
    .action(async (o) => {
      await withStores(async ({ audit: store }) => {
        const report = await verifyAuditLog(store, verifyChain as unknown as ChainVerifier);
        if (o.json) printJson(report);
        else if (report.ok) {
          process.stdout.write(`Audit log intact: ${report.checked} entries verified.`);
          process.stdout.write(report.headHash ? ` Head #${report.headSeq} ${report.headHash}\n` : '\n');
        } else {
          process.stdout.write(
            `Audit log BROKEN at entry #${report.firstBad.seq} (${report.firstBad.problem}).\n`,
          );
          process.stdout.write(`${report.firstBad.message}\n${report.checked} entries before it verified.\n`);
        }
        if (!report.ok) process.exitCode = 2;
      });
    });

  audit
    .command('list')
    .description('Latest entries (no prompt text is ever stored)')
    .option('-n, --limit <n>', 'how many', Number, 20)
    .option('-o, --org <org>', 'organisation id')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await withStores(async ({ audit: store, orgs }) => {
        const org = o.org ? await orgs.get(o.org) : null;
        const entries = await store.list({ orgId: org?.id ?? o.org, limit: o.limit, order: 'desc' });
        if (o.json) return printJson(entries);
        printTable(
          entries.map((e) => ({
            seq: e.seq,
            ts: e.ts,
            action: e.endpoint,
            org: e.actor?.orgId,
            key: e.actor?.keyId,
            model: e.model,
            provider: e.provider,
            dest: e.destinationCountry,
            decision: e.decision,
            status: e.status,
          })),
          ['seq', 'ts', 'action', 'org', 'key', 'model', 'provider', 'dest', 'decision', 'status'],
        );
      });
    });
}
