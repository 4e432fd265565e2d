/**
 * Project-authored synonym lexicon for Moroccan administrative vocabulary.
 *
 * One concept per line: `concept: term | term | …`. Terms may be written in any language or script the
 * citizens use — French, English, Standard Arabic, Darija in Arabic script and in Arabizi, Tamazight in
 * Tifinagh or Latin — and may be multi-word phrases. Everything is normalised by the same analyzer as the
 * catalog, so spelling variants that normalisation already folds (hamza, ة/ه, accents, ڭ/گ/ك, repeated
 * letters) need no separate entry.
 *
 * Lines starting with `?` are *facets*: what the citizen wants to know about a procedure (fee, papers,
 * delay, place, online channel, steps). They do not name a procedure, so they are excluded from the
 * topical match and from the refusal confidence, and the assistant uses them to choose what to answer.
 */
/**
 * Identity and travel papers of another state ("passeport français", "UK driving licence"): the catalog
 * only covers Moroccan ones, so a document qualified by a foreign nationality is an out-of-catalog topic.
 * Composed from two short lists rather than written out, so every pairing is covered.
 */
const FOREIGN_PAPERS = [
  'passeport',
  'passport',
  'paspor',
  'lpaspor',
  'permis',
  'permis de conduire',
  'driving licence',
  'driving license',
  'driver license',
  'carte d identite',
  'carte nationale',
  'id card',
  'identity card',
  'باسبور',
  'الباسبور',
  'جواز السفر',
  'جواز سفر',
  'رخصة السياقة',
  'البيرمي',
  'البطاقة الوطنية',
  // Civil-status and other records exist per state too: a French birth certificate is France's.
  'acte de naissance',
  'extrait de naissance',
  'birth certificate',
  'acte de mariage',
  'marriage certificate',
  'nationalite',
  'nationality',
  'citizenship',
  'casier judiciaire',
  'criminal record',
  'carte grise',
  'عقد الازدياد',
  'الجنسية',
  'جنسية',
  'السجل العدلي',
];
const NATIONALITIES_AFTER = [
  'francais',
  'francaise',
  'espagnol',
  'espagnole',
  'italien',
  'italienne',
  'belge',
  'allemand',
  'allemande',
  'neerlandais',
  'americain',
  'americaine',
  'canadien',
  'canadienne',
  'britannique',
  'anglais',
  'suisse',
  'fransawi',
  'fransawiya',
  'sbanyoli',
  'sbanyolia',
  'talyani',
  'mirikani',
  'canadi',
  'فرنسي',
  'فرنسية',
  'الفرنسي',
  'الفرنسية',
  'اسباني',
  'إسباني',
  'الإسباني',
  'الاسباني',
  'اسبانية',
  'إيطالي',
  'الإيطالي',
  'بلجيكي',
  'ألماني',
  'الألماني',
  'أمريكي',
  'الأمريكي',
  'امريكاني',
  'كندي',
  'الكندي',
  'بريطاني',
  'البريطاني',
  'فرانساوي',
  'الفرانساوي',
  'سبنيولي',
  'السبنيولي',
];
const NATIONALITIES_BEFORE = [
  'uk',
  'us',
  'usa',
  'british',
  'american',
  'french',
  'spanish',
  'italian',
  'belgian',
  'german',
  'dutch',
  'canadian',
  'swiss',
  'foreign',
];
const FOREIGN_DOCUMENT_LINE = `oos-foreign-document: ${[
  ...FOREIGN_PAPERS.flatMap((d) => NATIONALITIES_AFTER.map((n) => `${d} ${n}`)),
  ...FOREIGN_PAPERS.filter((d) => /^[a-z ]+$/.test(d)).flatMap((d) =>
    NATIONALITIES_BEFORE.map((n) => `${n} ${d}`),
  ),
].join(' | ')}`;

