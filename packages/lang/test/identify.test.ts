import { describe, expect, it } from 'vitest';
import { identify, LANG_TAGS } from '../src/index.js';

describe('identify', () => {
  const cases: [string, string][] = [
    ['salam khouya, bghit n3ref fin kayna lmo9ata3a dyal l7ay', 'ary-Latn'],
    ['wach kayn chi rendez vous ghda f sbah?', 'ary-Latn'],
    ['slm, kifach ndir bach nakhod chahada dyal sokna', 'ary-Latn'],
    ['السلام عليكم، بغيت نعرف كيفاش ندير باش نجدد البطاقة ديالي', 'ary-Arab'],
    ['واش خاصني نمشي للمقاطعة ولا نقدر ندير الطلب من الدار؟', 'ary-Arab'],
    ['يرجى من المواطنين الذين لم يتوصلوا ببطاقاتهم مراجعة المصلحة المختصة', 'arb-Arab'],
    ['هل يمكنني تتبع حالة الطلب عبر الموقع الإلكتروني؟', 'arb-Arab'],
    ['Bonjour, je n’ai toujours pas reçu ma carte nationale, que dois-je faire ?', 'fra-Latn'],
    ['Hello, I would like to know when my residence permit will be ready.', 'eng-Latn'],
    ['¿Dónde puedo renovar mi pasaporte marroquí en Tánger?', 'spa-Latn'],
    ['ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ, ⵎⴰⵏⵉⴽ ⴰ ⵜⴳⵉⵎ?', 'zgh-Tfng'],
    ['azul fellawn, riɣ ad ssnɣ mani ɣ tlla tnbaḍt', 'zgh-Latn'],
    ['azul, nekk ur ssinegh ma ixessa ad skregh', 'zgh-Latn'],
  ];
  for (const [text, tag] of cases) {
    it(`tags "${text.slice(0, 40)}…" as ${tag}`, () => {
      expect(identify(text).tag).toBe(tag);
    });
  }

  it('recognises Arabizi written without digits', () => {
    expect(identify('salam, bghit nakhod rendez vous l lbitaqa dyali').tag).toBe('ary-Latn');
    expect(identify('wach khassni nmchi l lbaladiya wla la').tag).toBe('ary-Latn');
  });

  it('labels Darija with French nouns as Darija overall', () => {
    expect(identify('wach khassni n3mer le formulaire?').tag).toBe('ary-Latn');
  });

  it('takes the language of the grammar, not of the nouns, in a Darija message full of French', () => {
    expect(identify('le compte dyali mazal bloqué depuis lundi').tag).toBe('ary-Latn');
    expect(identify('the app makhdamach, 3awnni please').tag).toBe('ary-Latn');
    // French with typographic apostrophes (l’homme) and one Darija loanword stays French.
    expect(identify('L’administration a reçu la demande de l’usager à la moqata3a').tag).toBe('fra-Latn');
  });

  it('returns the language, the script, a confidence in (0, 1] and ranked alternatives', () => {
    const r = identify('bghit nbeddel l3onwan dyali f la carte');
    expect(r.language).toBe('ary');
    expect(r.script).toBe('Latn');
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.alternatives.length).toBeGreaterThan(0);
    for (const a of r.alternatives) {
      expect(LANG_TAGS).toContain(a.tag);
      expect(a.confidence).toBeLessThanOrEqual(r.confidence);
    }
  });

  it('mentions the other script as an alternative for mixed-script text', () => {
    const r = identify('بغيت نجدد la carte nationale ديالي عافاك');
    expect(r.tag).toBe('ary-Arab');
    expect(r.alternatives.some((a) => a.tag.endsWith('-Latn'))).toBe(true);
  });

  describe('returns und with confidence 0, never throwing, for', () => {
    const bad: [string, unknown][] = [
      ['an empty string', ''],
      ['whitespace', '   \n\t '],
      ['emoji only', '😀🙏👍🏽'],
      ['digits only', '0612345678'],
      ['Eastern Arabic digits only', '٠٦١٢٣٤٥٦٧٨'],
      ['punctuation', '?!...;'],
      ['lone surrogates', '\ud800\udc00\ud800 \udfff'],
      ['a single letter', 'a'],
      ['a number', 42],
      ['null', null],
      ['undefined', undefined],
    ];
    for (const [name, value] of bad) {
      it(name, () => {
        const r = identify(value as string);
        expect(r.tag).toBe('und');
        expect(r.confidence).toBe(0);
        expect(r.language).toBe('und');
      });
    }
  });

  it('caps the work on a 1 MB string and still answers', () => {
    const big = 'bghit n3ref chno khassni ndir '.repeat(35_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(identify(big).tag).toBe('ary-Latn');
    expect(identify('😀'.repeat(600_000)).tag).toBe('und');
  });

  it('ignores URLs, e-mail addresses and @mentions', () => {
    expect(identify('https://www.cnie.ma/rendez-vous').tag).toBe('und');
    expect(identify('chouf had lien https://www.example.com/the/english/page').tag).toBe('ary-Latn');
    expect(identify('sift lia f email: someone.english@example.com').tag).toBe('ary-Latn');
  });

  it('is not thrown off by letters repeated for emphasis or by capitals', () => {
    expect(identify('wach a khoyaaaaa labaaaas').tag).toBe('ary-Latn');
    expect(identify('SALAM KHOYA BGHIT NSAWL 3LA LPASSPORT').tag).toBe('ary-Latn');
    expect(identify('بزاااااف عليا هادشي').tag).toBe('ary-Arab');
  });

  it('ignores invisible marks and Arabic diacritics', () => {
    expect(identify('\u200fبغيت\u200c نعرف\u200b شنو خاصني').tag).toBe('ary-Arab');
    expect(identify('إِنَّ الحُكُومَةَ تَعْمَلُ عَلَى تَحْسِينِ الخِدْمَاتِ').tag).toBe('arb-Arab');
  });
});
