/** Error codes of the registry package; each has a message in the languages of Morocco. */
export type RegistryErrorCode =
  | 'invalid_config'
  | 'file_not_found'
  | 'unknown_encoding'
  | 'not_utf8'
  | 'missing_column'
  | 'empty_input'
  | 'duplicate_id'
  | 'too_many_comparisons'
  | 'unknown_record'
  | 'invalid_model';

export type MessageLang = 'en' | 'fr' | 'ar' | 'ary' | 'zgh';

type Params = { source?: string; column?: string; detail?: string; count?: number; max?: number };

const MESSAGES: Record<RegistryErrorCode, Record<MessageLang, string>> = {
  invalid_config: {
    en: 'Invalid linkage configuration: {detail}',
    fr: 'Configuration de liaison invalide : {detail}',
    ar: 'إعدادات الربط غير صالحة: {detail}',
    ary: 'الإعدادات ديال الربط ماشي صحيحة: {detail}',
    zgh: 'Tawila n uqqan ur tgi tamagnut: {detail}',
  },
  file_not_found: {
    en: 'File not found: {detail}',
    fr: 'Fichier introuvable : {detail}',
    ar: 'الملف غير موجود: {detail}',
    ary: 'الملف ما كاينش: {detail}',
    zgh: 'Ur illi ufaylu: {detail}',
  },
  unknown_encoding: {
    en: 'Source {source}: unknown encoding "{detail}" (use utf-8, latin1, windows-1252, windows-1256 or utf-16le)',
    fr: 'Source {source} : encodage inconnu « {detail} » (utf-8, latin1, windows-1252, windows-1256 ou utf-16le)',
    ar: 'المصدر {source}: ترميز غير معروف "{detail}" (استعمل utf-8 أو latin1 أو windows-1252 أو windows-1256 أو utf-16le)',
    ary: 'المصدر {source}: الترميز "{detail}" ما معروفش (خدم ب utf-8 ولا latin1 ولا windows-1256)',
    zgh: 'Aɣbalu {source}: asettengl "{detail}" ur ittwassen',
  },
  not_utf8: {
    en: 'Source {source}: the file is not valid UTF-8 ({detail}); set "encoding" in the source config',
    fr: 'Source {source} : le fichier n’est pas en UTF-8 valide ({detail}) ; précisez « encoding »',
    ar: 'المصدر {source}: الملف ليس بترميز UTF-8 صالح ({detail})؛ حدد "encoding"',
    ary: 'المصدر {source}: الملف ماشي UTF-8 ({detail})؛ زيد "encoding" فالإعدادات',
    zgh: 'Aɣbalu {source}: afaylu ur igi UTF-8 ({detail})',
  },
  missing_column: {
    en: 'Source {source}: missing column "{column}"',
    fr: 'Source {source} : colonne manquante « {column} »',
    ar: 'المصدر {source}: العمود "{column}" مفقود',
    ary: 'المصدر {source}: العمود "{column}" ناقص',
    zgh: 'Aɣbalu {source}: tella tgejdit "{column}" ur tella',
  },
  empty_input: {
    en: 'Source {source}: no records',
    fr: 'Source {source} : aucun enregistrement',
    ar: 'المصدر {source}: لا توجد أي سجلات',
    ary: 'المصدر {source}: ما فيه حتى سجل',
    zgh: 'Aɣbalu {source}: ulac ikalasen',
  },
  duplicate_id: {
    en: 'Source {source}: record id "{detail}" appears more than once',
    fr: 'Source {source} : l’identifiant « {detail} » apparaît plusieurs fois',
    ar: 'المصدر {source}: المعرف "{detail}" مكرر',
    ary: 'المصدر {source}: الرقم "{detail}" معاود',
    zgh: 'Aɣbalu {source}: asulay "{detail}" yettwales',
  },
  too_many_comparisons: {
    en: 'Blocking rule "{detail}" would generate {count} comparisons, above the maximum of {max}; make it stricter',
    fr: 'La règle de blocage « {detail} » générerait {count} comparaisons, au-delà du maximum {max} ; resserrez-la',
    ar: 'قاعدة التجميع "{detail}" ستولد {count} مقارنة، أكثر من الحد الأقصى {max}؛ اجعلها أدق',
    ary: 'القاعدة "{detail}" غادي تدير {count} مقارنة، كثر من {max}؛ ضيقها',
    zgh: 'Alugen "{detail}" ad d-yawi {count} n userwes, ugar n {max}',
  },
  unknown_record: {
    en: 'Record not found: {detail}',
    fr: 'Enregistrement introuvable : {detail}',
    ar: 'السجل غير موجود: {detail}',
    ary: 'السجل ما كاينش: {detail}',
    zgh: 'Ur yettwaf ukalas: {detail}',
  },
  invalid_model: {
    en: 'Invalid model file: {detail}',
    fr: 'Fichier de modèle invalide : {detail}',
    ar: 'ملف النموذج غير صالح: {detail}',
    ary: 'ملف النموذج ماشي صحيح: {detail}',
    zgh: 'Afaylu n tmudemt ur igi amagnu: {detail}',
  },
};

export function registryMessage(code: RegistryErrorCode, params: Params, lang: MessageLang = 'en'): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = (params as Record<string, unknown>)[key];
    return value === undefined
      ? ''
      : typeof value === 'number'
        ? value.toLocaleString('en-US')
        : String(value);
  });
}

/** A bad-input error: carries a code, the parameters and localised messages. */
export class RegistryError extends Error {
  readonly code: RegistryErrorCode;
  readonly params: Params;
  constructor(code: RegistryErrorCode, params: Params = {}) {
    super(registryMessage(code, params));
    this.name = 'RegistryError';
    this.code = code;
    this.params = params;
  }
  messageIn(lang: MessageLang): string {
    return registryMessage(this.code, this.params, lang);
  }
}
