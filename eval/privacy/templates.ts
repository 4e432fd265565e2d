/**
 * Sentence templates for the labelled set (project-authored). Slots in braces are filled with generated
 * values; hard-negative slots (TRACK, ORDER, PROD, AMOUNT, DATE) are filled but never labelled.
 * The dev/test split is by template id, so no sentence frame is shared between the two.
 */
export type EvalLang = 'fr' | 'ar' | 'ary-Arab' | 'ary-Latn' | 'fr-ary';
export interface Template {
  id: string;
  lang: EvalLang;
  style: 'email' | 'form' | 'chat' | 'ocr';
  text: string;
}

const T = (id: string, lang: EvalLang, style: Template['style'], text: string): Template => ({
  id,
  lang,
  style,
  text,
});

export const TEMPLATES: Template[] = [
  // French — e-mails and letters
  T(
    'fr-mail-1',
    'fr',
    'email',
    "Bonjour,\nJe m'appelle {PERSON}, titulaire de la CIN {CIN}. Vous pouvez me joindre au {PHONE} ou à {EMAIL}.\nCordialement",
  ),
  T(
    'fr-mail-2',
    'fr',
    'email',
    'Madame, Monsieur,\nVeuillez effectuer le virement sur mon RIB {RIB} au nom de {PERSON}. Merci.',
  ),
  T(
    'fr-mail-3',
    'fr',
    'email',
    'Objet : réclamation\nM. {PERSON}, demeurant au {ADDRESS}, conteste la facture n° {ORDER}.',
  ),
  T(
    'fr-mail-4',
    'fr',
    'email',
    'Bonjour, mon IBAN est {IBAN}. Le montant de {AMOUNT} doit être versé avant le {DATE}.',
  ),
  T(
    'fr-mail-5',
    'fr',
    'email',
    "La société {FAMILY} SARL, ICE {ICE}, RC {RC}, IF {IF}, sollicite l'autorisation.",
  ),
  T('fr-mail-6', 'fr', 'email', 'Mme {PERSON} (née le {DOB}) a déposé son dossier. Contact : {PHONE}.'),
  T(
    'fr-mail-7',
    'fr',
    'email',
    "Suite à notre échange, voici le numéro d'affiliation CNSS de l'employé : {CNSS}.",
  ),
  T(
    'fr-mail-8',
    'fr',
    'email',
    'Merci de contacter {PERSON} par courriel ({EMAIL}) au sujet du colis {TRACK}.',
  ),
  T('fr-mail-9', 'fr', 'email', 'Le paiement par carte {CARD} a été refusé pour la commande {ORDER}.'),
  T(
    'fr-mail-10',
    'fr',
    'email',
    'Rappel : votre rendez-vous est fixé au {DATE}. Référence produit {PROD}. Bonne journée.',
  ),
  T(
    'fr-mail-11',
    'fr',
    'email',
    'Le véhicule immatriculé {PLATE} appartient à M. {PERSON}, domicilié {ADDRESS}.',
  ),
  T('fr-mail-12', 'fr', 'email', "L'élève {PERSON}, code Massar {MASSAR}, est inscrit en 2e année."),
  // French — forms
  T(
    'fr-form-1',
    'fr',
    'form',
    'Nom et prénom : {PERSON}\nCIN : {CIN}\nDate de naissance : {DOB}\nTéléphone : {PHONE}\nAdresse : {ADDRESS}',
  ),
  T(
    'fr-form-2',
    'fr',
    'form',
    'Bénéficiaire : {PERSON} | Passeport : {PASSPORT} | Nationalité : marocaine | Tél : {PHONE}',
  ),
  T(
    'fr-form-3',
    'fr',
    'form',
    'Raison sociale : Atlas Conseil\nICE : {ICE}\nIF : {IF}\nRC : {RC}\nCNSS : {CNSS}',
  ),
  T(
    'fr-form-4',
    'fr',
    'form',
    "Titulaire : {PERSON}\nRIB : {RIB}\nMontant : {AMOUNT}\nDate d'effet : {DATE}",
  ),
  T(
    'fr-form-5',
    'fr',
    'form',
    'Adresse IP de connexion : {IP} — Identifiant : {EMAIL} — Réf. commande {ORDER}',
  ),
  T(
    'fr-form-6',
    'fr',
    'form',
    'Réf. article : {PROD}\nQuantité : 3\nN° de suivi : {TRACK}\nTotal : {AMOUNT}',
  ),
  // French — chat
  T('fr-chat-1', 'fr', 'chat', "salut, c'est {GIVEN}, mon numéro a changé : {PHONE}"),
  T('fr-chat-2', 'fr', 'chat', "je veux renouveler ma carte nationale n° {CIN}, j'habite {ADDRESS}"),
  T(
    'fr-chat-3',
    'fr',
    'chat',
    "J'ai bon espoir pour le dossier ; the supplier said the karité arrives on {DATE}",
  ),
  T('fr-chat-4', 'fr', 'chat', "mon ip c'est {IP}, et ma plaque {PLATE}"),
  T(
    'fr-chat-5',
    'fr',
    'chat',
    'le colis {TRACK} est bloqué, commande {ORDER}, le produit {PROD} coûte {AMOUNT}',
  ),
  // MSA
  T(
    'ar-mail-1',
    'ar',
    'email',
    'السيد {PERSON}، الحامل للبطاقة الوطنية رقم {CIN}، الهاتف {PHONE_E}، البريد الإلكتروني {EMAIL}.',
  ),
  T('ar-mail-2', 'ar', 'email', 'يرجى تحويل المبلغ إلى الحساب البنكي رقم {RIB} باسم {PERSON}.'),
  T('ar-mail-3', 'ar', 'email', 'السيدة {PERSON} المزدادة بتاريخ {DOB} والقاطنة ب {ADDRESS}.'),
  T(
    'ar-mail-4',
    'ar',
    'email',
    'شركة الأطلس، المعرف الموحد للمقاولة {ICE}، السجل التجاري {RC}، التعريف الضريبي {IF}.',
  ),
  T('ar-mail-5', 'ar', 'email', 'رقم الانخراط في الصندوق الوطني للضمان الاجتماعي: {CNSS}. شكرا لكم.'),
  T('ar-mail-6', 'ar', 'email', 'تم تأجيل الموعد إلى {DATE}، ورقم الطلبية {ORDER}، والمبلغ {AMOUNT}.'),
  T('ar-mail-7', 'ar', 'email', 'التلميذ {PERSON}، رمز مسار {MASSAR}، مسجل بالسنة الثانية.'),
  T(
    'ar-form-1',
    'ar',
    'form',
    'الاسم الكامل: {PERSON}\nرقم البطاقة الوطنية: {CIN}\nتاريخ الازدياد: {DOB}\nالعنوان: {ADDRESS}\nالهاتف: {PHONE_E}',
  ),
  T('ar-form-2', 'ar', 'form', 'رقم جواز السفر: {PASSPORT}\nالاسم: {PERSON}\nالبريد: {EMAIL}'),
  T('ar-form-3', 'ar', 'form', 'رقم الحساب: {IBAN}\nصاحب الحساب: {PERSON}\nالمبلغ: {AMOUNT}'),
  T('ar-form-4', 'ar', 'form', 'لوحة الترقيم: {PLATE}\nمالك السيارة: {PERSON}\nرقم الهاتف: {PHONE}'),
  T('ar-chat-1', 'ar', 'chat', 'عندي أمل كبير في هذا الطلب، والنتيجة كانت حسن جدا. رقم التتبع {TRACK}'),
  T('ar-chat-2', 'ar', 'chat', 'أين وصل الطلب رقم {ORDER}؟ المنتج {PROD} بثمن {AMOUNT}'),
  // Darija, Arabic script
  T(
    'ary-chat-1',
    'ary-Arab',
    'chat',
    'السلام، سميتي {PERSON}، ورقم لاكارط ديالي {CIN}، والتيليفون {PHONE_E}',
  ),
  T('ary-chat-2', 'ary-Arab', 'chat', 'عافاك صيفط ليا الفلوس لهاد الحساب {RIB} باسم {PERSON}'),
  T('ary-chat-3', 'ary-Arab', 'chat', 'أنا ساكن ف {ADDRESS} وتزاديت نهار {DOB}'),
  T('ary-chat-4', 'ary-Arab', 'chat', 'الطوموبيل ديالي الماتريكول ديالها {PLATE} وراها عند الفوريان'),
  T('ary-chat-5', 'ary-Arab', 'chat', 'واش الكوموند {ORDER} وصلات؟ راه خلصت {AMOUNT} نهار {DATE}'),
  T('ary-chat-6', 'ary-Arab', 'chat', 'سلام، السيد {PERSON} صيفط ليك الإيميل ديالو {EMAIL}'),
  T('ary-chat-7', 'ary-Arab', 'chat', 'ولدي {GIVEN} عندو رمز مسار {MASSAR} وبغيت النقط ديالو'),
  T(
    'ary-chat-8',
    'ary-Arab',
    'chat',
    'هاد الشي حسن بزاف، ونور الشمس زوين اليوم، والكوليس {TRACK} مازال ماجاش',
  ),
  T('ary-form-1', 'ary-Arab', 'form', 'السمية: {PERSON} - لاكارط: {CIN} - النمرة: {PHONE}'),
  T(
    'ary-mail-1',
    'ary-Arab',
    'email',
    'السلام عليكم، هادي النمرة ديال الضمان الاجتماعي ديالي {CNSS} والبطاقة {CIN}',
  ),
  // Arabizi
  T('lat-chat-1', 'ary-Latn', 'chat', 'salam, smiti {PERSON}, ra9m lakart dyali {CINL} o tel {PHONE}'),
  T('lat-chat-2', 'ary-Latn', 'chat', 'ana {GIVEN}, sift lia l flous l had rib {RIB} 3afak'),
  T('lat-chat-3', 'ary-Latn', 'chat', 'ra9m dyali howa {PHONE}, 3ayet lia mn ba3d'),
  T('lat-chat-4', 'ary-Latn', 'chat', 'ana sakn f {ADDRESS}, tzadit nhar {DOB}'),
  T(
    'lat-chat-5',
    'ary-Latn',
    'chat',
    'salam khoya, 3andi amal kbir, had lmakla karima w karim bzaf, nour dyal chems zwin',
  ),
  T('lat-chat-6', 'ary-Latn', 'chat', 'lcommande {ORDER} ma wslatch, khlst {AMOUNT}, lcode {PROD}'),
  T('lat-chat-7', 'ary-Latn', 'chat', 'lpassport dyali {PASSPORT} w email {EMAIL}'),
  T('lat-chat-8', 'ary-Latn', 'chat', 'tomobil dyali lmatricule {PLATE}, sme7 lia'),
  T('lat-chat-9', 'ary-Latn', 'chat', 'l colis {TRACK} fin wsal? rdv dyali nhar {DATE}'),
  T('lat-form-1', 'ary-Latn', 'form', 'smiya: {PERSON} / cin: {CINL} / tel: {PHONE}'),
  // French–Darija code-switching
  T(
    'mix-chat-1',
    'fr-ary',
    'chat',
    "salam, je m'appelle {PERSON}, bghit nbeddel l'adresse dyali l {ADDRESS}",
  ),
  T(
    'mix-chat-2',
    'fr-ary',
    'chat',
    'wach possible tsifto lia attestation, CIN dyali {CIN} et mon tel {PHONE}',
  ),
  T('mix-chat-3', 'fr-ary', 'chat', 'le virement ma wslch, RIB: {RIB}, smiti {PERSON}'),
  T('mix-chat-4', 'fr-ary', 'chat', 'date de naissance dyali {DOB}, w lcarte {CIN}'),
  T('mix-chat-5', 'fr-ary', 'chat', 'rani dfe3t {AMOUNT} le {DATE}, commande {ORDER}, merci'),
  T('mix-chat-6', 'fr-ary', 'chat', 'Mme {PERSON} 3ndha rendez-vous, tel dyalha {PHONE}, email {EMAIL}'),
  T('mix-chat-7', 'fr-ary', 'chat', 'société dyali ICE {ICE} w IF {IF}, bghit attestation fiscale'),
  T(
    'mix-chat-8',
    'fr-ary',
    'chat',
    'Salam, nour dyal lbureau tfa, khassni njib la référence {PROD} w numéro de suivi {TRACK}',
  ),
  T('mix-chat-9', 'fr-ary', 'chat', 'khlst b la carte {CARD} mais ma tkhlsatch, ip dyali {IP}'),
  // OCR-like scans
  T(
    'fr-ocr-1',
    'fr',
    'ocr',
    "ROYAUME DU MAROC\nCARTE NATIONALE D'IDENTITE\nNom : {PERSON}\nNé(e) le {DOB}\nN° {CIN}\nAdresse {ADDRESS}",
  ),
  T(
    'fr-ocr-2',
    'fr',
    'ocr',
    "RELEVE D'IDENTITE BANCAIRE\nTitulaire : {PERSON}\nR I B : {RIB}\nIBAN : {IBAN}",
  ),
  T(
    'fr-ocr-3',
    'fr',
    'ocr',
    "ATTESTATION D'AFFILIATION\nN° CNSS : {CNSS}\nEmployeur ICE : {ICE}\nFait à Rabat le {DATE}",
  ),
  T(
    'fr-ocr-4',
    'fr',
    'ocr',
    'FACTURE N° {ORDER}\nArticle {PROD}   Qté 2\nTOTAL TTC  {AMOUNT}\nColis {TRACK}',
  ),
  T(
    'ar-ocr-1',
    'ar',
    'ocr',
    'المملكة المغربية\nالبطاقة الوطنية للتعريف\nالاسم: {PERSON}\nتاريخ الازدياد: {DOB}\nرقم: {CIN}',
  ),
  T('ar-ocr-2', 'ar', 'ocr', 'شهادة السكنى\nيشهد أن السيد {PERSON} يقطن ب {ADDRESS}\nحرر بتاريخ {DATE}'),
  T(
    'fr-ocr-5',
    'fr',
    'ocr',
    'CERTIFICAT DE SCOLARITE\nElève : {PERSON}\nCode Massar : {MASSAR}\nDate de naissance : {DOB}',
  ),
  T(
    'fr-ocr-6',
    'fr',
    'ocr',
    'CARTE GRISE\nImmatriculation : {PLATE}\nPropriétaire : {PERSON}\nAdresse : {ADDRESS}',
  ),
];
