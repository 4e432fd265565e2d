/**
 * Project-authored gazetteer of Moroccan personal names: given names and family names in Arabic script
 * and in their usual French-style Latin spellings. Words that are also ordinary words (hope, good, happy,
 * light, greeting…) are listed apart: they count as names only next to another name or after a cue.
 */

export const GIVEN_LATIN = `
mohamed mohammed mohammad mohamad muhammad mouhamed mouhammed mhamed mhammed mohcine mohsine mohssine mehdi elmehdi
ahmed ahmad hamid hamza youssef yousef youssouf youcef yusuf younes youness younesse yassine yasine yassin ayoub
ayyoub adam amine lamine anas ismail smail ilyas ilyass ilias idriss driss abdellah abdallah abdelaziz abdelkader
abdelkrim abdelhak abdelali abdeslam abdessalam abdessamad abderrahim abderrahmane abderrahman abderrazak abderrazzak
abdelmajid abdelhamid abdelilah abdelghani abdelfattah abdelouahed abdelwahed abdelhadi abdellatif abdelmalek abdennour
abdenbi abdeljalil abdelhafid abdelkabir abdelmounaim abdelmoula abdou othmane otmane outmane omar hussein houssine
houcine hicham hisham khalid khaled rachid rashid saad samir soufiane sofiane soufian tarik tariq taha walid zakaria
zakariya zakariae zouhair zineddine zinedine jalal mustapha mustafa moustapha mostafa mourad noureddine nourdine
nabil nadir najib oussama ossama osama redouane ridouane redwane ridwan reda salim slimane soulaimane souleymane
tayeb taib brahim ibrahim azzedine azeddine bilal boubker boubaker fouad faycal faical faisal hafid hassane lahcen
lahsen lhoucine lahoucine larbi mbarek mokhtar mounir rabie tawfik toufik taoufik yahya zaid ziad adil adel anouar
anwar badreddine chakib chafik fahd hatim imad jaouad jawad lotfi marouane marwane nassim nizar rayane rayan sami
sufian wail wassim yazid aymane aymen ayman achraf ashraf bouchaib khalil nouh abdessadek abdelkarim abdelmoumen
mohammed-amine aziz abdelaziz hakim karim hassan said salah jamal kamal ali amal nour
abdelaali abdelouahab abdesslam abderrazzak adnane aissa akram alae alaa amr bachir bouchta boujemaa chouaib elhoucine
ezzedine faical farid fayssal ghali hachem haitam hamada houssam idris ismael issam kaddour lahbib lhoussaine maati
madani mahjoub mahmoud majid mbark miloud mimoun mohcine monir mouad mouhcine nacer naoufal noureddine oualid ouassim
rabii radouane rafik ramzi salaheddine seddik taieb tarek tawfiq thami tijani wadie wahid yassir abdelghafour
abdelkhalek abdennasser abderrafii hammou haddou moha amjad amin chakir ghassan hichame yasser abdelillah abdelbasset
abdelhakim abdelwahab belaid belkacem hmida hmad hammadi jilali kacem labib messaoud miloudi mouloud rahal rahhal
saddik tahar touhami yacine aouatif awatif bahija chama fadila fadoua hakima halima hasnaa houria ibtissam insaf
lamiae majda maria najia najoua rabia saadia salima soumia zahira oumkaltoum ibtihal nouhaila rania sabrina chaimaa
douaa rihab safia salwa wiam jihane ilhame hasnae yamina mounia latefa aziza abdelhadi abdeljalil abdellatif

fatima fatema fatiha fatimazahra zahra zohra khadija khadidja aicha aisha aycha meryem meriem maryam mariam myriam
salma sara sarah hajar hiba imane iman ikram asmae asmaa asma houda hanane hanan nadia naima latifa malika noura
zineb zainab zaynab soukaina soukayna sokaina siham samira saida rajae rachida karima khaoula kaoutar kawtar ilham
loubna laila leila layla jamila hayat habiba ghizlane ghizlaine ghita fadwa douae doae doha dounia chaimae chaima
chaimaa btissam ibtissam bouchra amina aziza basma fatna hind hasna hanae ihssane ihsane kenza lamia lina manal maha
mouna najat nawal nezha nisrine nesrine oumaima ouiam rim safae safaa sanae souad sofia soufia wafae wafaa widad
yasmine yasmina yousra zakia zoubida hafsa hafida rkia rahma yamna touria mina imane-fatima nora narjiss narjis
`;

