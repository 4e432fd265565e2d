/** Word keys shared by documents and queries: normalisation, Tifinagh read as Latin, light stemming. */
import { normalize, tifinaghToLatin } from '@khidma/lang';

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const TIFINAGH_RE = /[\u2d30-\u2d7f]/;
export const ARABIC_RE = /[\u0600-\u06ff]/;
const FINAL_ONLY_GLUED = /([\u0629\u0649])(?=[\u0621-\u064a])/g;
const ARABIC_PREFIXES = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال'];

/** Word keys: normalised for search, Tifinagh read as IRCAM Latin, light affix stripping. */
export function wordTokens(text: string): string[] {
  // The Tifinagh schwa ⴻ is optional in IRCAM spelling (ⵜⴰⵣⴷⴻⵖⵜ = ⵜⴰⵣⴷⵖⵜ): drop it so both spellings agree.
  let src = TIFINAGH_RE.test(text) ? tifinaghToLatin(text.replace(/\u2D3B/g, '')) : text;
  // ة and ى only end words: a letter right after one means a missing space ("شهادةالسكنى").
  if (ARABIC_RE.test(src)) src = src.replace(FINAL_ONLY_GLUED, '$1 ');
  const norm = normalize(src, { for: 'search' });
  const out: string[] = [];
  for (const m of norm.matchAll(TOKEN_RE)) out.push(stem(m[0]));
  return out;
}

/** Deliberately light stemming: strip the Arabic article and French/English plural -s. */
export function stem(token: string): string {
  if (ARABIC_RE.test(token)) {
    let t = token;
    for (const p of ARABIC_PREFIXES) {
      if (t.startsWith(p) && t.length - p.length >= 3) {
        t = t.slice(p.length);
        break;
      }
    }
    // Darija drops the final hamza of اء (البنا for البناء, الكهربا): fold both to the short form.
    if (t.length >= 4 && t.endsWith('\u0627\u0621')) t = t.slice(0, -1);
    return t;
  }
  if (token.length >= 5 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}
