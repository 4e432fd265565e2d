/** Markdown rendering of the language evaluation results. */
import type { SystemReport } from './metrics.js';
import type { NamesReport } from './names.js';
import type { TranslitReport } from './translit.js';

interface Result {
  generatedAt: string;
  model: { corpus: string; trainedAt: string };
  items: Record<string, number>;
  overlapWithTraining: number;
  identification: SystemReport[];
  watchedCells: Record<string, Record<string, number>>;
  transliteration: TranslitReport[];
  names?: NamesReport;
}

const pct = (x: number | undefined): string => (x === undefined ? '–' : `${(x * 100).toFixed(1)}%`);

export function renderMarkdown(r: Result): string {
  const lines: string[] = [];
  lines.push('# Language identification and transliteration (eval:lang)', '');
  lines.push(`Generated ${r.generatedAt}. Model trained on: ${r.model.corpus} (${r.model.trainedAt}).`, '');
  lines.push(
    'Items per gold tag: ' +
      Object.entries(r.items)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') +
      '.',
    '',
  );
  lines.push(`Items identical to a line of the training corpus: ${r.overlapWithTraining}.`, '');
  lines.push('## Identification, side by side', '');
  lines.push('| system | accuracy | macro-F1 | short | long | code-switched | Arabizi without digits |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const s of r.identification)
    lines.push(
      `| ${s.system} | ${pct(s.accuracy)} | ${s.macroF1.toFixed(3)} | ${pct(s.byKind.short)} | ${pct(s.byKind.long)} | ${pct(s.byKind['code-switched'])} | ${pct(s.byKind['no-digits'])} |`,
    );
  lines.push(
    '',
    '"lenient Arabic" accepts a generic Arabic answer for Darija items (the baselines have no Darija label).',
    '',
  );
  const ours = r.identification[0] as SystemReport;
  lines.push('## Khidma per tag', '', '| tag | precision | recall | F1 | support |', '|---|---|---|---|---|');
  for (const [tag, m] of Object.entries(ours.perTag))
    lines.push(
      `| ${tag} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.f1.toFixed(3)} | ${m.support} |`,
    );
  lines.push('', '## Watched confusion cells (share of the gold row; target ≤ 3%)', '');
  const systems = Object.keys(r.watchedCells);
  lines.push(`| cell | ${systems.join(' | ')} |`, `|---|${systems.map(() => '---').join('|')}|`);
  const cells = Object.keys(r.watchedCells[systems[0] as string] ?? {});
  for (const c of cells)
    lines.push(`| ${c} | ${systems.map((s) => pct(r.watchedCells[s]?.[c])).join(' | ')} |`);
  lines.push('', '## Khidma confusion matrix (rows = gold)', '');
  const tags = Object.keys(ours.perTag);
  const predicted = [...new Set(Object.values(ours.confusion).flatMap((row) => Object.keys(row)))];
  lines.push(
    `| gold \\ predicted | ${predicted.join(' | ')} |`,
    `|---|${predicted.map(() => '---').join('|')}|`,
  );
  for (const t of tags)
    lines.push(`| ${t} | ${predicted.map((p) => ours.confusion[t]?.[p] ?? 0).join(' | ')} |`);
  lines.push('', '## Arabizi → Arabic script (DODa v2 semantic lexicon, names excluded)', '');
  lines.push(
    '| system | inputs | pairs | CER (strict) | word accuracy (strict) | CER (folded) | word accuracy (folded) | top-5 accuracy |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const t of r.transliteration)
    lines.push(
      `| ${t.system} | ${t.inputs} | ${t.pairs} | ${t.cer.toFixed(3)} | ${pct(t.wordAccuracy)} | ${t.cerFolded.toFixed(3)} | ${pct(t.wordAccuracyFolded)} | ${pct(t.top5Accuracy)} |`,
    );
  lines.push(
    '',
    'CER = character edits / reference characters. Strict: Arabic diacritics (shadda) removed from both sides.',
    'Folded: also the variants search treats as equal (hamza seats, ة/ه, ى/ي, ڭ/ك), via normalize(…, search).',
    'Word accuracy: the first candidate equals the reference. Top-5: the reference is among the first five.',
    'Dev / held-out halves: split by a stable FNV-1a hash of the Arabic reference (all spellings of an entry',
    'fall in the same half). Rule work looks only at dev-half errors (eval/lang/translit-errors.ts); the',
    'held-out half is reported, never inspected. No DODa entry is shipped in the lexicon (CC BY-NC).',
    '',
  );
  if (r.names) {
    lines.push('## Names across scripts (DODa v2 name lists, Latin → Arabic)', '');
    lines.push('| pairs | same nameSkeleton | arabizeName top-1 | arabizeName top-5 |', '|---|---|---|---|');
    lines.push(
      `| ${r.names.pairs} | ${pct(r.names.skeletonAgreement)} | ${pct(r.names.arabizeTop1)} | ${pct(r.names.arabizeTop5)} |`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
