/**
 * Moroccan city name variants (Arabic script, French and common transliterations) mapped to one
 * key, so "الدار البيضاء", "Casablanca" and "Dar el Beida" compare as the same place. Names follow
 * the commune list of the Haut-Commissariat au Plan (RGPH 2014, https://www.hcp.ma/) and the
 * Arabic names used on https://www.maroc.ma/.
 */
const CITY_VARIANTS: Record<string, string[]> = {
  casablanca: [
    'الدار البيضاء',
    'الدارالبيضاء',
    'كازا',
    'دار البيضاء',
    'dar el beida',
    'darbeida',
    'casa',
    'anfa',
  ],
  rabat: ['الرباط', 'ribat', 'rbat'],
  sale: ['سلا', 'sala', 'salé', 'sla'],
  fes: ['فاس', 'fez', 'fès', 'fas'],
  marrakech: ['مراكش', 'marrakesh', 'marakech', 'marrakch', 'mrakech'],
  tanger: ['طنجة', 'tangier', 'tanja', 'tangiers', 'tangia'],
  meknes: ['مكناس', 'meknès', 'miknas', 'mekness'],
  agadir: ['أكادير', 'اكادير', 'agadir ighir'],
  oujda: ['وجدة', 'oujda angad', 'wajda'],
  kenitra: ['القنيطرة', 'kénitra', 'knitra', 'qunaytira'],
  tetouan: ['تطوان', 'tétouan', 'tetuan', 'tittawin'],
  safi: ['آسفي', 'اسفي', 'asfi'],
  'el jadida': ['الجديدة', 'jdida', 'eljadida', 'mazagan'],
  nador: ['الناظور', 'nadour'],
  'beni mellal': ['بني ملال', 'benimellal', 'bni mellal'],
  khouribga: ['خريبكة', 'khribga'],
  taza: ['تازة'],
  settat: ['سطات'],
  larache: ['العرائش', 'laarach', 'el araich'],
  ksar_el_kebir: ['القصر الكبير', 'ksar el kebir', 'ksar lakbir', 'alcazarquivir'],
  khemisset: ['الخميسات', 'khmisset'],
  guelmim: ['كلميم', 'goulimine', 'guelmime'],
  errachidia: ['الرشيدية', 'er rachidia', 'rachidia', 'ksar es souk'],
  ouarzazate: ['ورزازات', 'warzazat'],
  laayoune: ['العيون', 'laâyoune', 'el aaiun', 'layoune'],
  dakhla: ['الداخلة', 'ad dakhla', 'villa cisneros'],
  essaouira: ['الصويرة', 'mogador', 'souira'],
  taroudant: ['تارودانت', 'taroudannt'],
  tiznit: ['تيزنيت'],
  berrechid: ['برشيد'],
  mohammedia: ['المحمدية', 'fedala', 'mohamedia'],
  temara: ['تمارة', 'témara'],
  'al hoceima': ['الحسيمة', 'alhoceima', 'el hoceima', 'hoceima'],
  ifrane: ['إفران', 'افران'],
  azrou: ['أزرو', 'ازرو'],
  chefchaouen: ['شفشاون', 'chaouen', 'chaouene', 'xauen'],
};

function simpleFold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[إأآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/[\u064b-\u0652\u0640]/g, '')
    .replace(/[-_'’.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ALIASES = new Map<string, string>();
for (const [key, variants] of Object.entries(CITY_VARIANTS)) {
  const canonical = key.replace(/_/g, ' ');
  ALIASES.set(simpleFold(canonical), canonical);
  ALIASES.set(simpleFold(canonical).replace(/ /g, ''), canonical);
  for (const v of variants) {
    ALIASES.set(simpleFold(v), canonical);
    ALIASES.set(simpleFold(v).replace(/ /g, ''), canonical);
  }
}

/** The canonical key of a known Moroccan city, or null when the name is not in the table. */
export function canonicalCity(raw: string): string | null {
  const folded = simpleFold(raw);
  return ALIASES.get(folded) ?? ALIASES.get(folded.replace(/ /g, '')) ?? null;
}
