import {
  buildRegister,
  loadConfig,
  PrivacyStore,
  parsePrivacyConfig,
  policyFor,
  registerToCsv,
  resolvePrivacySecret,
  type SubjectQuery,
} from '@khidma/server';
import type { Command } from 'commander';
import { printJson, printTable, withStores } from '../db.js';

interface SubjectOptions {
  cin?: string;
  phone?: string;
  email?: string;
  org?: string;
  json?: boolean;
}

function subjectQuery(o: SubjectOptions): SubjectQuery {
  if (!o.cin && !o.phone && !o.email) throw new Error('give at least one of --cin, --phone, --email');
  return { cin: o.cin, phone: o.phone, email: o.email };
}

function subjectCommand(parent: Command, name: string, description: string): Command {
  return parent
    .command(name)
    .description(description)
    .option('--cin <cin>', 'national identity card number (CIN), e.g. AB123456')
    .option('--phone <phone>', 'phone number in any format (06…, +212…)')
    .option('--email <email>', 'e-mail address')
    .option('-o, --org <org>', 'only this organisation (id or slug)')
    .option('--json', 'print JSON');
}

/**
 * `khidma privacy subject find|export|erase` (Loi 09-08 rights of access and erasure, matched by keyed
 * hash) and `khidma privacy register` (processing register, JSON or CSV). Works on the database directly.
 */
export function register(program: Command): void {
  const privacy = program
    .command('privacy')
    .description('Loi 09-08: data-subject requests and the processing register');
  const subject = privacy
    .command('subject')
    .description('Find, export or erase what is stored about a person');

  const run =
    (fn: (store: PrivacyStore, q: SubjectQuery, orgId: string | null, o: SubjectOptions) => Promise<void>) =>
    async (o: SubjectOptions) => {
      const q = subjectQuery(o);
      await withStores(async ({ db, orgs }) => {
        const org = o.org ? await orgs.get(o.org) : null;
        if (o.org && !org) throw new Error(`no organisation "${o.org}"`);
        await fn(new PrivacyStore(db, resolvePrivacySecret(process.env)), q, org?.id ?? null, o);
      });
    };

  subjectCommand(subject, 'find', 'List stored records tied to a CIN, phone or e-mail').action(
    run(async (store, q, orgId, o) => {
      const records = await store.find(q, orgId);
      if (o.json) return printJson(records);
      printTable(records as unknown as Record<string, unknown>[], [
        'kind',
        'ref',
        'orgId',
        'createdAt',
        'source',
        'expiresAt',
      ]);
    }),
  );

  subjectCommand(subject, 'export', 'Export everything stored about the person (JSON)').action(
    run(async (store, q, orgId) => {
      printJson(await store.export(q, orgId));
    }),
  );

  subjectCommand(subject, 'erase', 'Erase every stored record tied to the person')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(
      run(async (store, q, orgId, o) => {
        const found = await store.find(q, orgId);
        if (!(o as SubjectOptions & { yes?: boolean }).yes) {
          process.stdout.write(
            `${found.length} record(s) would be erased. Re-run with --yes to erase them.\n`,
          );
          return;
        }
        const r = await store.erase(q, orgId);
        if (o.json) return printJson(r);
        process.stdout.write(`Erased ${r.mappings} pseudonym mapping(s) and ${r.references} reference(s).\n`);
      }),
    );

  privacy
    .command('register')
    .description('Processing register: purposes, recipients, transfers abroad with countries, retention')
    .option('-f, --format <format>', 'json or csv', 'json')
    .option('-c, --config <path>', 'configuration file (default: KHIDMA_CONFIG or ./khidma.yaml)')
    .action(async (o: { format: string; config?: string }) => {
      if (o.format !== 'json' && o.format !== 'csv') throw new Error('--format must be json or csv');
      const config = loadConfig({ path: o.config, env: process.env });
      const privacyConfig = parsePrivacyConfig(config.privacy);
      await withStores(async ({ orgs }) => {
        const list = await orgs.list();
        const reg = buildRegister(
          config,
          privacyConfig,
          policyFor(privacyConfig, null),
          list.map((org) => ({ id: org.id, slug: org.slug, policy: policyFor(privacyConfig, org) })),
        );
        if (o.format === 'csv') process.stdout.write(registerToCsv(reg));
        else printJson(reg);
      });
    });
}