/** Latin given names that are also common words in French, English, Darija or Arabizi. */
export const GIVEN_LATIN_AMBIGUOUS = `
warda malak nada dalal ghali
amal nour karim said hassan malika amine salah jamal kamal aziz hakim rajae raja saida sana safaa wafaa hayat
habiba dounia bouchra aya najat rahma mina lina hasna hiba rim sabah fahd widad iman imane houda basma latifa jamila karima aziza ilham noura badr
saad reda adil adel mounir rachid rabie tawfik ali omar hanane hanan chama ihssane sabah fadila nadir
`;

export const GIVEN_ARABIC = `
محمد امحمد احمد حميد حمزه يوسف يونس ياسين ايوب ادم امين انس اسماعيل الياس ادريس عثمان حسين الحسين هشام خالد
سمير سفيان طارق طه وليد زكرياء زكريا زهير مصطفى مراد نورالدين نبيل نجيب اسامه رضوان سليم سليمان الطيب ابراهيم
بلال فؤاد فيصل حفيظ لحسن مبارك يحيى زيد زياد انور ايمن اشرف بوشعيب خليل المهدي مهدي عماد مروان نزار ريان سامي
عبدالله عبدالعزيز عبدالقادر عبدالكريم عبدالحق عبدالسلام عبدالصمد عبدالرحيم عبدالرحمان عبدالرحمن عبدالرزاق
عبدالمجيد عبدالحميد عبدالاله عبدالغني عبدالفتاح عبدالواحد عبدالهادي عبداللطيف عبدالمالك محسن ادم اسامة
فاطمه فاطمهالزهراء الزهراء خديجه عائشه عايشه مريم سلمى ساره هاجر اكرام اسماء نادية ناديه نعيمه مليكه نوره زينب
سميره خوله كوثر لبنى ليلى غزلان غيثه فدوى ضحى شيماء امينه هند كنزه لمياء منال مها نسرين اميمه يامنه ثوريه زبيده
حفصه حفيظه رقيه يسرى سعاد سكينه سهام رشيده
عادل انور بشير بوشتى بوجمعه شعيب عزالدين فريد غالي هاشم هيثم حسام عصام جلال قدور خليل لحبيب لطفي المعطي المدني محجوب
محمود ماجد ميلود ميمون معاذ ناصر نوفل وليد وسيم رفيق رمزي صبري صلاح الدين الصديق التهامي التجاني وديع وحيد ياسر يزيد
حمو حدو موحى عواطف فاطنه غزلان حفيظه حكيمه حنان حسناء هند ابتسام اكرام انصاف كوثر خديجه لمياء لبنى مينه نادية نعيمه
ناجيه نسرين رابحه رشيده رقيه سعديه سلمى ساميه سميره ساره سعاد ثوريه ياسمينه يسرى زهيره زهره زكيه زينب زبيده جيهان
كنزه نهيله رانيه صبرينه ايناس
`;

export const GIVEN_ARABIC_AMBIGUOUS = `
دلال وحيد المدني بهيجه فضيله حليمه حوريه ماجده نجوى صفيه سلوى ورده ندى ملاك رحاب ربيع ابتهال نزهه
عمر علي حسن كريم رشيد سعيد سعد صلاح عزيز بدر حكيم جواد العربي مختار منير ربيع توفيق عادل رضا جمال كمال امل
نور هبه ايمان هدى حنان لطيفه سعيده رجاء كريمه الهام جميله حياه حبيبه دعاء دنيا ابتسام بشرى ايه عزيزه بسمه حسناء
هناء احسان منى نجاه نوال نزهه رحمه ياسمين صفاء سناء وفاء وداد سلام مليكة سكينة سهام
`;

