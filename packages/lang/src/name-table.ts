/**
 * Project-authored table of frequent Moroccan given names and family-name elements with their usual
 * French-style civil-registry spellings, most common first. Written by the Khidma authors from common
 * usage; the rules in names.ts cover names that are not listed.
 */
export const NAME_TABLE_SOURCE = `
محمد|Mohamed,Mohammed,Mhamed,Mohammad,Muhammad,Mouhamed,Mohamad
أحمد|Ahmed,Ahmad,Hmad,Ahmet
محمود|Mahmoud,Mahmud
مصطفى|Mustapha,Moustapha,Mostafa,Mustafa
عبد الله|Abdellah,Abdallah,Abdullah,Abdelah
عبد الرحمن|Abderrahmane,Abderrahman,Abdelrahman,Abdulrahman,Abderahmane
عبد الرحيم|Abderrahim,Abderahim,Abdelrahim
عبد الكريم|Abdelkrim,Abdelkarim,Abdulkarim
عبد العزيز|Abdelaziz,Abdulaziz,Abdelazize
عبد اللطيف|Abdellatif,Abdelatif,Abdullatif
عبد الحق|Abdelhak,Abdelhaq,Abdulhaq
عبد الإله|Abdelilah,Abdelillah,Abdelilah
عبد القادر|Abdelkader,Abdelkader,Abdulkader,Abdelqader
عبد السلام|Abdeslam,Abdessalam,Abdesslam,Abdelsalam
عبد الصمد|Abdessamad,Abdesamad,Abdelsamad
عبد الغني|Abdelghani,Abdelghany
عبد الجليل|Abdeljalil,Abdeljalile
عبد الحميد|Abdelhamid,Abdulhamid
عبد المجيد|Abdelmajid,Abdelmajid,Abdelmajide
عبد الواحد|Abdelouahed,Abdelwahed,Abdelouahid
عبد الوهاب|Abdelouahab,Abdelwahab
عبد الرزاق|Abderrazak,Abderrazzak,Abderazak,Abdelrazak
عبد الفتاح|Abdelfattah,Abdelfatah
عبد النبي|Abdennebi,Abdenbi,Abdennabi
عبد الحفيظ|Abdelhafid,Abdelhafidh,Abdelhafed
يوسف|Youssef,Youssouf,Yousef,Youcef,Yusuf
يونس|Younes,Younesse,Yunus,Younis
يحيى|Yahya,Yahia
إبراهيم|Brahim,Ibrahim,Ibrahime
إسماعيل|Ismail,Smail,Ismael
إدريس|Driss,Idriss,Idris
إلياس|Ilyas,Ilias,Elias,Ilyass
أيوب|Ayoub,Ayyoub,Ayub
أمين|Amine,Amin,Emine
المهدي|El Mehdi,Mehdi,Elmehdi
مهدي|Mehdi,Mahdi
حسن|Hassan,Hasan,Hassane
حسين|Hussein,Houssine,Hossein,Houcine,Hocine
الحسين|El Houssine,Lahoucine,Elhoussine,Houssine
الحسن|El Hassan,Lahcen,Elhassan,Lahssen
علي|Ali,Aly
عمر|Omar,Umar,Omer
عثمان|Othmane,Othman,Osman,Outhmane
خالد|Khalid,Khaled
سعيد|Said,Saïd,Saeed,Saaid
رشيد|Rachid,Rashid,Rachide
كريم|Karim,Kareem,Krim
حميد|Hamid,Hamide
مراد|Mourad,Murad,Morad
نبيل|Nabil,Nabile
جمال|Jamal,Djamal,Jamel
كمال|Kamal,Kamel
عادل|Adil,Adel
هشام|Hicham,Hisham,Hichame
بلال|Bilal,Belal
زكرياء|Zakaria,Zakariae,Zakariya,Zakarya
حمزة|Hamza,Hamzah
أنس|Anas,Anass
ياسين|Yassine,Yasin,Yacine,Yassin
العربي|Larbi,El Arbi,Elarbi
الطيب|Taib,Tayeb,Taïeb,Ettaib
التهامي|Touhami,Thami,Tuhami
الهاشمي|Hachmi,Hachimi,El Hachmi
الجيلالي|Jilali,Djilali,Ejjilali
بوشعيب|Bouchaib,Bouchaïb
المصطفى|El Mostafa,Mustapha,Elmostafa
الصديق|Seddik,Sadik,Essedik
عزيز|Aziz,Azize
نور الدين|Noureddine,Nourdine,Nour Eddine,Nourredine
صلاح الدين|Salaheddine,Salah Eddine,Salaheddin
عز الدين|Azzeddine,Azeddine,Izzeddine
فاطمة|Fatima,Fatna,Fatma,Fatéma
فاطمة الزهراء|Fatima Zahra,Fatima Ezzahra,Fatimazahra,Fatim Zahra
خديجة|Khadija,Khadidja,Khadijah
عائشة|Aicha,Aïcha,Aisha,Aycha
مريم|Meryem,Maryam,Mariam,Meriem,Myriam
زينب|Zineb,Zaynab,Zeineb,Zainab
سعاد|Souad,Suad
نادية|Nadia,Nadiya
نعيمة|Naima,Naïma,Naeema
سميرة|Samira,Smira
حليمة|Halima,Halima
رشيدة|Rachida,Rashida
لطيفة|Latifa,Latefa
مليكة|Malika,Malikah
حياة|Hayat,Hayate
سلمى|Salma,Selma
هند|Hind,Hend
أسماء|Asmaa,Asma,Asmae
إيمان|Imane,Iman,Imen
سناء|Sanaa,Sana,Sanae
وفاء|Wafae,Wafaa,Ouafae,Wafa
هدى|Houda,Huda,Hoda
نجاة|Najat,Nejat
كوثر|Kaoutar,Kawtar,Kaoutare,Kaouthar
غزلان|Ghizlane,Ghizlan,Ghislane
سكينة|Sakina,Soukaina,Soukayna
سهام|Siham,Sihame
بشرى|Bouchra,Bushra,Bochra
يسرى|Yousra,Yosra,Yusra
دنيا|Dounia,Donia,Dunya
شيماء|Chaimae,Chaima,Shaima,Chaymae
هاجر|Hajar,Hajer,Hagar
إكرام|Ikram,Ikrame
عزيزة|Aziza,Azizah
ربيعة|Rabia,Rabiaa,Rabiâ
زهرة|Zahra,Zohra,Zahrae
أمينة|Amina,Aminah
منى|Mouna,Mona,Muna
رجاء|Raja,Rajae,Rajaa
خالدة|Khalida
ابتسام|Ibtissam,Ibtissame,Ebtissam
لبنى|Loubna,Lubna
سلوى|Salwa,Saloua
جميلة|Jamila,Djamila,Jamilah
العلوي|Alaoui,El Alaoui,Elalaoui
الإدريسي|El Idrissi,Idrissi,Drissi,Elidrissi,Lidrissi
الفاسي|El Fassi,Fassi,Elfassi
التازي|Tazi,Ettazi,El Tazi
بناني|Bennani,Benani
بنيس|Bennis,Benis
برادة|Berrada,Berada
الشرقاوي|Cherkaoui,Charkaoui,Chergaoui,Echcherkaoui
الغربي|Gharbi,El Gharbi,Elgharbi
المراكشي|Marrakchi,El Marrakchi
الرباطي|Rbati,Ribati,Erbati
الصنهاجي|Sanhaji,Senhaji,Essanhaji
الزياني|Ziani,Zayani,Ezziani
الوزاني|Ouazzani,Wazzani,El Ouazzani
الحسني|Hassani,El Hassani,Elhassani
الحسيني|Houssaini,Hosseini,El Houssaini
المنصوري|Mansouri,El Mansouri,Elmansouri
الأنصاري|Ansari,El Ansari,Elansari
العمراني|Amrani,El Amrani,Elamrani
السباعي|Sbai,Sebai,Essbai
الكتاني|Kettani,Kattani,El Kettani
الشاوي|Chaoui,Echchaoui
الزهراوي|Zahraoui,Zehraoui
بوزيد|Bouzid,Bouzide
بوعزة|Bouazza,Bouaza
بلحاج|Belhaj,Belhadj,Benlhaj
بن علي|Benali,Ben Ali
بن عبد الله|Benabdellah,Ben Abdellah
بنجلون|Benjelloun,Benjeloun,Ben Jelloun
بنكيران|Benkirane,Benkiran,Ben Kirane
بنسعيد|Bensaid,Ben Said
بنموسى|Benmoussa,Ben Moussa
الخطيب|El Khatib,Khatib,Elkhatib
الصقلي|Sekkali,Seqalli,Essekalli
أمزيان|Amziane,Amzian
أوفقير|Oufkir,Oufqir
أخنوش|Akhannouch,Akhanouch
أزولاي|Azoulay,Azoulai
أمغار|Amghar,Amgar
`;

/** Particles and their French-style spellings (most common first). */
export const PARTICLES: Record<string, string[]> = {
  بن: ['Ben', 'Ibn', 'Bn'],
  ابن: ['Ibn', 'Ben'],
  بنت: ['Bent', 'Bint'],
  ولد: ['Ould', 'Oueld'],
  آيت: ['Aït', 'Ait', 'Ayt'],
  ايت: ['Aït', 'Ait', 'Ayt'],
  أيت: ['Aït', 'Ait', 'Ayt'],
  أبو: ['Abou', 'Abu', 'Bou'],
  ابو: ['Abou', 'Abu', 'Bou'],
  بو: ['Bou'],
  مولاي: ['Moulay', 'Mulay'],
  سيدي: ['Sidi'],
  لالة: ['Lalla', 'Lala'],
  للا: ['Lalla', 'Lala'],
};
