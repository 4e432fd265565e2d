import type { Command } from 'commander';
import { printJson, printTable, withStores } from '../db.js';

/** `khidma orgs list|create|disable|enable|delete`. */
export function register(program: Command): void {
  const orgs = program.command('orgs').description('Manage organisations (tenants)');

  orgs
    .command('list')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await withStores(async ({ orgs: svc }) => {
        const list = await svc.list();
        if (o.json) return printJson(list);
        printTable(
          list.map((x) => ({
            ...x,
            created: x.createdAt.slice(0, 10),
            status: x.disabledAt ? 'disabled' : 'active',
          })),
          ['id', 'slug', 'name', 'status', 'limits', 'created'],
        );
      });
    });

  orgs
    .command('create')
    .requiredOption('-n, --name <name>', 'display name')
    .option('-s, --slug <slug>', 'short id used on the command line (default: from the name)')
    .option('--rpm <n>', 'requests per minute', Number)
    .option('--tpm <n>', 'tokens per minute', Number)
    .option('--tpd <n>', 'tokens per day', Number)
    .option('--budget <mad>', 'monthly budget in MAD', Number)
    .option('--json', 'print JSON')
    .action(async (o) => {
      await withStores(async ({ orgs: svc, record }) => {
        const org = await svc.create({
          name: o.name,
          slug: o.slug,
          limits: { rpm: o.rpm, tpm: o.tpm, tpd: o.tpd, monthlyBudgetMad: o.budget },
        });
        record('admin.org.create', org.id);
        if (o.json) return printJson(org);
        process.stdout.write(`Created organisation ${org.slug} (${org.id}).\n`);
      });
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    orgs
      .command(name)
      .argument('<org>', 'id or slug')
      .action(async (ref: string) => {
        await withStores(async ({ orgs: svc, record }) => {
          const org = await svc.get(ref);
          if (!org) throw new Error(`no organisation "${ref}"`);
          await svc.update(org.id, { disabled });
          record('admin.org.update', org.id, [`changed:disabled=${disabled}`]);
          process.stdout.write(`${disabled ? 'Disabled' : 'Enabled'} ${org.slug}.\n`);
        });
      });
  }

  orgs
    .command('delete')
    .argument('<org>', 'id or slug')
    .requiredOption('--yes', 'confirm: deletes the organisation and its keys (usage and audit are kept)')
    .action(async (ref: string) => {
      await withStores(async ({ orgs: svc, record }) => {
        const org = await svc.get(ref);
        if (!org) throw new Error(`no organisation "${ref}"`);
        await svc.delete(org.id);
        record('admin.org.delete', org.id);
        process.stdout.write(`Deleted ${org.slug}.\n`);
      });
    });
}
