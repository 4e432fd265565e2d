/**
 * Hand-authored marker words: frequent function words and forms that are (nearly) exclusive to one
 * variety. They add a fixed bonus to the class score, which keeps 2–5-word chat messages stable where
 * character statistics alone are thin. Authored by the Khidma team from general knowledge of each
 * language; every word here is a common word, not taken from any third-party list.
 */
import type { LangTag } from './types.js';

export const MARKERS: Partial<Record<LangTag, string>> = {
  'ary-Arab': `د ت ديال ديالي ديالك ديالو ديالها ديالنا ديالكم ديالهم ديالهوم بغيت بغيتي بغا بغات بغينا كنبغي كيفاش شنو اشنو شنا واش ماشي
    دابا فين علاش كاين كاينة كاينين ماكاينش خاصني خاصك خاصو خاصنا خاص مزيان مزيانة بزاف شوية شي حتى واخا
    عافاك عافاكم راه راني راك راكي راها راهم هادشي هاد هادي هادو داك ديك دوك غادي غادا غانمشي كنقدر نقدر
    كيدير كندير دير درت ديرو كنخدم خدمة لخدمة كيخدم كيخدمو مابغيتش ماعرفتش معرفتش مافهمتش بلا بحال والو
    ديما شحال منين امتى فوقاش حنا نتوما هوما نتا نتي كلشي واحد جوج تلاتة ربعة عندي عندك عندو عندها عندنا
    معايا معاك ليا ليك ليه غير مازال صافي يالاه زعما بصح بالزربة دغيا مشيت جيت جا جات قلت ڭلت ڭال ڭالت
    كيقول كتقول كنقول شفتي شفت كنشوف تشوف نشوف سير سيري سيرو اجي اجيو لاباس بخير الحمد كيداير كيدايرة
    هنايا تما لهيه تحت فوق قدام ورا حدا جنب خويا ختي مراتي راجلي الدراري دراري بزاف صافي ياك ياكما`,
  'arb-Arab': `الذي التي الذين اللذين اللتين اللواتي ليس ليست لست ليسوا سوف لقد أن إنه إنها إنهم لن لم ماذا لماذا هذا هذه
    هؤلاء ذلك تلك أولئك هناك هنالك حيث بينما أيضا ايضا يجب ينبغي يستطيع تستطيع نحن أنتم إلى عن منذ لدى لدي لديك
    لديه إذا اذا عندما جدا فقط جميع خلال ضد دون سوى مثل وفقا طبقا بشأن يتعين يتم تم ثم أو هل نعم كي لكي لأن لان
    ذو ذات له لها لهم إليه إليها إليهم إليك لديها لديهم عليهم أريد أرجو الرجاء حول كيفية الحصول يمكنني أستطيع الآن سيتم`,
  'ary-Latn': `wach wash ach chno chnou chnu achno ashno kifach kifash 3lach alach  fein mnin imta ch7al chhal shhal
    bghit bghiti bgha bghat bghina bghaw kanbghi khassni khasni khessni khass khas khassek khasso khasna dyal dial
    dyali diali dyalek dialek dyalo dialo dyalha dyalna dyalkom dyalhom daba dba bzaf bzzaf bezzaf chwiya chwia
    mzyan mzian mezyan mzyana wakha wakhha 3afak afak 3afakom rah raha rani rak raki rahom hadchi hadshi hadi hada
    hadou dak dik ghadi ghadia ghan ghanmchi kayn kain kayna makaynch makayn machi mashi walou walo kolchi koulchi
    m3a m3aya m3ak 3nd 3ndi 3andi 3ndek 3ndo 3ndha 3ndna 3la 3lih 3lik 3liya 7na ntouma homa nta nti ana hna temma
    b7al bhal bla ghir mazal safi yallah yalah wlla wla kif kifma bach bash bli ila mnin hta 7ta 9bel mn lyoum
    lyum ghda lbare7 dima chi 7aja haja khdma lkhdma kankhdem flous drahem wra9 lwra9 l9ayed lmo9ata3a lbaladiya
    n9der t9der n9dar nmchi mchit mcha  jib 3tini 3ti gal galt golt gouli kaygoul kanchouf chouf chft fhemt
    mafhemtch 3reft ma3reftch labas bikhir hamdullah lhamdulilah inchallah nchallah bslama bsslama salam sme7li
    smehli 3jbni zwin zwina wa3r khayb 9dim jdid m9lo9 fra7an 3yan drari lwe9t sa3a nhar simana chhar l3am`,
  'fra-Latn': `le  les des une est sont être avoir avez avons ai je tu il elle nous vous ils elles ce cette ces cet pour
    avec dans sur par pas plus mais  où donc car  qui quoi quand comment pourquoi combien du au aux  sa ses
    mon  mes ton  tes notre votre leur leurs très bien bonjour merci madame monsieur svp s'il plaît voudrais
    veux peux dois faut été fait faire aussi encore déjà toujours jamais rien tout tous toute toutes chez sans
    sous entre depuis pendant après avant comme même alors ici là voici voilà oui non    c'est j'ai n'est
    demande dossier carte nationale rendez-vous formulaire document administration mairie service renouvellement`,
  'eng-Latn': `the   is are was were be been being have has had do does did  you he she it we they this that these
    those what which who whom whose when where why how please thank thanks hello hi my your his her its our their
    and or but not  yes with without for from of to in  at by about into over after before can could should
    would will shall may might must need want get got make made know think there here just very also only than
    then so because if while any some all every each more most other such same own new old good well`,
  'spa-Latn': ` los las es  está están estar ser una unos unas  por para   del  muy pero como cuando
    donde dónde qué quién cómo cuál porque también hola gracias buenos buenas días señor señora quiero puedo
    tengo tiene tienen hay hacer necesito ayuda yo tú usted nosotros ellos ellas esto esta este estos estas
    eso esa ese mi mis  tus su sus nuestro más menos   sí ahora hoy mañana ayer siempre nunca nada todo`,
  'zgh-Latn': `azul tanmmirt tanemmirt tamaziɣt tamazight tamazirt amaziɣ imaziɣen imazighen ur ula  ad ar ay ayd nnk nnm nns
    nnsn nnɣ nnegh nnek nnes awd aɣ agh ɣ  ig ga ilaa illa llan tga tgit ntta nttat nkk nkkin kyyin kmmin nkni
    nttni mamnk manza maf mayd matta acku aylli yan yat sin kraḍ kkuẓ smmus sḍis  tiddukla tudrt adrar tafukt
    ass iḍ tasa afus aɣrum tarwa tammurt lxir iẓṛ iẓra inna yini ttinin iga igan asmuns tasnawayt tazrft izrfan
    ufgan afgan deg akkw nagh ghur yessefk wakkn iwakkn ines nnes nnegh nekk nekni netta nettat medden tamettut tamghart argaz yiwen ttxil seg zgh ansi amdan imdanen tilelli tagrawla tamawt tawuri tiwuriwin ddu rad    idda iddan`,
};
