/** Spelling-level helpers shared by the name functions: keys, article handling, consonant skeletons. */

export function arabicKey(s: string): string {
  return s
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/\s+/g, ' ')
    .trim();
}

export function latinKey(s: string): string {
  return foldLatin(s).replace(/ /g, '');
}

export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lowercase, accents, punctuation and particle spellings folded; article el/al dropped. */
export function foldLatin(s: string): string {
  const words = stripAccents(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let w = words[i] as string;
    if ((w === 'el' || w === 'al' || w === 'l') && words[i + 1]) continue;
    if (w === 'ibn' || w === 'bn' || w === 'bin') w = 'ben';
    if (w === 'ayt' || w === 'aith') w = 'ait';
    if (w === 'oueld' || w === 'ouled') w = 'ould';
    if (w === 'abu') w = 'abou';
    const next = words[i + 1];
    if ((w === 'ben' || w === 'bent' || w === 'ait' || w === 'ould' || w === 'abou' || w === 'bou') && next) {
      out.push(w + dropArticle(next));
      i++;
      continue;
    }
    out.push(dropArticle(w));
  }
  return out.join(' ');
}

// El-/Al- glued to a name (Elidrissi, Elfassi) and the assimilated article (Ettazi, Echcherkaoui).
export function dropArticle(w: string): string {
  const assimilated = /^e(ch|[tdrzsn])\1(.{2,})$/.exec(w);
  if (assimilated) return `${assimilated[1]}${assimilated[2]}`;
  const glued = /^(?:el|al)(.{3,})$/.exec(w);
  if (glued && consonantSkeleton(glued[1] as string).length >= 2) return glued[1] as string;
  // Darija article without vowel: Lhoucine, Lahcen stays (l + vowel), Lmokhtar -> mokhtar.
  const bare = /^l([^aeiouyl].{2,})$/.exec(w);
  if (bare && consonantSkeleton(bare[1] as string).length >= 2) return bare[1] as string;
  return w;
}

export function consonantSkeleton(latin: string): string {
  const s = latin
    .replace(/^rh/, 'g') // French transcription of غ: Rhita, Rhali
    .replace(/tch|ch|sh/g, 'ʃ')
    .replace(/kh|5/g, 'x')
    .replace(/gh/g, 'g')
    .replace(/8/g, 'h')
    .replace(/dj/g, 'j')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/ph/g, 'f')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq9]/g, 'k')
    .replace(/7/g, 'h')
    .replace(/p/g, 'b')
    .replace(/v/g, 'f')
    .replace(/[aeiouyw0-9]/g, '')
    .replace(/ʃ/g, 'c');
  let out = '';
  for (const c of s) if (c !== out[out.length - 1]) out += c;
  return out;
}

/** One letter for a run of equal letters, also across the parts of a compound (عبد الدايم). */
export function dedupe(s: string): string {
  let out = '';
  for (const c of s) if (c !== out[out.length - 1] || c === ' ') out += c;
  return out;
}
