import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources, so `npm test` needs no build first.
const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));
const alias = [
  // Subpath exports such as `@khidma/gateway/testing` map to `packages/gateway/src/testing.ts`.
  { find: /^@khidma\/([^/]+)\/(.+)$/, replacement: `${packagesDir}$1/src/$2.ts` },
  ...readdirSync(packagesDir).map((name) => ({
    find: new RegExp(`^@khidma/${name}$`),
    replacement: `${packagesDir}${name}/src/index.ts`,
  })),
];

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
