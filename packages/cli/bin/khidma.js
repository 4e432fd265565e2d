#!/usr/bin/env node
// Committed entry point, so `npm ci` can link `khidma` into node_modules/.bin before anything is built
// (npm skips bin links whose target does not exist yet). The CLI itself is compiled into dist/.
const entry = new URL('../dist/bin.js', import.meta.url);
import(entry.href).catch((err) => {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/bin.js')) {
    process.stderr.write('khidma is not built yet: run `npm run build` first (`npm start` builds too).\n');
    process.exit(1);
  }
  throw err;
});
