import { tifinaghToLatin } from '@khidma/lang';
import type { TextLang } from '../catalog/types.js';

/** Languages the assistant answers in (BCP 47 tags shared with @khidma/lang). */
export type AnswerLang =
  | 'ary-Arab'
  | 'ary-Latn'
  | 'arb-Arab'
  | 'fra-Latn'
  | 'eng-Latn'
  | 'zgh-Tfng'
  | 'zgh-Latn';
export const ANSWER_LANGS: readonly AnswerLang[] = [
  'ary-Arab',
  'ary-Latn',
  'arb-Arab',
  'fra-Latn',
  'eng-Latn',
  'zgh-Tfng',
  'zgh-Latn',
];

export interface Strings {
  documents: string;
  fee: string;
  /** `{n}` is replaced by the amount. */
  amount: string;
  free: string;
  /** `{url}` is replaced by the source URL. */
  feeUnknown: string;
  time: string;
  timeUnknown: string;
  where: string;
  online: string;
  steps: string;
  legal: string;
  /** `{url}` and `{date}`. */
  source: string;
  sample: string;
  seeAlso: string;
  /** Honest "I don't know" for out-of-scope or low-confidence questions. */
  refusal: string;
  /** `{name}` and `{url}`: where to ask instead. */
  contact: string;
  sources: string;
  escalate: string;
}

const ARY_ARAB: Strings = {
  documents: 'الوراق اللي خاصك:',
  fee: 'الثمن:',
  amount: '{n} درهم',
  free: 'فابور (بلا خلاص)',
  feeUnknown: 'الثمن ما متأكدينش منو فالمصادر ديالنا، تأكد منو ف {url}',
  time: 'المدة:',
  timeUnknown: 'المدة ما مذكوراش فالمصادر ديالنا.',
  where: 'فين:',
  online: 'أونلاين:',
  steps: 'الخطوات:',
  legal: 'القانون:',
  source: 'المصدر: {url} (آخر تحقق: {date})',
  sample: 'ملاحظة: هاد المعلومات نموذجية، خاصها تتأكد عند الإدارة.',
  seeAlso: 'شوف حتى:',
  refusal:
    'سمح ليا، ما لقيتش جواب أكيد على هاد السؤال فالمساطر اللي عندي، وما بغيتش نقول ليك شي حاجة ماشي صحيحة.',
  contact: 'تقدر تسول {name}: {url}',
  sources: 'المصادر:',
  escalate: 'إلا بغيتي، نقدر نحول سؤالك لموظف.',
};

const ARY_LATN: Strings = {
  documents: 'Lwra9 li khassek:',
  fee: 'Taman:',
  amount: '{n} dh',
  free: 'Fabor (bla khlas)',
  feeUnknown: 'Taman ma m2akkdinch mno f les sources dyalna, t2akked mno f {url}',
  time: 'Lmodda:',
  timeUnknown: 'Lmodda ma mktobach f les sources dyalna.',
  where: 'Fin:',
  online: 'Online:',
  steps: 'Lkhatawat:',
  legal: 'L9anoun:',
  source: 'Lmasdar: {url} (akher ta2kid: {date})',
  sample: 'Rak had lma3loumat dyal exemple, khasshom yt2akkdo 3nd l2idara.',
  seeAlso: 'Chouf hta:',
  refusal:
    'Smeh lia, ma l9itch jawab m2akked 3la had so2al f les procédures li 3ndi, w ma bghitch ngoul lik chi haja machi s7i7a.',
  contact: 'Tguder tsowel {name}: {url}',
  sources: 'Les sources:',
  escalate: 'Ila bghiti, n9der n7awel so2alek l chi mowadaf.',
};