export const FAMILY_LATIN = `
alaoui idrissi benjelloun bennani berrada tazi fihri fassi-fihri chraibi amrani ouazzani sqalli skalli benkirane
bensouda benchekroun bouabid lahlou lazrak guessous sebti kettani filali zerouali tahiri mansouri benali benmoussa
bensaid benabdellah benhima belhaj bouzoubaa cherkaoui charkaoui daoudi naciri nassiri harti jabri hamdaoui karimi
kabbaj lamrani laraki lyoubi mernissi mekouar mezouar mouline ouahbi qadiri kadiri rhazi sabri sefrioui semlali
slimani tadlaoui touimi yacoubi yaacoubi zniber zemmouri bouzidi ziani bouhaddou boukhari bouanani benslimane
belghiti benmansour bensalah benzakour laghzaoui lahbabi ghallab guerraoui hakimi ziyech amrabat bounou azzouzi
moutawakil benkhadra belmokhtar boutaleb bouchentouf ennaji essaidi lahrichi lamrini maalouf mouhib ouali
rahmouni rochdi sbai squalli taoufiq zemrani zouiten benabdeljalil benbrahim benhaddou bennis bouazza boussaid
chakir chafai elkhalfi elouardi erraji essafi ezzahri fakir ghazouani habchi hajjaji hamdouchi jaafari jettou
kadmiri kamali khattabi lakhdar lamghari louali maghraoui mahjoub manssouri marzouki mellouki mouhssine nejjar
oubaha ouakrim ouchen radi rami saadi sahli saoudi senhaji slimi soufiani talbi tijani touzani yassini zaouia
zerhouni zitouni abbadi achour afilal aboulfath akesbi alami el-alami el-idrissi el-amrani el-fassi el-ouazzani
benmoussa bouzoubaa el-khatib el-mansouri naji
`;

export const FAMILY_LATIN_AMBIGUOUS = `
fassi rifi soussi slaoui marrakchi hajji chami chaoui doukkali khatib haddad jebli souiri chaabi dahbi ghazi
hassani sahraoui tounsi zaki zaoui jamai kabir saghir tahar tajer najjar hamdi fennich
`;

export const FAMILY_ARABIC = `
العلوي الادريسي ادريسي بنجلون بناني برادة براده التازي الفهري العمراني الوزاني الشرايبي السقلي بنكيران بنسودة
بنشقرون بوعبيد لحلو لزرق الكتاني الحجي الزروالي الطاهري السعيدي المنصوري بنعلي بنموسى بنسعيد الشرقاوي الداودي
الناصري الجابري الحمداوي الكريمي القباج المرنيسي مزوار القادري الصبري الصفريوي التادلاوي اليعقوبي الزموري
بوزيدي البوزيدي الزياني الحكيمي الغزاوي الزاكي العزوزي بوطالب بلحاج بنسليمان بلغيتي بنمنصور بنصالح الرحموني
الرشدي الصباعي العلمي الفيلالي البقالي التجاني الصنهاجي الخطابي الزرهوني الزيتوني العبادي الجعفري الكتبي
المراني الهواري اليوسفي الغرباوي الطالبي السلمي الرامي القاسمي المحمدي البركاني الشاوني العراقي الحسيني
`;

export const FAMILY_ARABIC_AMBIGUOUS = `
الفاسي الريفي السوسي السلاوي المراكشي الشاوي الدكالي الخطيب الحداد الحسني الصحراوي التونسي الزاوي الشامي الغالي
الوالي الكبير الصغير النجار العلمي البركاني الكتبي الزيتوني الخطابي الرامي الشرقاوي الغزاوي الوطني
الرشيدي الشريف المغربي
`;

