import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { formatBundleReport, measureCitizenBundle } from './src/build/bundle-budget.ts';

const outDir = fileURLToPath(new URL('./dist/client', import.meta.url));

/** Prints the citizen bundle size after each production build and fails the build above budget. */
function bundleBudget(): Plugin {
  let dir = outDir;
  return {
    name: 'khidma-bundle-budget',
    apply: 'build',
    configResolved(config) {
      dir = config.build.outDir;
    },
    closeBundle() {
      const report = measureCitizenBundle(dir);
      console.log(formatBundleReport(report));
      if (!report.withinBudget) throw new Error('citizen bundle exceeds its gzipped size budget');
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/client', import.meta.url)),
  base: '/assets/',
  // Workspace packages resolve to their TypeScript sources, so the client builds without `tsc -b` first.
  resolve: { conditions: ['source', 'module', 'browser', 'production', 'default'] },
  plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), bundleBudget()],
  build: {
    outDir,
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    assetsDir: '',
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./src/client/index.html', import.meta.url)),
        admin: fileURLToPath(new URL('./src/client/admin.ts', import.meta.url)),
      },
    },
  },
});