const ARB_ARAB: Strings = {
  documents: 'الوثائق المطلوبة:',
  fee: 'الرسوم:',
  amount: '{n} درهم',
  free: 'مجانية',
  feeUnknown: 'لم نتمكن من تأكيد الرسوم في مصادرنا، يرجى التحقق منها عبر {url}',
  time: 'المدة:',
  timeUnknown: 'المدة غير مذكورة في مصادرنا.',
  where: 'مكان الإيداع:',
  online: 'الخدمة الإلكترونية:',
  steps: 'المراحل:',
  legal: 'المرجع القانوني:',
  source: 'المصدر: {url} (آخر تحقق: {date})',
  sample: 'تنبيه: هذه معطيات نموذجية يجب التحقق منها لدى الإدارة المختصة.',
  seeAlso: 'انظر أيضا:',
  refusal:
    'عذرا، لا أتوفر على معلومة موثوقة للإجابة عن هذا السؤال ضمن المساطر المتاحة لدي، ولا أريد أن أقدم لك معلومة غير مؤكدة.',
  contact: 'يمكنك التواصل مع {name}: {url}',
  sources: 'المصادر:',
  escalate: 'إذا رغبت، يمكنني إحالة سؤالك إلى موظف.',
};

const FRA_LATN: Strings = {
  documents: 'Pièces à fournir :',
  fee: 'Coût :',
  amount: '{n} MAD',
  free: 'Gratuit',
  feeUnknown: "Le montant n'est pas confirmé dans nos sources ; vérifiez-le sur {url}",
  time: 'Délai :',
  timeUnknown: "Le délai n'est pas indiqué dans nos sources.",
  where: 'Où :',
  online: 'En ligne :',
  steps: 'Étapes :',
  legal: 'Base légale :',
  source: 'Source : {url} (dernière vérification : {date})',
  sample: "Remarque : données d'exemple à vérifier auprès de l'administration.",
  seeAlso: 'Voir aussi :',
  refusal:
    "Désolé, je n'ai pas d'information fiable pour répondre à cette question dans les démarches que je connais, et je préfère ne pas vous donner une réponse inexacte.",
  contact: 'Vous pouvez vous adresser à {name} : {url}',
  sources: 'Sources :',
  escalate: 'Si vous le souhaitez, je peux transmettre votre question à un agent.',
};

const ENG_LATN: Strings = {
  documents: 'Documents to bring:',
  fee: 'Fee:',
  amount: '{n} MAD',
  free: 'Free of charge',
  feeUnknown: 'The fee is not confirmed in our sources; please check it on {url}',
  time: 'Processing time:',
  timeUnknown: 'The processing time is not given in our sources.',
  where: 'Where:',
  online: 'Online:',
  steps: 'Steps:',
  legal: 'Legal basis:',
  source: 'Source: {url} (last verified: {date})',
  sample: 'Note: sample data, to be verified with the administration.',
  seeAlso: 'See also:',
  refusal:
    "Sorry, I don't have reliable information to answer this question in the procedures I know, and I'd rather not give you an inaccurate answer.",
  contact: 'You can contact {name}: {url}',
  sources: 'Sources:',
  escalate: 'If you wish, I can pass your question to a human agent.',
};