export const LEXICON_SOURCE = `
# ——— identity papers ———
cnie: cnie | cin | carte nationale | carte nationale d identite | carte d identite | carte identite | la carte | lakarte | lakart | la cart | lcart | lkart | lkarta | karta | la carta | carta nationale | bitaqa | lbita9a | bita9a | bitaka | l bitaqa | البطاقة الوطنية | بطاقة التعريف | البطاقة التعريفية | بطاقة وطنية | البطاقة | لاكارط | لاكارت | الكارط | كارط | لاكارطة | الكارطة | national id | id card | identity card | national identity card | ⵜⴰⴽⴰⵔⴹⴰ | takarda | takarḍa | ⵜⴰⵎⴰⴳⵉⵜ | tamagit | ⵜⴰⴽⴰⵔⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ
passport: passeport | passport | pasport | paspor | pasppor | paspore | lpaspor | lpasport | lpassport | lbasbor | basbor | basbour | الباسبور | باسبور | لباسبور | الپاسپور | جواز السفر | جواز سفر | الجواز | ⴰⴱⴰⵙⴱⵓⵔ | abasbor | ⵍⴱⴰⵙⴱⵓⵔ | assabur | asspor | ⴰⵙⵙⴰⴱⵓⵔ
renew: renouveler | renouvellement | renouvele | renouvler | renew | renewal | renewing | tjdid | tajdid | njded | njdd | njadad | jdd | jedded | nejded | تجديد | نجدد | جدد | نجدد | يتجدد | ⴰⵙⵎⴰⵢⵏⵓ | asmaynu | expire | expiree | perime | perimee | expired | sala | salat | salate | salit | سالات | سالا | انتهت صلاحيتها | انتهاء الصلاحية | ⵜⴼⵓⴽ | smaynu | ssmaynu | ⵙⵎⴰⵢⵏⵓ | sali | tsali | ysali | ghadi tsali | qrbat tsali | تسالي | غادي تسالي | expire bientot | expires | expiring | about to expire | منتهية الصلاحية | المنتهية الصلاحية | ancienne | 9dima | qdima | l9dima | قديمة | القديمة | old card
first: premiere fois | premiere demande | pour la premiere fois | first time | first | awal mara | awel mra | lawal mra | أول مرة | لأول مرة | اول مرة | اول مره | 18 ans | 18 years | 18 3am | ⵜⵉⵣⵡⵉⵔⵉ
lost: perdu | perdue | perte | j ai perdu | vole | volee | vol | lost | stolen | lose | tlfat | tlf | tlft | tlfatli | tlfat lia | ضاعت | ضاع | ضياع | ضايعة | مشات ليا | تسرقات | سرقة | سرقت | مفقودة | فقدت | tsr9at | tsre9 | ⵜⵔⵓⵃ | iruh | truh | da3 | da3at | daat | dayaat | dya3 | dyaat | da3et | mchat | mchat lia | ضايعة ليا | wallet | portefeuille | البزطام | lbztam | سرق | تسرق | تسرقت | سرقو ليا | tsre9 | tsr9 | tsra9 | tsr9at | dy3t | dya3t | diya3t | dayya3t | dyya3t | ضيعت | ضيعتها | ضيعت ليا | ɛreq | iɛreq | tɛreq | yɛreq | ⵉⵄⵔⵇ | ⵜⵄⵔⵇ
address: adresse | changement d adresse | address | domicile | demenagement | demenage | moved | move | new address | عنوان | العنوان | عنواني | l3onwan | 3onwan | l3nwan | 3nwan | رحلت | بدلت الدار | بدلت السكنى | tbdil dar | bdlt dar | rhlt | ⴰⵏⵙⴰ
change: changer | changement | modifier | modification | mise a jour | update | change | tbdil | nbdl | nbdel | تغيير | تبديل | نبدل | تحيين | ⵙⵏⴼⵍ
# ——— civil status ———
birth: naissance | izdiyad | izdiad | zdiyad | lizdiyad | l2izdiyad | birth | born | ازدياد | الازدياد | ولادة | الولادة | الميلاد | ميلاد | tazdiad | zdiad | lwilada | wilada | ⵜⵍⴰⵍⵉⵜ | tlalit | ⵜⵍⵓⵍⵉⵜ | tlulit | lul | ilul | ⵉⵍⵓⵍ
birth-act: acte de naissance | extrait de naissance | extrait d acte de naissance | copie integrale | akt | lakt | l akt | lakte | akte | لاكت | لاكط | عقد الازدياد | رسم الولادة | شهادة الميلاد | نسخة موجزة | نسخة كاملة | birth certificate | ⴰⵙⵍⴽⵉⵏ ⵏ ⵜⵍⴰⵍⵉⵜ
declare: declaration | tsjl | ntsjl | ntsajl | tsajl | ytsjl | nsjl | sjjl | declarer | declare | register | registering | tsjil | nsjjel | nsajel | sajjel | تسجيل | نسجل | سجل | نصرح | التصريح | تصريح | registration | enregistrer | enregistrement | inscrire | s inscrire | nqayed | n9ayed | tqyid | t9yid | تقييد | التقييد | نقيد | نقيدو | ssjel | ssjl | ⵙⵙⵊⵍ
newborn: bebe | nouveau ne | enfant | baby | newborn | child | wld | lwld | bnt | tfl | ولد | مولود | المولود | طفل | الطفل | الدري | ولدي | ⴰⵙⵎⵉ | ⴰⵔⴱⴰ | arba | arraw | tarwa | ⴰⵔⵔⴰⵡ | ⵜⴰⵔⵡⴰ
residence: residence | certificat de residence | attestation de residence | residence certificate | proof of address | سكنى | السكنى | شهادة السكنى | شهادة السكن | sokna | soukna | chahadat sokna | chahada d sokna | ⴰⵣⴷⴷⵓⵖ | azdduɣ | azdduw | الإقامة | إقامة | شهادة الإقامة | مقر الإقامة | مقر السكنى | tazdeɣt | tazdɣt | tanezdeɣt | ⵜⴰⵣⴷⵖⵜ | ⵜⴰⵏⵣⴷⵖⵜ
local-authority: moqaddem | mokadem | mqdem | l9aid | caid | caidat | qaid | المقدم | مقدم | القايد | القائد | القيادة | الملحقة الإدارية | annexe administrative | lmo9adem
criminal-record: casier judiciaire | casier | bulletin n 3 | سجل عدلي | السجل العدلي | السوابق | السوابق العدلية | sijil 3adli | sijil adli | lsijil l3adli | sawabi9 | criminal record | police clearance
anthropometric: fiche anthropometrique | anthropometrique | fiche anthropo | anthropo | fich | lfich | الفيش | فيش | البطاقة الانثروبومترية | انثروبومتري | good conduct | police record | police certificate
legalisation: legalisation | legaliser | legalise | legalize | legalization | signature | imda | l imda | limda | tasdi9 | tasdik | msad9a | sadi9 | الإمضاء | الامضاء | تصحيح الإمضاء | المصادقة على الإمضاء | توقيع | التوقيع | ⴰⵙⵙⵓⵔⵙ | نمضي | نصحح | نصحح الإمضاء | صحح | تصحيح | nmdi | lmdi | nsahh | nsa77a7 | signer | faire legaliser | sign a document
certified-copy: copie conforme | copie certifiee | copies conformes | certifier conforme | certified copy | true copy | copy | copie | photocopie | fotokopi | nuskha | مطابقة للأصل | نسخة مطابقة | مطابقة الأصل | النسخ | كوبي
marriage: mariage | marier | marie | epouser | marriage | married | marry | wedding | zwaj | zawaj | nzwj | nzewej | ntzwj | tzwj | nzawaj | الزواج | زواج | نتزوج | نزوج | تزوج | عقد الزواج | عقد النكاح | ⵜⴰⵎⵖⵔⴰ | tamghra | tamɣra | adoul | adoul | 3doul | العدول | عدول | khatiba | khtiba | khatib | fiancee | fiance | fiancailles | الخطيبة | خطيبتي | خطيب | الخطوبة | kteb l3a9d | nktbo l3a9d | wedding contract | marriage contract | ttahl | tahl | ⵜⵜⴰⵀⵍ | ittahl | azwaj | ⴰⵣⵡⴰⵊ
family-book: livret de famille | carnet de famille | livret familial | family book | family record book | family booklet | الدفتر العائلي | دفتر الحالة المدنية | الكناش | كناش | الكناش ديال الحالة المدنية | kenach | kennach | lkennach | kunnash | lkonach | l konach
death: deces | mort | decede | death | died | dead | passed away | وفاة | الوفاة | مات | ماتت | توفي | توفيت | matt | mat | twfa | twffa | ⴰⵎⵓⵜⵜⵓ | ⵉⵎⵓⵜ | immut | ⵜⴰⵎⵜⵜⴰⵏⵜ | tamttant
civil-status: etat civil | l etat civil | bureau d etat civil | officier d etat civil | الحالة المدنية | مكتب الحالة المدنية | ضابط الحالة المدنية | l7ala lmadania | l7ala lmadaniya | lhala lmadania | lhala lmadaniya | 7ala madania | civil status | civil registry | civil registration
nationality: nationalite | certificat de nationalite | nationality | citizenship | الجنسية | جنسية | شهادة الجنسية | jinsiya | jinsia | jensiya | ⵜⴰⵖⵍⵉⵏⵜ
life-cert: certificat de vie | attestation de vie | life certificate | proof of life | alive | شهادة الحياة | على قيد الحياة | l7ayat | lhayat | chahadat l7ayat | retraite | pension | retraité | retirement | pensioner | التقاعد | لاروطريت | rotrit
# ——— vehicles ———
driving-licence: permis de conduire | permis | permi | lpermis | lpermi | pirmi | lpirmi | البيرمي | بيرمي | البرمي | رخصة السياقة | رخصة القيادة | رخصة السواقة | rokhsat siya9a | rokhsa dyal siya9a | driving licence | driving license | driver licence | driver s license | drivers license | auto ecole | autoecole | l auto ecole | تعليم السياقة | لوطو ايكول | ⵜⵉⵏⴰⴳⴳⵉⵜ ⵏ ⵓⵏⴷⴷⵓ | drive | learn to drive | driving | driving test | conduire | apprendre a conduire | nsou9 | nsog | nsu9 | nt3alem sya9a | السياقة | سياقة | نسوق | نتعلم السياقة
registration-card: carte grise | kart griz | kartgriz | la carte grise | lakart griz | لاكارط كريز | لاكارط ݣريز | الكارط كريز | البطاقة الرمادية | vehicle registration | registration certificate | logbook | immatriculation | matricule | matricula | lmatricule | الماتريكول | الترقيم | voiture neuve | moto neuve | tomobil jdida | tonobil jdida | motor jdid | طوموبيل جديدة | سيارة جديدة | موطور جديد | new car | new motorbike | brand new car | kart grise | lkart grise | cart grise | lcart grise | lakart grise | karta grise | carte grize
vehicle: voiture | vehicule | auto | automobile | moto | car | vehicle | motorbike | tomobil | tonobil | tomobile | tomobila | lmotor | طوموبيل | الطوموبيل | السيارة | سيارة | العربة | المطور | الموطور | ⵜⴰⴽⵓⵔⵉⵢⵜ | ttomobil | ⵜⵓⵎⵓⴱⵉⵍ | takrrust | takerrust | ⵜⴰⴽⵔⵔⵓⵙⵜ
transfer: mutation | vente | vendre | vendu | acheter | achete | achat | occasion | transfert | transfer | sell | sold | buy | bought | second hand | used car | bi3 | bi3t | chrit | chrite | nchri | nbi3 | شريت | بعت | بيع | شراء | نقل الملكية | mutasyon | ⵙⵖ | zznz | znz | ⵣⵣⵏⵣ | selling | buying | sale | purchase | transferring
inspection: visite technique | controle technique | lvisite | la visite | lvizit | vizit | الفحص التقني | الفيزيت | لافيزيت | technical inspection | roadworthiness | mot test | visit teknik | vizit teknik | visite teknik | lvisit | lvizit teknik
vehicle-tax: vignette | vignete | tsav | lvignette | lvinyet | vinyet | الفينيت | فينيت | الفينييت | الضريبة على السيارات | الضريبة الخاصة السنوية | car tax | road tax | vehicle tax | lfinyit | finyit
# ——— social ———
health-insurance: amo | amo tadamon | tadamon | tadamoun | ramed | raamed | راميد | الراميد | تضامن | امو | أمو تضامن | التغطية الصحية | التأمين الصحي | التامين الاجباري عن المرض | assurance maladie | couverture medicale | mutuelle | lmutuelle | tghtiya | taghtiya sihiya | health insurance | health cover | medical cover | ⵜⴰⴷⴰⵡⵙⴰ | tadawsa
social-registry: rsu | registre social | registre social unifie | السجل الاجتماعي | السجل الاجتماعي الموحد | سجل اجتماعي | rnp | registre national de la population | السجل الوطني للسكان | sijil ijtima3i | l'indice | lmo2achir | المؤشر | social registry | aide sociale | aide directe | soutien social | dda3m | d3m | da3m | الدعم | دعم | الدعم المباشر | social support | social aid | ⴰⵏⵎⵓⵍⵍⵉ
cnss: cnss | damancom | damancome | الضمان الاجتماعي | الضمان | ddaman | daman | social security | securite sociale | رقم الضمان | lcnss | سي ان اس اس
employee: salarie | salaries | employe | employes | travailleur | employee | employees | worker | staff | khddam | khdam | lkhdama | خدام | الخدام | الأجير | أجير | الأجراء | عامل | ⴰⵎⵙⵡⵓⵔⵉ
employer: employeur | patron | employer | boss | lpatron | mol chi | المشغل | مشغل | الباطرون | embaucher | recruter | hire | recruit | declare staff | نصرح بالخدامة | نسجل الخدامة | nsrr7 b lkhddama | nsjl lkhddama | declarer mes salaries | declarer mes employes | register my employees | my employees | mes salaries
complaint: reclamation | plainte | se plaindre | chikaya | chkaya | chikayat | شكاية | شكوى | شكايات | تشكي | نشكي | ntchka | nchki | complaint | complain | grievance | ⵛⵛⵉⴽⴰⵢⴰ | plaindre | me plaindre | reclamer | faire une reclamation | complain about
elections: listes electorales | liste electorale | voter | vote | elections | election | انتخابات | الانتخابات | التصويت | نصوت | اللوائح الانتخابية | nsowt | nsawt | nvoti | lvote | intikhabat | electoral roll | register to vote
# ——— business and tax ———
negative-cert: certificat negatif | certificat negative | negative certificate | الشهادة السلبية | شهادة سلبية | nom commercial | nom de societe | denomination | company name | business name | smiya dyal charika | smiyat charika | الاسم التجاري | اسم الشركة
company: societe | entreprise | sarl | sarlau | sarl au | company | business | firm | startup | charika | chariqa | charikat | lcharika | sharika | شركة | الشركة | شركتي | مقاولة | المقاولة | boite | ccarika | ⵛⵛⴰⵔⵉⴽⴰ
create: creer | creation | constituer | constitution | ouvrir | lancer | monter | create | creating | start | open | set up | register a | nhel | n7el | nfte7 | nfteh | nassas | إحداث | تأسيس | نفتح | نحل | نأسس | ⵙⵏⴼⵍⵍ | إنشاء | انشاء | ننشئ | أنشئ | establish | form a | founding
trade-register: registre de commerce | registre du commerce | rc | modele j | السجل التجاري | sijil tijari | sijil tijari | trade register | commercial register | company register
tax-id: identifiant fiscal | ice | identifiant commun | patente | taxe professionnelle | التعريف الجبائي | المعرف الموحد | المعرف الموحد للمقاولة | الباطانطا | الباطنتا | lpatenta | patenta | tax id | tax number | tax identification
auto-entrepreneur: auto entrepreneur | autoentrepreneur | auto entreprise | auto-entrepreneur | l auto entrepreneur | otoantroprenor | مقاول ذاتي | المقاول الذاتي | مقاولة ذاتية | self employed | freelance | freelancer | sole trader | اوطو انطروبرونور | لوطو انطروبرونور | اوطو انطربرونور | لوطو انطربرونور | اوطو انتربرونور | otoantrbrnur
tax-compliance: attestation de regularite fiscale | regularite fiscale | situation fiscale | attestation fiscale | الوضعية الجبائية | شهادة الوضعية الجبائية | الوضعية الضريبية | tax clearance | tax compliance | tax certificate | good standing
tax: impot | impots | taxe | taxes | fiscal | fiscale | tax | taxes | dgi | الضريبة | ضريبة | الضرائب | dariba | dara2ib | ⵜⴰⵡⵙⵉ
# ——— urbanism ———
building-permit: permis de construire | autorisation de construire | permis de batir | construire | construction | batir | building permit | construction permit | build | building | رخصة البناء | البناء | البني | نبني | بني | nbni | bni | lbni | rokhsat lbni | rokhsa dyal lbni | rokhas | ⴱⵏⵓ | bnu | ⴰⴱⵏⵓ | etage | tabi9 | tabiq | طابق | الطابق | agrandir | agrandissement | extension | surelevation | ajouter un etage | zid tabi9 | nzid etage | extend my house | renovation
occupancy: permis d habiter | certificat de conformite | occupancy permit | occupancy certificate | رخصة السكن | شهادة المطابقة | rokhsat sokna | fin des travaux | ساليت البني
land: titre foncier | conservation fonciere | certificat de propriete | propriete | terrain | land title | land registry | land | plot | الرسم العقاري | المحافظة العقارية | شهادة الملكية | الأرض | أرض | lard | l ard | ⴰⴽⴰⵍ | akal | الملكية العقارية | ملكية العقار | ملكية الأرض | chahadat lmilkia | chahadat lmilkiya | chahadat lmolkiya | chahadat l milkia | property certificate | property title | certificat de propriete | propriete fonciere
# ——— education ———
school: certificat de scolarite | attestation scolaire | scolarite | ecole | college | lycee | eleve | school | pupil | student certificate | المدرسة | مدرسة | شهادة مدرسية | شهادة التمدرس | التمدرس | madrasa | lmadrasa | lmdrasa | massar | مسار | ⵜⵉⵏⵎⵍ | tinml | madrasia | madrassia | madrasiya | مدرسية | المدرسية | aɣerbaz | aɣrbaz | ⴰⵖⵔⴱⴰⵣ | tinml
bac: baccalaureat | bac | lbac | bachot | الباكالوريا | الباك | باك | البكالوريا | high school diploma | ⴱⴰⴽ
diploma: diplome | diplomes | diploma | degree | licence universitaire | master | ديبلوم | الديبلوم | الدبلوم | الشهادة الجامعية | diplom | ماستر | الماستر | الإجازة | الاجازة | دكتوراه | الدكتوراه | doctorat | licence | bachelor | phd | diplome etranger
equivalence: equivalence | equivalent | reconnaissance | recognition | recognise | recognize | معادلة | المعادلة | معادلة الشهادات | mo3adala | mou3adala | m3adla | الاعتراف | اعتراف | الاعتراف بالشهادة | الاعتراف بالدبلوم | reconnaitre | faire reconnaitre
scholarship: bourse | boursier | minha | lminha | minhaty | scholarship | grant | منحة | المنحة | منحتي | lmin7a | min7a
# ——— consular and abroad ———
consular: consulat | consulaire | carte consulaire | immatriculation consulaire | consulate | consular | القنصلية | قنصلية | البطاقة القنصلية | التسجيل القنصلي | lconsulat | l9onsoliya | consula | lqunsul | qunsul | ⵍⵇⵓⵏⵚⵓⵍ
abroad: mre | marocain du monde | marocains du monde | residant a l etranger | a l etranger | etranger | abroad | living abroad | overseas | l kharij | lkharij | fl kharij | برا | الخارج | بالخارج | مغاربة العالم | المهاجرين | france | espagne | italie | belgique | hollande | allemagne | spain | italy | germany | fransa | sbanya | فرنسا | اسبانيا | ايطاليا
power-of-attorney: procuration | mandat | mandataire | power of attorney | proxy | wakala | lwakala | tawkil | وكالة | الوكالة | توكيل | نوكل | nwkkel | nwakel | توكيلا | وكالة عرفية
# ——— utilities ———
water-power: eau | electricite | compteur | branchement | water | electricity | meter | الماء | الما | الكهرباء | الضو | العداد | الكونتور | lma | dow | ddo | lkahraba | kahraba | lcontour | kontor | lkontor | ⴰⵎⴰⵏ | aman | ⵜⴰⴼⴰⵡⵜ | tafawt | trisinti | ⵜⵔⵉⵙⵉⵏⵜⵉ
subscription: abonnement | abonner | souscrire | contrat | subscription | subscribe | connection | connect | اشتراك | الاشتراك | نشترك | نربط | abonma | l abonnement
# ——— known out-of-catalog topics: never in a procedure, so naming one lowers the confidence ———
oos-legal-complaint: porter plainte | deposer plainte | plainte contre | plainte au procureur | شكاية للنيابة العامة | شكاية ضد جاري | الشرطة القضائية | press charges | sue | poursuivre en justice | procureur | النيابة العامة | lprocureur
oos-visa: visa | visas | schengen | فيزا | الفيزا | تأشيرة | التأشيرة | green card | lvisa | lfiza | fiza
oos-loan: credit | cridi | kridi | pret bancaire | loan | mortgage | قرض | كريدي | الكريدي | سلف
oos-weather: meteo | weather | rain | الطقس | الشتا | الجو | ljaw | chta
oos-bill: facture | factures | la facture | payer la facture | lfatura | fatura | الفاتورة | فاتورة | الفاكتورة | lfaktura | bill | invoice | utility bill | ⵍⴼⴰⵜⵓⵔⴰ
oos-foreigner-residence: titre de sejour | carte de sejour | carte de residence etranger | permis de sejour | residence permit | بطاقة الإقامة | بطاقة الاقامة | la carte de sejour | karta d sejour
oos-school-enrolment: inscription scolaire | inscription a l ecole | inscrire mon fils a l ecole | inscrire ma fille a l ecole | school enrolment | school enrollment | enrol in school | التسجيل في المدرسة | نسجل ولدي فالمدرسة | tsjil f lmadrasa
oos-housing-aid: logement social | السكن الاجتماعي | sakan ijtima3i | social housing | dar l3omran | العمران
oos-disability: carte handicap | carte d handicap | carte de handicap | handicap | disability card | disability | بطاقة الإعاقة | بطاقة الاعاقة | الإعاقة | الاعاقة | i3a9a
oos-traffic-fine: amende | amendes | contravention | radar | speeding ticket | traffic fine | parking ticket | المخالفة | مخالفة | الرادار | لاموند | lamende | radar dyal
oos-licences: permis de chasse | permis de peche | port d arme | fishing license | hunting license | gun license | رخصة الصيد | رخصة حمل السلاح | permis bateau | permis de navigation | boat licence | boat license | permis international | permis de conduire international | international driving permit | international driving licence | international driving license
oos-jobs: offre d emploi | chercher un emploi | job offer | apply for a job | find a job | بغيت خدمة | البحث عن عمل | nqelleb 3la khdma
${FOREIGN_DOCUMENT_LINE}
oos-banking: carte bancaire | carte guichet | bank card | debit card | credit card | carte de credit | compte bancaire | bank account | ouvrir un compte | open an account | lakart dyal lbanka | lkart dyal lbanka | lakarte dyal lbanka | dyal lbanka | ديال البنكة | ديال البنك | بطاقة بنكية | البطاقة البنكية | الحساب البنكي | حساب بنكي | lcompte bancaire | carte visa | mastercard
oos-animals: passeport animal | passeport pour chien | passeport pour chat | passeport pour animal | pet passport | dog passport | cat passport | chien | chat | kelb | الكلب | كلب
oos-politics: gagner les elections | يربح الانتخابات | شكون غادي يربح | win the election | resultats des elections | نتائج الانتخابات
# ——— generic ———
certificate: certificat | chahadat | chhadat | attestation | extrait | certificate | document | paper | شهادة | الشهادة | وثيقة | chahada | chhada | ⴰⵙⵍⴽⵉⵏ | aslkin | tawriqt | ⵜⴰⵡⵔⵉⵇⵜ | cert | certif | lcertif | attest
# ——— facets (what is asked about a procedure) ———
?place: rabat | casablanca | casa | dar beida | fes | fez | marrakech | marrakesh | mrakch | tanger | tangier | tanja | agadir | oujda | meknes | kenitra | tetouan | safi | el jadida | nador | beni mellal | khouribga | laayoune | dakhla | tiznit | ouarzazate | errachidia | taza | larache | settat | mohammedia | sale | temara | الرباط | الدار البيضاء | كازا | فاس | مراكش | طنجة | أكادير | وجدة | مكناس | القنيطرة | تطوان | آسفي | الجديدة | الناظور | بني ملال | خريبكة | العيون | الداخلة | تيزنيت | ورزازات | الرشيدية | سلا | تمارة | المحمدية | ⵔⴱⴰⵟ | ⴰⴳⴰⴷⵉⵔ | ⵎⵕⵕⴰⴽⵛ | maroc | morocco | lmaghrib | lmghrib | المغرب | ⵍⵎⵖⵔⵉⴱ | كازا | فكازا | bladi
?fee: combien | prix | cout | coute | tarif | frais | payer | paye | montant | droits | timbre | gratuit | how much | cost | costs | fee | fees | price | pay | free | charge | chhal | ch7al | chhal | bchhal | bch7al | chehal | chal | bchal | katkhles | kankhles | nkhles | nkhless | khlass | lkhlas | taman | tamane | فلوس | flous | flouss | شحال | بشحال | بكم | كم | ثمن | الثمن | تكلفة | التكلفة | رسوم | الرسوم | الواجب | مجانا | مجاني | نخلص | كنخلص | كتخلص | تخلص | الخلاص | ⵎⵏⵛⴽ | mnck | mnchk | mennec | ⴰⵇⴰⵔⴹ | drahem | drahm | دراهم | الطابع | تمبر | tenbr | tamber | idrimn | ⵉⴷⵔⵉⵎⵏ
?documents: documents | iqqan | ⵉⵇⵇⴰⵏ | ad iqqan | document requis | pieces | pieces a fournir | papiers | dossier | justificatifs | papers | paperwork | documents needed | required documents | what do i need | what documents | wra9 | lwra9 | wraq | lwraq | lwara9 | الوراق | لوراق | الأوراق | أوراق | الوثائق | وثائق | ملف | الملف | الدوسي | dossier | khass | khassni | khasni | chno khass | خاص | خاصني | شنو خاص | ⵜⵉⵡⵔⵉⵇⵉⵏ | tiwriqin | ⵉⵙⴷⵍⵉⵙⵏ | what is needed | need | ittuyaran | ⵉⵜⵜⵓⵢⴰⵔⴰⵏ | ttuyaran | ixṣṣa | ixssa | ixṣṣa-yi | ⵉⵅⵚⵚⴰ
?time: delai | wa9t | waqt | wqet | combien de temps | duree | attendre | temps | jours | semaines | how long | time | days | weeks | wait | wqt | lwqt | lwe9t | lwa9t | mouda | modda | ch7al mn nhar | chhal mn nhar | ch7al dyal lwe9t | kam yawm | مدة | المدة | الوقت | كم من الوقت | شحال ديال الوقت | شحال من نهار | يطول | أجل | الأجل | ⴰⴽⵓⴷ | akud | ⵓⵙⵙⴰⵏ | ussan | deadline | time limit | date limite | akhir ajal | آخر أجل | آخر اجل
?where: where | fin | fayn | fine | f ina | فين | أين | اين | فاين | mani | ⵎⴰⵏⵉ | bureau | guichet | office | which office | lmaktab | المكتب | الإدارة | lidara | idara | baldiya | lbaldiya | البلدية | الجماعة | jma3a | ljma3a | mo9ata3a | lmo9ata3a | المقاطعة | commune | mairie | municipalite | municipality | town hall | city hall
?online: en ligne | internet | online | site | website | web | portail | portal | انترنت | الإنترنت | الانترنيت | عبر الإنترنت | الموقع | f internet | flinternet | f site | online ⵙ ⵓⵎⵢⴰⴼⴰ
?steps: comment | demarche | demarches | procedure | etapes | faire | obtenir | avoir | how | how to | steps | process | procedure | apply | get | kifach | kifah | kifash | kif | كيفاش | كيف | كيفية | طريقة | الإجراءات | المسطرة | mamk | manik | ⵎⴰⵎⴽ | ⵎⴰⵏⵉⴽ | ⵎⴰⵏⵎⴽ | manmk | الخطوات | خطوات | المراحل | مراحل | lkhatawat | khatawat | lmarahil | ntleb | ntlb | ntalab | ntalb | tleb | njib | nakhod | nakhd | nakhdo | nlqa | nl9a | nqad | nkhrj | نطلب | نجيب | ناخد | ناخذ | نلقى | نقاد | نخرج | أطلب | اطلب | أحصل | احصل | الحصول | أستخرج | استخراج | request | obtain | awiɣ | ⴰⵡⵉⵖ
`;

