import type { Command } from 'commander';
import { parseDate, printJson, printTable, withStores } from '../db.js';
import { adminApi, canUseServer } from '../remote.js';

const ROLES = ['admin', 'org-admin', 'member'] as const;

/** `khidma keys create|list|revoke`, directly on the database. */
export function register(program: Command): void {
  const keys = program.command('keys').description('Create, list and revoke API keys');

  keys
    .command('create')
    .description('Create an API key; the secret is printed once and never stored')
    .requiredOption('-n, --name <name>', 'a label for the key')
    .option('-o, --org <org>', 'organisation id or slug', 'default')
    .option('-r, --role <role>', `one of ${ROLES.join(', ')}`, 'member')
    .option('-s, --scopes <models>', 'comma-separated public model ids this key may call (default: all)')
    .option('-e, --expires <when>', 'expiry: ISO date or duration such as 90d')
    .option('--rpm <n>', 'requests per minute', toInt)
    .option('--tpm <n>', 'tokens per minute', toInt)
    .option('--tpd <n>', 'tokens per day', toInt)
    .option('--budget <mad>', 'monthly budget in MAD', Number)
    .option('--json', 'print JSON')
    .action(async (o) => {
      if (!(ROLES as readonly string[]).includes(o.role))
        throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      const local = withStores(async ({ auth, orgs, record }) => {
        const org = await orgs.get(o.org);
        if (!org) throw new Error(`no organisation "${o.org}" (create it with: khidma orgs create --name …)`);
        const { key, info } = await auth.createKey({
          orgId: org.id,
          name: o.name,
          role: o.role,
          scopes: o.scopes
            ? String(o.scopes)
                .split(',')
                .map((s: string) => s.trim())
                .filter(Boolean)
            : null,
          expiresAt: o.expires ? parseDate(o.expires, '--expires') : null,
          limits: { rpm: o.rpm, tpm: o.tpm, tpd: o.tpd, monthlyBudgetMad: o.budget },
          createdBy: 'cli',
        });
        record('admin.key.create', info.id, [`org:${org.id}`, `role:${info.role}`]);
        if (o.json) return printJson({ ...info, key });
        process.stdout.write(`Created key ${info.id} (${info.prefix}) in ${org.slug}, role ${info.role}.\n`);
        process.stdout.write('Secret (shown once, store it now):\n');
        process.stdout.write(`${key}\n`);
      });
      await local.catch(async (err) => {
        if (!canUseServer(err)) throw err;
        const created = await adminApi<{
          id: string;
          prefix: string;
          org_id: string;
          role: string;
          key: string;
        }>('POST', '/admin/v1/keys', {
          name: o.name,
          org_id: o.org,
          role: o.role,
          scopes: o.scopes
            ? String(o.scopes)
                .split(',')
                .map((x: string) => x.trim())
                .filter(Boolean)
            : null,
          expires_at: o.expires ? parseDate(o.expires, '--expires').toISOString() : null,
          limits: { rpm: o.rpm, tpm: o.tpm, tpd: o.tpd, monthly_budget_mad: o.budget },
        });
        if (o.json) return printJson(created);
        process.stdout.write(
          `Created key ${created.id} (${created.prefix}) through the running server, role ${created.role}.\n`,
        );
        process.stdout.write(`Secret (shown once, store it now):\n${created.key}\n`);
      });
    });

  keys
    .command('list')
    .description('List keys (never their secrets)')
    .option('-o, --org <org>', 'only this organisation (id or slug)')
    .option('-a, --all', 'include revoked keys')
    .option('--json', 'print JSON')
    .action(async (o) => {
      type Row = {
        id: string;
        prefix: string;
        name: string;
        orgId: string;
        role: string;
        scopes: string[] | null;
        status: string;
        createdAt: string;
        expiresAt: string | null;
      };
      const print = (list: Row[]) => {
        if (o.json) return printJson(list);
        printTable(
          list.map((k) => ({
            ...k,
            expires: k.expiresAt?.slice(0, 10) ?? null,
            created: k.createdAt.slice(0, 10),
          })),
          ['id', 'prefix', 'name', 'orgId', 'role', 'scopes', 'status', 'created', 'expires'],
        );
      };
      await withStores(async ({ auth, orgs }) => {
        const org = o.org ? await orgs.get(o.org) : null;
        if (o.org && !org) throw new Error(`no organisation "${o.org}"`);
        print(await auth.listKeys({ orgId: org?.id, includeRevoked: Boolean(o.all) }));
      }).catch(async (err) => {
        if (!canUseServer(err)) throw err;
        const qs = new URLSearchParams({
          include_revoked: String(Boolean(o.all)),
          ...(o.org ? { org_id: o.org } : {}),
        });
        const res = await adminApi<{ data: Record<string, unknown>[] }>('GET', `/admin/v1/keys?${qs}`);
        print(
          res.data.map((k) => ({
            id: String(k.id),
            prefix: String(k.prefix),
            name: String(k.name),
            orgId: String(k.org_id),
            role: String(k.role),
            scopes: k.scopes as string[] | null,
            status: String(k.status),
            createdAt: String(k.created_at),
            expiresAt: (k.expires_at as string | null) ?? null,
          })),
        );
      });
    });

  keys
    .command('revoke')
    .description(
      'Revoke a key by id or visible prefix (running servers on the same database drop it at once)',
    )
    .argument('<key>', 'key id (key_…) or prefix (kh_…)')
    .option('--json', 'print JSON')
    .action(async (ref: string, o) => {
      await withStores(async ({ auth, record }) => {
        const key = await auth.getKey(ref);
        if (!key) throw new Error(`no key "${ref}"`);
        const revoked = await auth.revokeKey(key.id);
        record('admin.key.revoke', key.id);
        if (o.json) return printJson(revoked);
        process.stdout.write(`Revoked ${key.id} (${key.prefix}).\n`);
      }).catch(async (err) => {
        if (!canUseServer(err)) throw err;
        const revoked = await adminApi<{ id: string; prefix: string }>(
          'POST',
          `/admin/v1/keys/${encodeURIComponent(ref)}/revoke`,
        );
        if (o.json) return printJson(revoked);
        process.stdout.write(`Revoked ${revoked.id} (${revoked.prefix}) through the running server.\n`);
      });
    });
}

function toInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got "${v}"`);
  return n;
}
