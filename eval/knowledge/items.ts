// Loaders for the evaluation question files: the development TSV sets and the blind held-out JSONL set.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Item {
  lang: string;
  expected: string[];
  oos: boolean;
  question: string;
  file: string;
  line: number;
}

/** questions-*.tsv: `lang<TAB>ids,comma-separated|OOS<TAB>question`, `#` lines are comments. */
export function loadTsvSets(dir: string): Item[] {
  const items: Item[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        if (!raw.trim() || raw.startsWith('#')) return;
        const [lang, exp, question] = raw.split('\t');
        if (!lang || !exp || !question) throw new Error(`${file}:${i + 1}: expected 3 tab-separated columns`);
        items.push({
          lang,
          expected: exp === 'OOS' ? [] : exp.split(','),
          oos: exp === 'OOS',
          question,
          file,
          line: i + 1,
        });
      });
  }
  return items;
}

/** heldout.jsonl: one `{ lang, expected: string[], oos?: true, question }` per line; a `_meta` line documents the set. */
export function loadHeldOut(path: string): Item[] {
  const items: Item[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      const row = JSON.parse(raw) as {
        _meta?: string;
        lang?: string;
        expected?: string[];
        oos?: boolean;
        question?: string;
      };
      if (row._meta) return;
      const where = `heldout.jsonl:${i + 1}`;
      if (!row.lang || !row.question || !Array.isArray(row.expected))
        throw new Error(`${where}: needs lang, expected[], question`);
      const oos = row.oos === true;
      if (!oos && row.expected.length === 0)
        throw new Error(`${where}: in-scope question without expected ids`);
      items.push({
        lang: row.lang,
        expected: row.expected,
        oos,
        question: row.question,
        file: 'heldout.jsonl',
        line: i + 1,
      });
    });
  return items;
}
