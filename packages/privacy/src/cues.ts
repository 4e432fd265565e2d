import { foldText, isLetter, isWordChar } from './text.js';

/**
 * Context words (French, MSA, Darija in Arabic script, Arabizi, English) that make an ambiguous number
 * or code much more likely to be a given identifier. Stored folded (see foldText).
 */
const RAW_CUES = {
  cin: [
    'cin',
    'c.i.n',
    'cnie',
    'carte nationale',
    "carte d'identite",
    'carte identite',
    'la carte',
    'lakart',
    'la kart',
    'lkarta',
    'lkart',
    'karta',
    'kart',
    'ra9m',
    'raqm',
    'bita9a',
    'lbita9a',
    'btaka',
    'lbtaka',
    'identite',
    'piece d identite',
    "piece d'identite",
    'رقم البطاقة',
    'البطاقة الوطنية',
    'بطاقة التعريف',
    'البطاقة',
    'بطاقتي',
    'لاكارط',
    'لاكارت',
    'الكارط',
    'كارط',
    'ب.ت.و',
    'ب ت و',
    'national id',
    'id card',
    'identity card',
    'تعريف',
    'رقم ب.ت.و',
    'cin n°',
  ],
  passport: [
    'passeport',
    'passport',
    'جواز السفر',
    'جواز',
    'الباسبور',
    'باسبور',
    'paspor',
    'passpor',
    'bassbor',
  ],
  massar: [
    'massar',
    'code massar',
    'مسار',
    'رمز مسار',
    'code eleve',
    'رقم التلميذ',
    'التلميذ',
    'eleve',
    'talmid',
  ],
  if: [
    'if',
    'i.f',
    'identifiant fiscal',
    'id fiscal',
    'fiscal',
    'المعرف الضريبي',
    'التعريف الضريبي',
    'الرقم الضريبي',
    'الضريبي',
    'tax id',
    'dariba',
    'الضريبة',
  ],
  cnss: [
    'cnss',
    'c.n.s.s',
    'affiliation',
    'affilie',
    'immatriculation',
    'الضمان الاجتماعي',
    'الضمان',
    'رقم الانخراط',
    'رقم التسجيل',
    'damane',
    'dman',
    'ضمان',
    'amo',
    'securite sociale',
    'social security',
  ],
  ice: ['ice', 'i.c.e', 'identifiant commun', 'المعرف الموحد', 'التعريف الموحد', 'المقاولة'],
  rib: [
    'rib',
    'r.i.b',
    'iban',
    'compte',
    'compte bancaire',
    'virement',
    'الحساب',
    'الحساب البنكي',
    'رقم الحساب',
    'hsab',
    '7sab',
    'l7sab',
    'كونط',
  ],
  phone: [
    'tel',
    'tel.',
    'telephone',
    'gsm',
    'portable',
    'mobile',
    'whatsapp',
    'watsap',
    'appelez',
    'appeler',
    'joindre',
    'الهاتف',
    'هاتف',
    'التيليفون',
    'تيليفون',
    'نمرة',
    'النمرة',
    'رقم الهاتف',
    'nimra',
    'nmra',
    'ra9m',
    'phone',
    'numero',
    'n°',
    'tilifon',
    'tilifoun',
    'contact',
    'fix',
    'fixe',
  ],
  plate: [
    'matricule',
    'immatriculation',
    'immatricule',
    'plaque',
    'voiture',
    'vehicule',
    'tomobil',
    'tonobil',
    'lmatricule',
    'لوحة',
    'الترقيم',
    'السيارة',
    'سيارة',
    'طوموبيل',
    'ماتريكول',
    'الماتريكول',
    'plate',
    'car',
    'tomobile',
  ],
  birth: [
    'ne le',
    'nee le',
    'ne(e) le',
    'ne(e)',
    'date de naissance',
    'date naissance',
    'ddn',
    'naissance',
    'ne a',
    'nee a',
    'born',
    'born on',
    'date of birth',
    'dob',
    'birth',
    'تاريخ الازدياد',
    'تاريخ الميلاد',
    'الازدياد',
    'الميلاد',
    'مزداد',
    'مزداده',
    'المزداد',
    'ولد',
    'ولدت',
    'تزاديت',
    'تزاد',
    'تزادت',
    'tzadit',
    'tzad',
    'tzadt',
    'mzyad',
    'mezyad',
    'mzyouda',
    'المزداده',
    'المزدادين',
    'من مواليد',
    'mawalid',
    'mzyada',
    'azdiyad',
    'lmilad',
    'milad',
    'نهار الازدياد',
    'date de naiss',
  ],
  negative: [
    'ref',
    'ref.',
    'reference',
    'code produit',
    'article',
    'produit',
    'commande',
    'order',
    'modele',
    'sku',
    'colis',
    'tracking',
    'suivi',
    'facture',
    'ticket',
    'dossier',
    'serie',
    'serial',
    'rakm lcommande',
    'كوموند',
    'الطلبية',
    'رقم الطلب',
    'الفاتورة',
    'الكوليس',
    'كوليس',
    'invoice',
    'transaction',
    'bon',
    'code',
    'version',
    'modele',
    'reservation',
    'lkoumand',
    'koumand',
    'commande n',
    'envoi',
    'expedition',
  ],
  amount: [
    'mad',
    'dh',
    'dhs',
    'dirham',
    'dirhams',
    'درهم',
    'دراهم',
    'ريال',
    'euro',
    'euros',
    'eur',
    'usd',
    'rial',
    'ryal',
    '%',
  ],
} as const;

