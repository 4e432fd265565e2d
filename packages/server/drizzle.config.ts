import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @khidma/server` writes SQL migrations into ./drizzle, which are committed and
// applied at start on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
