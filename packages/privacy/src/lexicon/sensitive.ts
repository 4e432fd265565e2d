import type { SensitiveCategory } from '../types.js';

/**
 * Keyword lexicons for the special categories of Loi 09-08 (art. 1 and 21) in French, English, MSA,
 * Darija (Arabic script) and Arabizi. `strong` terms disclose something about a person by themselves
 * ("diabétique", "syndiqué"); `topic` terms only mark the subject and count when the text is also
 * about a person (first-person words or identifiers present).
 */
export interface SensitiveLexicon {
  strong: string;
  topic: string;
}

export const SENSITIVE_TERMS: Record<SensitiveCategory, SensitiveLexicon> = {
  health: {
    strong: `diabetique diabete seropositif seropositive vih sida cancereux chimiotherapie chimio insuline dialyse
      depressif depressive epileptique epilepsie asthmatique handicape handicapee grossesse schizophrene bipolaire
      alzheimer parkinson tuberculose hepatite autiste autisme avortement hospitalise hospitalisee hiv aids diabetic
      pregnant chemotherapy disabled depressed hospitalized mrid mrida marid marida m3a9 m3aq sokkari
      مريض مريضه السكري الايدز السيدا سرطان السرطان الاكتئاب اكتئاب حامل اعاقه معاق معاقه الربو الصرع التوحد
      الكيميائي غسيل_الكلى الشلل مشلول عندي_السكر فيا_السكر 3andi_sokkar 3ndi_sokar`,
    topic: `malade malades medicament medicaments cancer psychiatre psychiatrique psychologue therapie chirurgie
      symptomes disease illness diagnosis medication sick tbib dwa مرض المرض الدواء دواء الطبيب طبيب علاج العلاج
      تشخيص طبيب_نفسي nafsani maladie_chronique`,
  },
  religion: {
    strong: `athee athees apostat apostasie converti convertie chretien chretienne juif juive chiite sunnite bahai
      evangelique baptise baptisee atheist apostate christian jewish shia mse7i masi7i msi7i yahoudi mol7id mul7id
      chi3i mortad ملحد ملحده مرتد مسيحي مسيحيه يهودي يهوديه شيعي بهائي تنصر متنصر اعتنق الالحاد لاديني
      conviction_religieuse convictions_religieuses`,
    topic: `religion religieux religieuse croyance islam musulman musulmane christianisme judaisme muslim الدين
      ديانه الديانه مسلم مسلمه المسيحيه اليهوديه العقيده`,
  },
  political_opinion: {
    strong: `militant militante sympathisant sympathisante opposant opposante pjd rni pam usfp istiqlal pps activist
      مناضل مناضله معارض معارضه العدل_والاحسان البيجيدي الاصاله_والمعاصره النهج_الديمقراطي vote_pour votee_pour voted_for صوتت_على`,
    topic: `opinion_politique opinions_politiques parti_politique partis_politiques manifestation manifestant manifestante political_party protest hizb
      حزب الحزب مظاهره المظاهرات سياسي سياسيه`,
  },
  ethnic_origin: {
    strong: `ethnique ethnie raciale racial ethnic ethnicity عرقي عرقيه العرقي العرقيه اثني اثنيه الاثنيه 3ir9i
      origine_ethnique origine_raciale`,
    topic: `race tribu tribal sahraoui rifain soussi tribe قبيله القبيله صحراوي ريفي سوسي الاصل_العرقي`,
  },
  union_membership: {
    strong: `syndique syndiquee syndicaliste umt cdt ugtm fdt odt unionist ni9abi n9abi نقابي نقابيه
      الاتحاد_المغربي_للشغل الكونفدراليه_الديمقراطيه_للشغل`,
    topic: `syndicat syndicats syndicale greve greviste trade_union strike ni9aba n9aba نقابه النقابه نقابات
      النقابات الاضراب اضراب`,
  },
  sex_life: {
    strong: `homosexuel homosexuelle lesbienne bisexuel bisexuelle transgenre gay lgbt lgbtq queer homosexual lesbian
      bisexual transgender zamel mithli mithliya مثلي مثليه المثليه المثليين عابر_جنسيا orientation_sexuelle
      vie_sexuelle`,
    topic: `sexuel sexuelle sexualite relation_sexuelle sexual sexuality جنسي الجنسي العلاقه_الجنسيه
      الميول_الجنسيه`,
  },
  biometric_genetic: {
    strong: `adn genetique genetiques dna genetic genome الحمض_النووي جيني جينيه الوراثيه donnees_biometriques
      biometric_data المعطيات_البيومتريه test_adn analyse_genetique`,
    topic: `empreinte_digitale empreintes_digitales fingerprint fingerprints البصمه بصمات reconnaissance_faciale
      facial_recognition`,
  },
  criminal_record: {
    strong: `condamne condamnee condamnation incarcere incarceree detenu detenue prisonnier
      convicted inmate mahkoum m7koum m7bous mhbous l7bes
      محكوم مسجون سجين معتقل الحبس حبسوه`,
    topic: `casier_judiciaire السجل_العدلي السوابق_العدليه antecedents_judiciaires criminal_record prison garde_a_vue infraction delit crime jail arrest arrested السجن سجن جريمه جنحه`,
  },
};

/** Words that make a sensitive topic personal: the text talks about someone's own situation. */
export const PERSONAL_MARKERS = `
je j me m mon ma mes moi mien mienne suis ai mari epouse patient patiente
i my mine am daughter husband wife
ana dyali dyal diali 3andi 3ndi wlidi bnti rajli mrati khoya khti baba mama
انا عندي لدي ديالي ابني ابنتي بنتي زوجي زوجتي اخي اختي ابي امي راجلي مراتي خويا ختي المريض
`;
