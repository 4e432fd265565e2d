import type { Command } from 'commander';
import { withStores } from '../db.js';

/** `khidma admin rotate-token`: replaces the stored master token (when KHIDMA_ADMIN_TOKEN is not set). */
export function register(program: Command): void {
  const admin = program.command('admin').description('Instance administration');
  admin
    .command('rotate-token')
    .description('Generate a new master admin token, print it once, store only its SHA-256')
    .action(async () => {
      if (process.env.KHIDMA_ADMIN_TOKEN) {
        throw new Error('KHIDMA_ADMIN_TOKEN is set in the environment; change it there instead');
      }
      await withStores(async ({ auth, record }) => {
        const token = await auth.rotateAdminToken();
        record('admin.token.rotate', 'master-token');
        process.stdout.write('New master admin token (shown once; restart running servers to use it):\n');
        process.stdout.write(`KHIDMA_ADMIN_TOKEN=${token}\n`);
      });
    });
}
