import { Command } from 'commander';
import { register as registerAdmin } from './commands/admin.js';
import { register as registerAudit } from './commands/audit.js';
import { register as registerKb } from './commands/kb.js';
import { register as registerKeys } from './commands/keys.js';
import { register as registerLang } from './commands/lang.js';
import { register as registerOrgs } from './commands/orgs.js';
import { register as registerPrivacy } from './commands/privacy.js';
import { register as registerRegistry } from './commands/registry.js';
import { register as registerStart } from './commands/start.js';
import { register as registerUsage } from './commands/usage.js';

export const VERSION = '0.1.0';

/**
 * The `khidma` command line. Each command group lives in src/commands/<group>.ts and exports
 * `register(program)`; add yours with one import and one line in the list below.
 */
export function buildProgram(): Command {
  const program = new Command()
    .name('khidma')
    .description('Khidma — sovereign AI gateway, Moroccan privacy, languages and citizen services')
    .version(VERSION)
    .showHelpAfterError();

  // ── Command groups: one line each ───────────────────────────────────────────
  registerStart(program);
  registerKeys(program);
  registerOrgs(program);
  registerUsage(program);
  registerAudit(program);
  registerAdmin(program);
  registerRegistry(program);
  registerLang(program);
  registerKb(program);
  registerPrivacy(program);
  // ─────────────────────────────────────────────────────────────────────────────

  return program;
}