// Standard Moroccan Tamazight, IRCAM Tifinagh. Latin-script answers are transliterated from these.
const ZGH_TFNG: Strings = {
  documents: 'ⵜⵉⵡⵔⵉⵇⵉⵏ ⵉⵇⵇⴰⵏⵏ:',
  fee: 'ⴰⵜⵉⴳ:',
  amount: '{n} ⴷⵔⵀⵎ (MAD)',
  free: 'ⴱⵍⴰ ⴰⵜⵉⴳ',
  feeUnknown: 'ⵓⵔ ⵏⵙⵙⵉⵏ ⴰⵜⵉⴳ ⵙ ⵜⵉⴷⵜ, ⵥⵕ {url}',
  time: 'ⴰⴽⵓⴷ:',
  timeUnknown: 'ⵓⵔ ⵉⵍⵍⵉ ⵓⴽⵓⴷ ⴳ ⵉⵖⴱⵓⵍⴰ ⵏⵏⵖ.',
  where: 'ⵎⴰⵏⵉ:',
  online: 'ⴰⵏⵜⵔⵏⵉⵜ:',
  steps: 'ⵜⵉⴼⴼⵓⵔⴰ:',
  legal: 'ⴰⵣⵔⴼ:',
  source: 'ⴰⵖⴱⴰⵍⵓ: {url} ({date})',
  sample: 'ⵉⵙⴼⴽⴰ ⴰⴷ ⵏ ⵓⵎⴷⵢⴰ, ⵙⵙⵏⵇⴷ ⴰⵜⵏ ⵖⵔ ⵜⵏⴱⴰⴹⵜ.',
  seeAlso: 'ⵥⵕ ⴰⵡⴷ:',
  refusal: 'ⵙⵙⵓⵔⴼ ⵉⵢⵉ, ⵓⵔ ⵓⴼⵉⵖ ⴰⵔⴰⵔ ⵉⵖⵓⴷⴰⵏ ⵉ ⵜⵓⵜⵜⵔⴰ ⴰⴷ ⴳ ⵜⵉⴼⴼⵓⵔⴰ ⵏⵏⵉ ⵙⵙⵏⵖ.',
  contact: 'ⵥⵕ {name}: {url}',
  sources: 'ⵉⵖⴱⵓⵍⴰ:',
  escalate: 'ⵎⴽ ⵜⵔⵉⴷ, ⵣⵎⵔⵖ ⴰⴷ ⴰⵣⵏⵖ ⵜⵓⵜⵜⵔⴰ ⵏⵏⴽ ⵉ ⵢⴰⵏ ⵓⵎⵙⵡⵓⵔⵉ.',
};

function transliterate(s: Strings): Strings {
  const out = {} as Strings;
  for (const [k, v] of Object.entries(s)) out[k as keyof Strings] = tifinaghToLatin(v);
  return out;
}

export const STRINGS: Record<AnswerLang, Strings> = {
  'ary-Arab': ARY_ARAB,
  'ary-Latn': ARY_LATN,
  'arb-Arab': ARB_ARAB,
  'fra-Latn': FRA_LATN,
  'eng-Latn': ENG_LATN,
  'zgh-Tfng': ZGH_TFNG,
  'zgh-Latn': transliterate(ZGH_TFNG),
};

/** Which catalog text to show, by answer language, in order of preference. */
export const CONTENT_LANGS: Record<AnswerLang, TextLang[]> = {
  'ary-Arab': ['ary', 'ar', 'fr', 'en'],
  'ary-Latn': ['fr', 'en', 'ar'],
  'arb-Arab': ['ar', 'fr', 'en'],
  'fra-Latn': ['fr', 'en', 'ar'],
  'eng-Latn': ['en', 'fr', 'ar'],
  'zgh-Tfng': ['zgh', 'ar', 'fr'],
  'zgh-Latn': ['zgh', 'fr', 'en'],
};

/** Fallback contact when nothing in the catalog fits: the national portal of administrative procedures. */
export const GENERIC_CONTACT = {
  name: {
    'ary-Arab': 'البوابة الوطنية للمساطر الإدارية',
    'ary-Latn': 'lbawaba dyal les procédures idariya',
    'arb-Arab': 'البوابة الوطنية للمساطر والإجراءات الإدارية',
    'fra-Latn': 'le portail national des procédures administratives',
    'eng-Latn': 'the national portal of administrative procedures',
    'zgh-Tfng': 'ⴰⵙⵉⵜ ⴰⵏⴰⵎⵓⵔ ⵏ ⵜⵉⴼⴼⵓⵔⴰ',
    'zgh-Latn': tifinaghToLatin('ⴰⵙⵉⵜ ⴰⵏⴰⵎⵓⵔ ⵏ ⵜⵉⴼⴼⵓⵔⴰ'),
  } satisfies Record<AnswerLang, string>,
  url: 'https://www.idarati.ma',
};

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