export type CueCategory = keyof typeof RAW_CUES;

interface Cue {
  text: string;
  /** Non-letter characters after the cue's last word ("n°", "tel."). */
  tail: number;
}

/** For each category, cues indexed by their last word, so a window is checked word by word. */
const INDEX = {} as Record<CueCategory, Map<string, Cue[]>>;
for (const [category, list] of Object.entries(RAW_CUES) as [CueCategory, readonly string[]][]) {
  const map = new Map<string, Cue[]>();
  for (const raw of new Set(list.map((c) => foldText(c)))) {
    let e = raw.length;
    while (e > 0 && !isLetter(raw.charCodeAt(e - 1))) e--;
    let s = e;
    while (s > 0 && isLetter(raw.charCodeAt(s - 1))) s--;
    const last = raw.slice(s, e);
    const key = last || raw;
    const entries = map.get(key) ?? [];
    entries.push({ text: raw, tail: raw.length - e });
    map.set(key, entries);
  }
  INDEX[category] = map;
}

const PROCLITICS = new Set([0x648, 0x628, 0x644, 0x641, 0x643]); // و ب ل ف ك

function boundaryOk(low: string, at: number): boolean {
  if (at < 0 || at >= low.length) return true;
  return !isWordChar(low.charCodeAt(at));
}

/** End of the latest cue of `category` lying within [from, to), or -1. */
export function lastCueEnd(low: string, from: number, to: number, category: CueCategory): number {
  const a = Math.max(0, from);
  const b = Math.min(low.length, to);
  const map = INDEX[category];
  let best = -1;
  let i = a;
  while (i < b) {
    if (!isLetter(low.charCodeAt(i))) {
      // Cues made only of symbols ("%") are indexed by themselves.
      const sym = map.get(low[i]!);
      if (sym && i + 1 > best) best = i + 1;
      i++;
      continue;
    }
    const ws = i;
    while (i < b && isLetter(low.charCodeAt(i))) i++;
    let proclitic = false;
    let entries = map.get(low.slice(ws, i));
    // Arabic words often carry a one-letter proclitic: "وتزاديت", "بالبطاقة".
    if (!entries && i - ws > 3 && PROCLITICS.has(low.charCodeAt(ws))) {
      entries = map.get(low.slice(ws + 1, i));
      proclitic = true;
    }
    if (!entries) continue;
    for (const cue of entries) {
      const end = i + cue.tail;
      const s = end - cue.text.length;
      if (s < a - 20 || end > b + cue.tail || !low.startsWith(cue.text, s)) continue;
      const startOk =
        !isWordChar(cue.text.charCodeAt(0)) || boundaryOk(low, s - 1) || (proclitic && s - 1 === ws);
      const endOk = !isWordChar(cue.text.charCodeAt(cue.text.length - 1)) || boundaryOk(low, end);
      if (startOk && endOk && end > best) best = end;
    }
  }
  return best;
}

/** True when a cue of `category` lies within [from, to) of the folded text, on word boundaries. */
export function hasCueIn(low: string, from: number, to: number, category: CueCategory): boolean {
  return lastCueEnd(low, from, to, category) !== -1;
}

/** Cue shortly before `start` (default 40 chars) or just after `end` (default 12 chars). */
export function hasCueNear(
  low: string,
  start: number,
  end: number,
  category: CueCategory,
  before = 40,
  after = 12,
): boolean {
  return (
    hasCueIn(low, start - before, start, category) || (after > 0 && hasCueIn(low, end, end + after, category))
  );
}
