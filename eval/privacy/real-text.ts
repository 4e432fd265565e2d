/**
 * Checks on public text the project did not write (read in place from ../shared/data, never copied):
 * false detections on Darija/English sentence pairs (DODa, MIT) and the UDHR, and name recall on the
 * DODa name lists (CC BY-NC 4.0: evaluation use only). Skipped when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { classifyText, detectPii } from '@khidma/privacy';

const DATA = new URL('../../../shared/data/', import.meta.url);

function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line) continue;
    const cells: string[] = [];
    const re = /"((?:[^"]|"")*)"|([^,]*)/g;
    let pos = 0;
    while (pos <= line.length) {
      re.lastIndex = pos;
      const m = re.exec(line)!;
      cells.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
      pos = re.lastIndex + 1;
      if (re.lastIndex >= line.length) break;
    }
    rows.push(cells);
  }
  return rows;
}

export function realTextChecks() {
  const sentencesFile = new URL('darija/doda-v1/sentences.csv', DATA);
  if (!existsSync(sentencesFile)) return { skipped: 'shared data not found at ../shared/data' };
  const pairs = csvRows(readFileSync(sentencesFile, 'utf8')).filter((r) => r.length >= 2 && r[1]);
  const perType: Record<string, number> = {};
  let sensitive = 0;
  for (const [en, darija] of pairs) {
    for (const t of [darija!, en!])
      for (const e of detectPii(t)) perType[e.type] = (perType[e.type] ?? 0) + 1;
    if (classifyText(darija!).dataClass === 'sensitive') sensitive++;
  }
  const udhr: Record<string, { detections: number; dataClass: string }> = {};
  for (const lang of ['arb', 'fra', 'eng']) {
    const f = new URL(`udhr/${lang}.txt`, DATA);
    if (!existsSync(f)) continue;
    const t = readFileSync(f, 'utf8');
    udhr[lang] = { detections: detectPii(t).length, dataClass: classifyText(t).dataClass };
  }
  const names: { latin: string[]; arabic: string[] } = { latin: [], arabic: [] };
  for (const file of ['malenames.csv', 'femalenames.csv']) {
    const f = new URL(`darija/doda-v2-semantic/${file}`, DATA);
    if (!existsSync(f)) continue;
    for (const [latin, arabic] of csvRows(readFileSync(f, 'utf8'))) {
      if (latin) names.latin.push(latin[0]!.toUpperCase() + latin.slice(1));
      if (arabic) names.arabic.push(arabic);
    }
  }
  const recall = (list: string[], frame: (n: string) => string) => {
    if (list.length === 0) return null;
    let hit = 0;
    for (const n of list) {
      const text = frame(n);
      const at = text.indexOf(n);
      if (detectPii(text).some((e) => e.type === 'PERSON' && e.start <= at && e.end >= at + n.length)) hit++;
    }
    return Math.round((hit / list.length) * 1000) / 1000;
  };
  return {
    dodaSentencePairs: pairs.length,
    // These sentences contain a few real first names ("ssi Hamid"), so not every detection is wrong.
    detectionsPer1000Texts: Object.fromEntries(
      Object.entries(perType).map(([k, v]) => [k, Math.round((v / (2 * pairs.length)) * 10_000) / 10]),
    ),
    darijaSentencesClassifiedSensitivePer1000: Math.round((sensitive / pairs.length) * 10_000) / 10,
    udhr,
    nameRecall: {
      names: names.latin.length,
      latinNoCue: recall(names.latin, (n) => `Rendez-vous avec ${n} demain.`),
      latinWithCue: recall(names.latin, (n) => `Bonjour, je m'appelle ${n}.`),
      arabicNoCue: recall(names.arabic, (n) => `موعد مع ${n} غدا`),
      arabicWithCue: recall(names.arabic, (n) => `السلام، سميتي ${n}`),
    },
  };
}
