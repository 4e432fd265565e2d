import { existsSync, readFileSync } from 'node:fs';

/** Previous run's mapping: "source:record_id" -> person id. */
export function readMapping(file: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (!file || !existsSync(file)) return map;
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const [source, recordId, personId] = parseCsvLine(line);
    if (source && recordId && personId) map.set(`${source}:${recordId}`, personId);
  }
  return map;
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const PREFIX = 'P';

function idNumber(id: string): number {
  const m = /^P(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/**
 * Person ids that survive re-runs. A new cluster inherits the previous id most of its records held
 * (ties: the smaller id); when a previous cluster splits, the largest part keeps the id and the
 * others get fresh ones; merged clusters keep one id and the others retire. New ids continue the
 * previous numbering.
 */
export function assignStableIds(
  keys: string[],
  cluster: Int32Array,
  previous: Map<string, string>,
): string[] {
  const members = new Map<number, number[]>();
  cluster.forEach((c, uid) => {
    const list = members.get(c);
    if (list) list.push(uid);
    else members.set(c, [uid]);
  });
  let next = 1;
  for (const id of previous.values()) next = Math.max(next, idNumber(id) + 1);
  // Candidate claims: (cluster, previous id, votes); stronger claims win, deterministic tie-breaks.
  const claims: { c: number; id: string; votes: number; size: number }[] = [];
  for (const [c, uids] of members) {
    const votes = new Map<string, number>();
    for (const uid of uids) {
      const prev = previous.get(keys[uid]!);
      if (prev) votes.set(prev, (votes.get(prev) ?? 0) + 1);
    }
    for (const [id, v] of votes) claims.push({ c, id, votes: v, size: uids.length });
  }
  claims.sort((a, b) => b.votes - a.votes || b.size - a.size || a.c - b.c || (a.id < b.id ? -1 : 1));
  const idOfCluster = new Map<number, string>();
  const taken = new Set<string>();
  for (const claim of claims) {
    if (idOfCluster.has(claim.c) || taken.has(claim.id)) continue;
    idOfCluster.set(claim.c, claim.id);
    taken.add(claim.id);
  }
  const ordered = [...members.keys()].sort((a, b) => a - b);
  for (const c of ordered) {
    if (!idOfCluster.has(c)) idOfCluster.set(c, `${PREFIX}${String(next++).padStart(9, '0')}`);
  }
  return Array.from(cluster, (c) => idOfCluster.get(c)!);
}
