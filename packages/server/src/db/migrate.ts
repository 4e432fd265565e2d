import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';

/** packages/server/drizzle, from both src/db (tsx, vitest) and dist/db (built). */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** A fixed advisory-lock key so that instances starting together migrate one at a time. */
export const MIGRATION_LOCK_KEY = 7_020_240_501;

/**
 * Applies the committed drizzle-kit migrations with drizzle-orm's own migrator (the dialect's
 * `migrate`, which both the pglite and node-postgres migrators call). drizzle-kit qualifies foreign
 * keys with "public"; when the database is isolated in another schema they are pointed there instead.
 */
export async function applyMigrations(orm: unknown, schemaName: string): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  if (schemaName !== 'public') {
    for (const m of migrations) m.sql = m.sql.map((s) => s.replaceAll('"public".', `"${schemaName}".`));
  }
  const internals = orm as {
    dialect: { migrate(m: unknown, session: unknown, cfg: unknown): Promise<void> };
    session: unknown;
  };
  await internals.dialect.migrate(migrations, internals.session, {
    migrationsFolder: MIGRATIONS_FOLDER,
    migrationsSchema: schemaName === 'public' ? 'drizzle' : schemaName,
    migrationsTable: '__drizzle_migrations',
  });
}
