import { startOfMonthUtc, type UsageGroup, usageToCsv } from '@khidma/server';
import type { Command } from 'commander';
import { parseDate, printJson, printTable, withStores } from '../db.js';

const GROUPS = ['day', 'month', 'model', 'provider', 'org', 'key'];

/** `khidma usage`: tokens and MAD from the usage table, grouped as asked. */
export function register(program: Command): void {
  program
    .command('usage')
    .description('Show usage (requests, tokens, cost in MAD); default: this month by day')
    .option('--from <when>', 'start: ISO date or duration ago such as 7d (default: first day of the month)')
    .option('--to <when>', 'end (exclusive), ISO date (default: now)')
    .option('-g, --group-by <groups>', `comma list of ${GROUPS.join(', ')}`, 'day')
    .option('-o, --org <org>', 'organisation id or slug')
    .option('-k, --key <key>', 'key id or prefix')
    .option('-m, --model <model>', 'public model id')
    .option('--csv', 'print CSV')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const groups = String(o.groupBy)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const g of groups) if (!GROUPS.includes(g)) throw new Error(`--group-by: unknown group "${g}"`);
      await withStores(async ({ usage, orgs, auth }) => {
        const org = o.org ? await orgs.get(o.org) : null;
        if (o.org && !org) throw new Error(`no organisation "${o.org}"`);
        const key = o.key ? await auth.getKey(o.key) : null;
        if (o.key && !key) throw new Error(`no key "${o.key}"`);
        const to = o.to ? parseDate(o.to, '--to') : new Date();
        const from = o.from ? pastDate(o.from) : startOfMonthUtc(to);
        const data = await usage.aggregate({
          from,
          to,
          orgId: org?.id,
          keyId: key?.id,
          model: o.model,
          groupBy: groups as UsageGroup[],
        });
        if (o.csv) return void process.stdout.write(usageToCsv(data, groups as UsageGroup[]));
        if (o.json)
          return printJson({ from: from.toISOString(), to: to.toISOString(), currency: 'MAD', data });
        const cols = groups.map((g) => ({ org: 'org_id', key: 'key_id' })[g as 'org' | 'key'] ?? g);
        printTable(data as unknown as Record<string, unknown>[], [
          ...cols,
          'requests',
          'errors',
          'prompt_tokens',
          'completion_tokens',
          'cost_mad',
        ]);
      });
    });
}

/** "7d" means seven days ago here (a start date), unlike key expiry where it is in the future. */
function pastDate(v: string): Date {
  const rel = /^(\d{1,5})([dhm])$/.exec(v);
  if (!rel) return parseDate(v, '--from');
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[2] as 'd' | 'h' | 'm'];
  return new Date(Date.now() - Number(rel[1]) * unit);
}
