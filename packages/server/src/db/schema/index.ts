// One Drizzle schema for PGlite and PostgreSQL. Each concern owns a file; add yours with one line here,
// then run `flock /tmp/khidma-migrate.lock npm run db:generate -w @khidma/server` and commit drizzle/.
export * from './audit.js';
export * from './keys.js';
export * from './knowledge.js';
export * from './orgs.js';
export * from './privacy.js';
export type * from './quotas.js';
export * from './settings.js';
export * from './usage.js';
