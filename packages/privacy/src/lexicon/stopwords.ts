/**
 * Words that never start or continue a captured name (French, English, MSA, Darija, Arabizi), and
 * markers of internal documents.
 */
export const CAPTURE_STOPWORDS = `
le la les de des du un une et ou est suis je tu il elle nous vous ils elles mon ma mes ton ta son sa ses ce cet cette
qui que quoi dont au aux a en dans pour par sur avec sans pas ne plus bien tres merci bonjour bonsoir salut svp stp
oui non ai voici voila j m l d n s c qu y
the and or is am are was my your his her of to in on for with from by at this that hello hi thanks please
w o wa ana nta nti howa hiya dyali dyal diali 3andi 3ndi ra9m f fi b li mn men hna kan kant bghit bghina salam slm
ok wah lla mzyan chokran choukran safi daba had hadi wach bach ila ghir rah raha
و في من على الى عن هو هي انا انت ديالي ديال عندي رقم هذا هذه هاد هادي كان كانت السلام شكرا مرحبا نعم لا واش
باش اللي التي الذي ان او ثم قد لقد مع هنا راه غير دابا امس اليوم غدا البارح البارحه صباح مساء
المزداد المزداده مزداد مزداده بتاريخ القاطن القاطنه الساكن الساكنه الحامل الحامله المولود المولوده صاحب صاحبه
مدير مديره الموظف الموظفه المسمى المسماه المدعو المدعوه ساكن ساكنه
nom prenom name adresse address date ne nee email mail tel telephone gsm ville sexe nationalite profession
signature cin cnie passeport rib iban code numero objet sujet
العنوان الهاتف تاريخ البريد المهنه الجنسيه التوقيع
hier demain aujourd lbarah lbare7 ghda lyoum yesterday today tomorrow
`;

export const INTERNAL_MARKERS = `
confidentiel confidentielle interne internal confidential restricted diffusion_restreinte سري سرية داخلي داخلية
`;
