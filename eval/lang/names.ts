/**
 * Names across scripts on the DODa v2 name lists (Latin spelling -> Arabic script; evaluation only):
 * how often the Latin and Arabic spellings get the same nameSkeleton, and whether arabizeName finds the
 * Arabic spelling (top-1 / top-5, diacritics and hamza seats folded).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arabizeName, nameSkeleton, normalize } from '@khidma/lang';
import { parseCsv } from './csv.js';
import { DATA_DIR } from './data.js';

export interface NamesReport {
  pairs: number;
  skeletonAgreement: number;
  arabizeTop1: number;
  arabizeTop5: number;
}

export function evaluateNames(): NamesReport | undefined {
  const pairs: [string, string][] = [];
  for (const f of ['malenames.csv', 'femalenames.csv']) {
    const p = join(DATA_DIR, 'darija/doda-v2-semantic', f);
    if (!existsSync(p)) continue;
    for (const r of parseCsv(readFileSync(p, 'utf8')).slice(1)) {
      const latin = (r[0] ?? '').trim();
      const arabic = (r[1] ?? '').trim();
      if (latin && arabic) pairs.push([latin, arabic]);
    }
  }
  if (pairs.length === 0) return undefined;
  const fold = (s: string) => normalize(s, { for: 'search' });
  let skeleton = 0;
  let top1 = 0;
  let top5 = 0;
  for (const [latin, arabic] of pairs) {
    if (nameSkeleton(latin) === nameSkeleton(arabic)) skeleton++;
    const cands = arabizeName(latin).map(fold);
    if (cands[0] === fold(arabic)) top1++;
    if (cands.slice(0, 5).includes(fold(arabic))) top5++;
  }
  return {
    pairs: pairs.length,
    skeletonAgreement: skeleton / pairs.length,
    arabizeTop1: top1 / pairs.length,
    arabizeTop5: top5 / pairs.length,
  };
}