/**
 * Function words with no topical meaning, in every language of the project. Kept short on purpose:
 * BM25's IDF already discounts frequent words; this list only removes words that would otherwise count
 * against the refusal confidence of a perfectly in-scope question.
 */
export const STOPWORDS_SOURCE = `
le la les l un une des du de d et ou a au aux en dans pour par sur avec sans je j me m mon ma mes tu ton ta tes il elle on nous vous ils elles leur leurs ce cet cette ces c est sont suis etre ai as avoir qui que qu quoi quel quelle quels quelles dois doit faut veux voudrais voudrait peux peut besoin svp stp merci bonjour salut bonsoir s il plait y est-ce ne pas plus moi mais donc car si
the a an to of for in on at by with my me i you your we our is are was be been am do does did can could would should will what which who whom this that these those it its how please hi hello thanks thank want need get got have has had there any some from about as or and if not just
jdid jdida jdad jdida jdide bghit bghina bgheet bgha nbghi ndir ndiro ndirou ndirha dir ana nta nti howa hiya hna wach wash ach achno chno chnou shno chnu dyal dial dyali diali dyalna l f fi o w ou u had hadi hada hadak hadik li lli ila ilal mn men min 3la ala 3lah m3a ma3a ya salam slm 3afak afak 3fak lah llah rah raha ghadi gha kayn kayna kaynin wla ola walakin bach bash ki kifma daba db shi chi chwiya bzaf mzyan safi ok okay wakha n3rf na3ref nbghi 3ndi andi 3andi 3nd had lmra
جديد جديدة جداد بغيت بغينا ندير نديرو دير واش شنو شنوا اش أش ديال ديالي ديالنا ديالو ديالها هاد هادي هادا هداك داك ديك لي اللي الى إلى الا من على مع في ف ل و او أو يا السلام سلام عافاك الله راه راني غادي غا كاين كاينة واحد شي بزاف مزيان صافي دابا عندي عندو انا أنا نتا نتي هو هي حنا نعرف باش بش ولا
ما هي هو كيف أريد اريد أود اود على من في إلى عن هل ماذا متى التي الذي الذين لكي كي عند لدي لي هذا هذه ذلك تلك أن ان إن كان يجب يمكن أستطيع ممكن الرجاء شكرا مرحبا أو ثم قد لقد بعد قبل جدا
inu inw nnk nnm nns nnɣ ⵉⵏⵓ ⵏⵏⴽ ⵏⵏⵎ ⵏⵏⵙ riɣ rix righ ad n d i ɣ s ma is ur yi iyi yan yat man mad ⵢⵉ ⵉⵢⵉ ⵢⴰⵏ ⵢⴰⵜ ⵎⴰⵏ ⵎⴰⴷ nkk nekk ntta nttat da ar ala ula gh g dar zund ay a ma ⵔⵉⵖ ⴰⴷ ⵏ ⴷ ⵉ ⵖ ⵙ ⵎⴰ ⵉⵙ ⵓⵔ ⵏⴽⴽ ⵏⵜⵜⴰ ⴷⴰ ⴰⵔ ⵖ ⴳ ⵖⵔ ⴰⵢ ⴰⵣⵓⵍ azul tanmmirt ⵜⴰⵏⵎⵎⵉⵔⵜ
`;
