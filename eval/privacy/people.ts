/**
 * Name and address pools for the labelled set, authored for the evaluation. About a third of the
 * family names are deliberately absent from the detector's gazetteer, to measure how far cues carry it.
 */
import { CITIES_AR, CITIES_FR, CITIES_LATN, int, pick, type Rand } from './values.js';

const GIVEN_FR = [
  'Mohamed',
  'Mohammed',
  'Youssef',
  'Fatima Zahra',
  'Khadija',
  'Meryem',
  'Hamza',
  'Amine',
  'Salma',
  'Othmane',
  'Hajar',
  'Yassine',
  'Nisrine',
  'Driss',
  'Ghita',
  'Anas',
  'Zineb',
  'Mehdi',
  'Soukaina',
  'Ilyas',
  'Nabil',
  'Aicha',
  'Abdelkrim',
  'Loubna',
  'Mustapha',
  'Siham',
  'Ayoub',
  'Kenza',
  'Hicham',
  'Oumaima',
];
const FAMILY_FR = [
  'El Idrissi',
  'Benjelloun',
  'Alaoui',
  'Bennani',
  'Tazi',
  'Berrada',
  'Chraibi',
  'Amrani',
  'Ouazzani',
  'Fassi Fihri',
  'Ait Taleb',
  'Lahlou',
  'Kettani',
  'Benkirane',
  'Zerouali',
  'Bouzidi',
  'El Mansouri',
  'Cherkaoui',
  'Naciri',
  'Kharbouch',
  'Lmrabet',
  'Ouardighi',
  'Bouhlal',
  'Ezzahraoui',
  'Skalli',
  'Belmahi',
  'Raiss',
  'Amzil',
  'Aït Oufella',
  'Guennoun',
];
const GIVEN_AR = [
  'محمد',
  'يوسف',
  'فاطمة الزهراء',
  'خديجة',
  'مريم',
  'حمزة',
  'أمين',
  'سلمى',
  'عثمان',
  'هاجر',
  'ياسين',
  'زينب',
  'إدريس',
  'غيثة',
  'أنس',
  'مهدي',
  'سكينة',
  'نبيل',
  'عائشة',
  'عبد الكريم',
  'لبنى',
  'مصطفى',
  'أيوب',
  'كنزة',
  'هشام',
];
const FAMILY_AR = [
  'الإدريسي',
  'بنجلون',
  'العلوي',
  'بناني',
  'التازي',
  'برادة',
  'الشرايبي',
  'العمراني',
  'الوزاني',
  'الفهري',
  'لحلو',
  'الكتاني',
  'بنكيران',
  'الزروالي',
  'المنصوري',
  'الشرقاوي',
  'الناصري',
  'خربوش',
  'المرابط',
  'الورديغي',
  'بوهلال',
  'أمزيل',
  'كنون',
  'الرايس',
];
const GIVEN_LATN = [
  'mohamed',
  'youssef',
  'fatimazahra',
  'khadija',
  'meryem',
  'hamza',
  'amine',
  'salma',
  'othmane',
  'hajar',
  'yassine',
  'zineb',
  'driss',
  'ghita',
  'anas',
  'mehdi',
  'nabil',
  'aicha',
  'ayoub',
  'kenza',
  'hicham',
  'reda',
  'imane',
  'soufiane',
];
const FAMILY_LATN = [
  'idrissi',
  'benjelloun',
  'alaoui',
  'bennani',
  'tazi',
  'berrada',
  'chraibi',
  'amrani',
  'lahlou',
  'zerouali',
  'bouzidi',
  'kharbouch',
  'lmrabet',
  'amzil',
];

export type Script = 'fr' | 'ar' | 'latn';

export function person(r: Rand, script: Script, parts: 'full' | 'given' = 'full'): string {
  if (script === 'ar')
    return parts === 'given' ? pick(r, GIVEN_AR) : `${pick(r, GIVEN_AR)} ${pick(r, FAMILY_AR)}`;
  if (script === 'latn')
    return parts === 'given' ? pick(r, GIVEN_LATN) : `${pick(r, GIVEN_LATN)} ${pick(r, FAMILY_LATN)}`;
  return parts === 'given' ? pick(r, GIVEN_FR) : `${pick(r, GIVEN_FR)} ${pick(r, FAMILY_FR)}`;
}

