/** Moroccan cities and towns (Latin and Arabic spellings), used to anchor addresses and RC numbers. */
export const CITIES = `
casablanca|casa|dar el beida|dar bouazza|rabat|sale|fes|fez|marrakech|marrakesh|tanger|tangier|tangiers|agadir
|meknes|oujda|kenitra|tetouan|safi|mohammedia|el jadida|eljadida|beni mellal|nador|taza|khouribga|settat|temara
|larache|khemisset|guelmim|berrechid|ouarzazate|errachidia|laayoune|dakhla|essaouira|al hoceima|el hoceima|chefchaouen
|chaouen|ifrane|tiznit|taroudant|sidi kacem|sidi slimane|berkane|taourirt|inezgane|ait melloul|skhirat|bouznika
|benslimane|youssoufia|fquih ben salah|azrou|midelt|tinghir|zagora|tan-tan|tantan|sefrou|ouazzane|martil|mdiq|m'diq
|fnideq|tiflet|kasba tadla|khenifra|asilah|ksar el kebir|guercif|boujdour|smara|sidi bennour|azilal|jerada|figuig
|oued zem|sidi ifni|bouskoura|nouaceur|mediouna|had soualem|ain harrouda|tamesna
|الدار البيضاء|البيضاء|كازا|كازابلانكا|الرباط|سلا|فاس|مراكش|طنجة|اكادير|أكادير|مكناس|وجدة|القنيطرة|تطوان|اسفي|آسفي
|المحمدية|الجديدة|بني ملال|الناظور|تازة|خريبكة|سطات|تمارة|العرائش|الخميسات|كلميم|برشيد|ورزازات|الرشيدية|العيون
|الداخلة|الصويرة|الحسيمة|شفشاون|إفران|افران|تيزنيت|تارودانت|سيدي قاسم|سيدي سليمان|بركان|تاوريرت|انزكان|إنزكان
|ايت ملول|الصخيرات|بوزنيقة|بنسليمان|اليوسفية|الفقيه بن صالح|ازرو|أزرو|ميدلت|تنغير|زاكورة|طانطان|صفرو|وزان|مرتيل
|المضيق|الفنيدق|تيفلت|قصبة تادلة|خنيفرة|أصيلة|اصيلة|القصر الكبير|جرسيف|بوجدور|السمارة|سيدي بنور|أزيلال|جرادة
|فكيك|وادي زم|سيدي إفني|بوسكورة|النواصر|مديونة|تامسنا|عين السبع
`;

/**
 * Words that open a street address. Short French abbreviations are kept with their dot variants
 * stripped (the tokenizer sees letters only).
 */
export const ADDRESS_KEYWORDS = `
rue bd boulevard avenue av hay derb douar lot lotissement residence res imm immeuble appt appartement app
quartier qt angle km route cite villa zone impasse place etage etg bloc secteur zanka zan9a znka chari3 cha3ri
زنقة شارع حي دوار تجزئة اقامة عمارة شقة درب الطابق زنقه تجزئه اقامه عماره شقه طريق ساحة مجموعة بلوك قطاع ممر
`;

/** Keywords that are ordinary words in other contexts: they need a number, postcode or city nearby. */
export const WEAK_ADDRESS_KEYWORDS = new Set([
  'lot',
  'hay',
  'place',
  'route',
  'km',
  'zone',
  'angle',
  'bloc',
  'cite',
  'app',
  'res',
  'villa',
  'طريق',
  'ساحة',
  'مجموعة',
  'حي',
  'قطاع',
  'ممر',
  'etage',
  'الطابق',
  'secteur',
]);