/** Tokens that join name parts: El Idrissi, Ben Ali, Aït Taleb, Abdel Karim, Ould, Moulay. */
export const NAME_PARTICLES = `
el al ben bin ibn bent ait ou id oulad ould bel abd abdel abdul moulay mulay lalla sidi bou bnou d
بن ابن بنت ايت اولاد ولد عبد مولاي لالة سيدي ابو بو
`;

/** Divine attributes that follow "عبد"/"Abd" in compound given names. */
export const ABD_SUFFIXES = `
الله الرحمان الرحمن الرحيم العزيز الكريم اللطيف الحق المجيد الحميد الصمد الغني القادر الهادي الواحد الاله السلام
الجليل الرزاق الفتاح الحكيم الكبير الجبار المالك المنعم النبي الرؤوف الخالق الحفيظ الباسط المومن المؤمن الناصر
allah ellah lah rahman rahmane errahman errahmane rahim errahim aziz laziz karim krim latif ellatif hak lhak majid
hamid samad essamad ghani kader kader lkader hadi wahed ouahed ilah lilah salam slam jalil razak fattah hakim kabir
malek moumen naser nacer
`;

/** Honorifics and introductions: a following name-like word is a person. */
export const TITLE_CUES = `
m. m mr mr. mme mme. mlle monsieur madame mademoiselle dr dr. docteur maitre me pr professeur sieur dame
السيد السيده الانسه الاستاذ الاستاذه الدكتور الدكتوره السي لالة الحاج الحاجه
mister mrs ms miss si lalla hajj lhaj hadj
`;

/** Form labels: a name follows only when the label ends with a colon or dash ("Nom : …", "الاسم: …"). */
const FIELD_LABELS = [
  'nom',
  'prenom',
  'name',
  'nom complet',
  'nom de famille',
  'nom et prenom',
  'الاسم',
  'الاسم الكامل',
  'الاسم العائلي',
  'الاسم الشخصي',
  'اسم',
];

const GREETINGS_LIST = [
  'bonjour',
  'bonsoir',
  'salut',
  'cher',
  'chere',
  'dear',
  'hi',
  'hello',
  'salam',
  'slm',
  'coucou',
  'merci',
];
/** Greetings before a capitalised name: "Bonjour Karim", "Salam Nour", "Dear Amal". */
export const GREETINGS = new Set(GREETINGS_LIST);

/** Phrases after which the next words are a person's name, whatever they are. */
export const INTRO_CUES = [
  "je m'appelle",
  'je m appelle',
  "m'appelle",
  'mon nom est',
  'mon nom',
  'nom :',
  'nom:',
  'prenom :',
  'prenom:',
  'smiti',
  'smiyti',
  'ana smiti',
  'esmi',
  'ismi',
  'my name is',
  'name:',
  'name :',
  'اسمي',
  'سميتي',
  'الاسم :',
  'الاسم:',
  'signe',
  ...FIELD_LABELS.flatMap((l) => [`${l}:`, `${l} :`, `${l} -`]),
  'fullname',
  'full name',
  'smito',
  'smitha',
  'سميتو',
  'سميتها',
  'اسمه',
  'اسمها',
  'ismou',
  'smitou',
  'appele',
  'appelee',
  'je suis',
  'ana',
  'انا',
  'c est',
  "c'est",
  'contact',
  ...GREETINGS_LIST,
];

/** Chat-style introductions after which a lowercase word is still a name ("smiti youssef"). */
export const LOWERCASE_INTRO_CUES = new Set([
  'smiti',
  'smiyti',
  'ana smiti',
  'esmi',
  'ismi',
  'smito',
  'smitha',
  'ismou',
  'smitou',
  'اسمي',
  'سميتي',
]);

/** Intro cues that only confirm a known or ambiguous name (never capture an unknown word). */
export const WEAK_INTRO_CUES = new Set([
  'je suis',
  'ana',
  'انا',
  'c est',
  "c'est",
  'contact',
  'si',
  ...GREETINGS_LIST,
]);