export function familyName(r: Rand, script: Script): string {
  return script === 'ar' ? pick(r, FAMILY_AR) : script === 'latn' ? pick(r, FAMILY_LATN) : pick(r, FAMILY_FR);
}

export function emailFor(r: Rand): string {
  const g = pick(r, GIVEN_LATN).replace('fatimazahra', 'fz');
  const f = pick(r, FAMILY_LATN);
  const domain = pick(r, [
    'gmail.com',
    'yahoo.fr',
    'hotmail.com',
    'menara.ma',
    'outlook.fr',
    'um5.ac.ma',
    'example.ma',
  ]);
  return pick(r, [
    `${g}.${f}@${domain}`,
    `${g}${f}${int(r, 1, 99)}@${domain}`,
    `${g[0]}.${f}@${domain}`,
    `${f}_${g}@${domain}`,
  ]);
}

const STREETS_FR = [
  'Ibn Batouta',
  'Mohammed V',
  'Hassan II',
  'des Orangers',
  'Allal Ben Abdellah',
  'Moulay Youssef',
  'Al Massira',
  'Zerktouni',
  'Anfa',
  'Abdelmoumen',
  'Oued Sebou',
  'Al Qods',
];
const DISTRICTS_FR = [
  'Hay Riad',
  'Maârif',
  'Agdal',
  'Hay Mohammadi',
  'Sidi Maarouf',
  'Hay Salam',
  'Bourgogne',
  'Hay Nahda',
  'Gauthier',
];
const STREETS_AR = [
  'الياسمين',
  'ابن بطوطة',
  'محمد الخامس',
  'الحسن الثاني',
  'الورود',
  'المسيرة',
  'القدس',
  'الزيتون',
  'علال بن عبد الله',
];
const DISTRICTS_AR = ['حي السلام', 'حي الرياض', 'حي النهضة', 'حي المحمدي', 'حي الأمل', 'حي الفتح'];
const STREETS_LATN = [
  'derb sultan',
  'derb omar',
  'hay mohammadi',
  'hay salam',
  'douar lhajja',
  'hay nahda',
  'derb ghallef',
];

export function address(r: Rand, script: Script): string {
  const num = int(r, 1, 250);
  const postcode = `${int(r, 10, 93)}${int(r, 0, 9)}${int(r, 0, 9)}0`;
  if (script === 'ar') {
    return pick(r, [
      `${num} زنقة ${pick(r, STREETS_AR)} ${pick(r, DISTRICTS_AR)} ${pick(r, CITIES_AR)}`,
      `شارع ${pick(r, STREETS_AR)} رقم ${num}، ${pick(r, CITIES_AR)}`,
      `دوار ${pick(r, ['أولاد علي', 'الحاجة', 'السخيرات', 'العين'])}، ${pick(r, CITIES_AR)}`,
      `إقامة ${pick(r, ['النور', 'الأندلس', 'الفردوس'])} عمارة ${int(r, 1, 30)} شقة ${int(r, 1, 40)} ${pick(r, CITIES_AR)}`,
    ]);
  }
  if (script === 'latn')
    return `${pick(r, STREETS_LATN)} ${pick(r, ['n', 'ra9m', 'numero'])} ${num} ${pick(r, CITIES_LATN)}`;
  return pick(r, [
    `${num}, rue ${pick(r, STREETS_FR)}, ${pick(r, DISTRICTS_FR)}, ${pick(r, CITIES_FR)} ${postcode}`,
    `${num} Bd ${pick(r, STREETS_FR)}, ${pick(r, CITIES_FR)}`,
    `Résidence ${pick(r, ['Al Manar', 'Les Jardins', 'Nour', 'Al Amal'])}, Imm ${int(r, 1, 20)}, Appt ${int(r, 1, 40)}, ${pick(r, DISTRICTS_FR)}, ${pick(r, CITIES_FR)}`,
    `Lot ${pick(r, ['Al Wafa', 'Annasr', 'Essalam'])} n° ${num}, ${pick(r, CITIES_FR)} ${postcode}`,
    `Avenue ${pick(r, STREETS_FR)} n° ${num}, ${pick(r, CITIES_FR)}`,
  ]);
}
