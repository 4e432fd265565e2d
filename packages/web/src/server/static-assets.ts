import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

export interface Asset {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  brotli?: Buffer;
  etag: string;
}

interface ViteManifestChunk {
  file: string;
  css?: string[];
  isEntry?: boolean;
}

/**
 * The built client, held in memory. It is small (tens of KB), so every file is read once at start and
 * pre-compressed with Brotli and gzip: slow mobile connections get the smallest body with no CPU cost
 * per request.
 */
export class ClientBuild {
  readonly assets = new Map<string, Asset>();
  indexHtml: string | null;
  stylesheet: string | null;
  adminScript: string | null;

  constructor(readonly dir: string) {
    this.indexHtml = null;
    this.stylesheet = null;
    this.adminScript = null;
    if (!existsSync(join(dir, 'index.html'))) return;
    try {
      this.load();
    } catch {
      // A build being replaced while we read it: serve as "not built" rather than fail the server.
      this.assets.clear();
      this.indexHtml = null;
    }
  }

  private load(): void {
    const dir = this.dir;
    this.indexHtml = readFileSync(join(dir, 'index.html'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ViteManifestChunk
    >;
    const main = manifest['index.html'];
    this.stylesheet = main?.css?.[0] ? `/assets/${main.css[0]}` : null;
    const admin = manifest['admin.ts'];
    this.adminScript = admin ? `/assets/${admin.file}` : null;
    for (const file of walk(dir)) {
      const name = relative(dir, file).split('\\').join('/');
      if (name === 'index.html' || name.startsWith('.vite/')) continue;
      const type = TYPES[extname(name)];
      if (!type) continue;
      const body = readFileSync(file);
      const compressible = !type.startsWith('image/png') && !type.startsWith('font/');
      this.assets.set(name, {
        type,
        body,
        gzip: compressible ? gzipSync(body, { level: 9 }) : undefined,
        brotli: compressible
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          : undefined,
        etag: `"${statSync(file).size.toString(36)}-${name.replace(/[^\w.-]/g, '')}"`,
      });
    }
  }

  get built(): boolean {
    return this.indexHtml !== null;
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** Picks the best encoding the client accepts. */
export function pickEncoding(acceptEncoding: string | undefined, asset: Asset): 'br' | 'gzip' | null {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (asset.brotli && /\bbr\b/.test(accepted)) return 'br';
  if (asset.gzip && /\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}
