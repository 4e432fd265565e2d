/**
 * nameSkeleton: the consonant skeleton shared by all spellings of a name in any script
 * (محمد / Mohamed / Mhamed -> "mhmd"), used by registry linkage for cross-script blocking and matching.
 */
import { arabicKey, consonantSkeleton, dedupe, foldLatin } from './name-text.js';

const MAX_NAME = 256;
const ARABIC = /[\u0600-\u06ff]/;
const GLUED_PARTICLES = new Set(['بن', 'ابن', 'بنت', 'ولد', 'آيت', 'ايت', 'أيت', 'أبو', 'ابو', 'بو']);

const ARABIC_SKELETON: Record<string, string> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ط: 't',
  ث: 't',
  ج: 'j',
  ح: 'h',
  ه: 'h',
  خ: 'x',
  د: 'd',
  ض: 'd',
  ذ: 'd',
  ظ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ص: 's',
  ش: 'c',
  غ: 'g',
  ڭ: 'g',
  گ: 'g',
  ف: 'f',
  ڤ: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
};

/** Tokens for the skeleton: only عبد + name and name + الدين/الله/الإله are glued, as in Latin spellings. */
function skeletonTokens(name: string): string[] {
  const raw = name
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .split(/[\s\-_.,]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const tok = raw[i] as string;
    const key = arabicKey(tok);
    if (tok === 'عبد' && raw[i + 1]) {
      out.push(`${tok} ${raw[i + 1]}`);
      i++;
    } else if (
      out.length > 0 &&
      (key === 'الدين' || key === 'الله' || key === 'الاله') &&
      !out[out.length - 1]?.startsWith('عبد')
    ) {
      out[out.length - 1] += ` ${tok}`;
    } else out.push(tok);
  }
  return out;
}

/** "Nour Eddine" and "Noureddine", "Hibat Allah" and "Hibatallah" are one name each. */
function glueCompounds(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (out.length > 0 && /^(?:e?d?dine?|eddin|allah|ellah|llah|lah)$/.test(w)) out[out.length - 1] += w;
    else out.push(w);
  }
  return out;
}

/** Skeleton of one folded Latin name; the Abd- prefix is cut off first so abd+el+hadi never reads "dh". */
function latinNameSkeleton(w: string): string {
  const abd = /^abd(?:el|al|ul|l|ou|e(?=[drstzn]))?(.*)$/.exec(w);
  if (!abd) return dedupe(consonantSkeleton(w));
  const rest = abd[1] as string;
  if (/^[ae]?l?l?ah$/.test(rest)) return 'bdlh'; // Abdallah, Abdellah, Abdelah: عبد الله
  return dedupe(`bd${consonantSkeleton(rest)}`);
}

function arabicSkeleton(word: string, construct = false): string {
  const raw = word.replace(/[\u064b-\u065f\u0670\u0640]/g, '');
  // Only a literal ال is the article: إلياس and أل- names keep their first letters.
  const w = raw.length > 3 && raw.startsWith('ال') ? arabicKey(raw.slice(2)) : arabicKey(raw);
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i] as string;
    // ـاة is pronounced -at in names (حياة Hayat, نجاة Najat); a bare ة is the vowel a.
    // ة before a second name part is pronounced t too (هبة الله Hibat Allah).
    const k = c === 'ة' && (w[i - 1] === 'ا' || (construct && i === w.length - 1)) ? 't' : ARABIC_SKELETON[c];
    if (k) out += k;
  }
  return out;
}

/** Consonant skeleton shared by a name's spellings in any script: محمد / Mohamed / Mhamed -> "mhmd". */
export function nameSkeleton(name: string): string {
  if (typeof name !== 'string') return '';
  const src = name.slice(0, MAX_NAME);
  if (ARABIC.test(src)) {
    const tokens = skeletonTokens(src);
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as string;
      // Particles glued to the next name as Latin spellings glue them (Benali, Aitahmed, Ouldsidi).
      const isParticle = GLUED_PARTICLES.has(t) && tokens[i + 1];
      const parts = t.split(' ');
      const sk = dedupe(parts.map((p, k) => arabicSkeleton(p, k < parts.length - 1)).join(''));
      if (isParticle) {
        tokens[i + 1] = `${t} ${tokens[i + 1]}`;
        continue;
      }
      if (sk) out.push(sk);
    }
    return out.join(' ');
  }
  const folded = foldLatin(src);
  const words = glueCompounds(folded.split(' ').filter(Boolean));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i] as string;
    const next = words[i + 1];
    if (/^abd(el|al|ul|ou|er|es|en|ed|et|ez)?$/.test(w) && next) {
      w = `abd${next}`;
      i++;
    }
    const sk = latinNameSkeleton(w);
    if (sk) out.push(sk);
  }
  return out.join(' ');
}
