import { isDigit, isWordChar } from '../text.js';
import type { Tokens } from '../tokens.js';
import type { ScanInput } from './candidate.js';
import { cityAt } from './city.js';

function isLocalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || isDigit(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}
function isDomainChar(c: number): boolean {
  return (c >= 97 && c <= 122) || isDigit(c) || c === 45 || c === 46;
}

/**
 * low[from, to) has a dot after its first character, no "..", and ends in a 2–24 letter top-level
 * domain. Checked in place: substrings and a regex per "@" were most of this scanner's garbage.
 */
function plausibleDomain(low: string, from: number, to: number): boolean {
  let dot = -1;
  for (let i = to - 1; i >= from; i--) {
    if (low.charCodeAt(i) === 46) {
      dot = i;
      break;
    }
  }
  if (dot <= from) return false;
  const tld = to - dot - 1;
  if (tld < 2 || tld > 24) return false;
  for (let i = dot + 1; i < to; i++) {
    const c = low.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  for (let i = from; i + 1 < to; i++)
    if (low.charCodeAt(i) === 46 && low.charCodeAt(i + 1) === 46) return false;
  return true;
}

/** E-mail addresses, found from each "@" with bounded expansion on both sides. */
export function scanEmails(input: ScanInput, tokens: Tokens): void {
  const { low, out } = input;
  const n = low.length;
  let lastEnd = 0;
  for (const at of tokens.at) {
    if (at < lastEnd) continue;
    let s = at;
    while (s > lastEnd && at - s < 64 && isLocalChar(low.charCodeAt(s - 1))) s--;
    while (s < at && low.charCodeAt(s) === 46) s++;
    let e = at + 1;
    while (e < n && e - at < 254 && isDomainChar(low.charCodeAt(e))) e++;
    while (e > at + 1 && (low.charCodeAt(e - 1) === 46 || low.charCodeAt(e - 1) === 45)) e--;
    if (s < at && plausibleDomain(low, at + 1, e)) {
      out.push('EMAIL', s, e, 0.99);
      lastEnd = e;
    }
  }
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102);
}

/** IPv6 addresses written with colons (at least two colons and four hex groups, or a "::"). */
export function scanIpv6(input: ScanInput, tokens: Tokens): void {
  const { low, out } = input;
  const n = low.length;
  let next = 0;
  for (const i of tokens.colon) {
    if (i < next) continue;
    let s = i;
    while (s > 0 && i - s < 5 && isHex(low.charCodeAt(s - 1))) s--;
    let e = s;
    let colons = 0;
    let groups = 0;
    let double = false;
    while (e < n && e - s < 45) {
      const c = low.charCodeAt(e);
      if (isHex(c)) {
        let g = e;
        while (g < n && isHex(low.charCodeAt(g)) && g - e < 5) g++;
        if (g - e > 4) break;
        groups++;
        e = g;
      } else if (c === 58) {
        colons++;
        if (e + 1 < n && low.charCodeAt(e + 1) === 58) {
          if (double) break;
          double = true;
          colons++;
          e += 2;
        } else e++;
      } else break;
    }
    while (e > s && low.charCodeAt(e - 1) === 58 && !(e - 2 >= s && low.charCodeAt(e - 2) === 58)) e--;
    const boundary =
      (s === 0 || !isWordChar(low.charCodeAt(s - 1))) && (e >= n || !isWordChar(low.charCodeAt(e)));
    if (
      boundary &&
      colons >= 2 &&
      (groups >= 8 || (double && groups >= 2)) &&
      /[a-f]|::/.test(low.slice(s, e))
    ) {
      out.push('IP', s, e, 0.85);
      next = e;
    } else next = Math.max(i + 1, e);
  }
}

const RC_CUES = [
  'rc',
  'r.c',
  'registre de commerce',
  'registre du commerce',
  'registre commercial',
  'السجل التجاري',
  'س.ت',
  'س ت',
];
const RC_FILLERS = [
  'n°',
  'no',
  'numero',
  'num',
  'رقم',
  'de',
  'du',
  'a',
  'ب',
  'بمدينه',
  'ville de',
  'tribunal de',
];

/** Trade-register numbers near an "RC" cue, with their city: "RC Casablanca 123456", "RC n° 45678 - Rabat". */
export function scanRc(input: ScanInput, tokens: Tokens): void {
  const { low } = input;
  const n = low.length;
  const cueWords = input.index.rc;
  for (let w = 0; w < cueWords.count; w++) {
    const k = tokens.start[cueWords.items[w]!]!;
    for (const cue of RC_CUES) {
      if (!low.startsWith(cue, k)) continue;
      const end = k + cue.length;
      const okStart = k === 0 || !isWordChar(low.charCodeAt(k - 1));
      const okEnd = end >= n || !isWordChar(low.charCodeAt(end)) || cue.endsWith('.');
      if (okStart && okEnd) {
        parseRc(input, end);
        break;
      }
    }
  }
}

function parseRc(input: ScanInput, from: number): void {
  const { low, out } = input;
  const n = low.length;
  let q = from;
  let cityS = -1;
  for (let step = 0; step < 8 && q < n && q - from < 48; step++) {
    const c = low.charCodeAt(q);
    if (
      c === 32 ||
      c === 58 ||
      c === 46 ||
      c === 44 ||
      c === 176 ||
      c === 45 ||
      c === 35 ||
      c === 40 ||
      c === 0x2013
    ) {
      q++;
      step--;
      continue;
    }
    if (isDigit(c)) break;
    const city = cityAt(low, q);
    if (city !== -1) {
      cityS = q;
      q = city;
      continue;
    }
    const filler = RC_FILLERS.find((f) => low.startsWith(f, q) && !isWordChar(low.charCodeAt(q + f.length)));
    if (!filler) return;
    q += filler.length;
  }
  if (q >= n || !isDigit(low.charCodeAt(q))) return;
  const ns = q;
  while (q < n && isDigit(low.charCodeAt(q)) && q - ns < 9) q++;
  if (q - ns > 8 || (q < n && isWordChar(low.charCodeAt(q)))) return;
  let end = q;
  if (cityS === -1) {
    let r = q;
    while (r < n && r - q < 4 && /[\s,\-–(]/.test(low[r]!)) r++;
    const city = cityAt(low, r);
    if (city !== -1) end = city;
  }
  out.push('RC', cityS !== -1 ? cityS : ns, end, 0.9);
}
