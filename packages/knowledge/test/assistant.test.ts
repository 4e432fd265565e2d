import { identify } from '@khidma/lang';
import { describe, expect, it } from 'vitest';
import {
  ANSWER_LANGS,
  type AnswerLang,
  Assistant,
  type ChatTurn,
  composeProcedureAnswer,
  type GroundedModel,
  KnowledgeBase,
  loadSampleCatalog,
  MemoryKnowledgeStore,
} from '../src/index.js';

const catalog = loadSampleCatalog();
const kb = new KnowledgeBase(new MemoryKnowledgeStore());
await kb.seedIfEmpty(catalog);
const offline = new Assistant({ retriever: kb });
const ask = (content: string, a = offline) => a.answer({ messages: [{ role: 'user', content }] });

describe('offline answers (no model configured)', () => {
  it.each(catalog.procedures.map((p) => [p.id, p] as const))(
    'the answer for %s contains its documents, its fee (or says it is unconfirmed) and its source URL',
    (_id, p) => {
      for (const lang of ['fra-Latn', 'arb-Arab'] as AnswerLang[]) {
        const text = composeProcedureAnswer(p, lang, []);
        const docLang = lang === 'fra-Latn' ? 'fr' : 'ar';
        for (const d of p.documents) expect(text).toContain(d[docLang] ?? d.fr);
        expect(text).toContain(p.sourceUrl);
        if (p.fees?.length) {
          for (const f of p.fees) if (f.amountMad > 0) expect(text).toContain(String(f.amountMad));
        } else {
          expect(text).toMatch(/n'est pas confirmé|لم نتمكن من تأكيد الرسوم/);
        }
      }
    },
  );

  it('answers a catalogued question with a [1] citation pointing at the procedure and its source', async () => {
    const a = await ask('kifach njded lbita9a');
    expect(a.refused).toBe(false);
    expect(a.mode).toBe('offline');
    expect(a.citations[0]).toMatchObject({ n: 1, id: 'cnie-renewal', sourceUrl: 'https://www.cnie.ma' });
    expect(a.text).toContain('[1]');
    expect(a.text).toContain('75');
  });

  it('cites only procedures that retrieval returned', async () => {
    for (const q of ['passeport', 'شهادة السكنى', 'auto entrepreneur', 'ⵜⴰⵎⵖⵔⴰ']) {
      const res = await kb.search(q, { limit: 5 });
      const retrieved = new Set(res.hits.map((h) => h.id));
      const a = await ask(q);
      for (const c of a.citations) expect(retrieved.has(c.id), `${q} → ${c.id}`).toBe(true);
      const markers = [...a.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
      for (const n of markers)
        expect(
          a.citations.some((c) => c.n === n),
          `${q} [${n}]`,
        ).toBe(true);
    }
  });

  it.each([
    ['ary-Arab', 'كيفاش نجدد البطاقة الوطنية ديالي'],
    ['ary-Latn', 'kifach njded lbita9a dyali'],
    ['arb-Arab', 'ما هي الوثائق المطلوبة لتجديد البطاقة الوطنية؟'],
    ['fra-Latn', 'Quels documents pour renouveler ma carte nationale ?'],
    ['eng-Latn', 'What documents do I need to renew my national ID card?'],
    ['zgh-Tfng', 'ⵎⴰⵎⴽ ⴰⴷ ⵙⵎⴰⵢⵏⵓⵖ ⵜⴰⴽⴰⵔⴹⴰ ⵏⵓ'],
    ['zgh-Latn', 'mamk ad ssufɣɣ takarḍa n tmagit'],
  ] as [AnswerLang, string][])('answers a %s question in %s', async (tag, q) => {
    expect(identify(q).tag).toBe(tag);
    const a = await ask(q);
    expect(a.language).toBe(tag);
    expect(a.refused).toBe(false);
    // The answer's own words (without the catalog values and URLs) are in the question's language and script.
    const frame = a.text.split('\n')[2] ?? '';
    if (tag === 'zgh-Tfng') expect(a.text).toMatch(/[\u2d30-\u2d7f]{3}/);
    if (tag === 'zgh-Latn') expect(a.text).not.toMatch(/[\u2d30-\u2d7f]/);
    if (tag.endsWith('Arab')) expect(frame).toMatch(/[\u0600-\u06ff]/);
  });

  it('answers Arabizi full of French loanwords in Arabizi, not in French', async () => {
    const a = await ask('talbin mni casier judiciaire f dossier dyal concours');
    expect(a.language).toBe('ary-Latn');
    expect(a.citations[0]?.id).toBe('criminal-record-extract');
  });

  it('has templates for every answer language, Tamazight in Tifinagh and in Latin', () => {
    expect([...ANSWER_LANGS].sort()).toEqual([
      'arb-Arab',
      'ary-Arab',
      'ary-Latn',
      'eng-Latn',
      'fra-Latn',
      'zgh-Latn',
      'zgh-Tfng',
    ]);
  });

  it('uses the conversation for a follow-up such as "w chhal katkhles?"', async () => {
    const messages: ChatTurn[] = [{ role: 'user', content: 'kifach njded lbita9a' }];
    const first = await offline.answer({ messages });
    messages.push({ role: 'assistant', content: first.text }, { role: 'user', content: 'w chhal katkhles?' });
    const a = await offline.answer({ messages });
    expect(a.followUp).toBe(true);
    expect(a.refused).toBe(false);
    expect(a.citations[0]?.id).toBe('cnie-renewal');
    expect(a.facets).toContain('fee');
    // The fee comes first when the fee is what was asked.
    expect(a.text.split('\n\n')[1]).toContain('75');
  });

  it('does not read a new out-of-scope question as a follow-up of the previous one', async () => {
    const messages: ChatTurn[] = [
      { role: 'user', content: 'kifach njded lbita9a' },
      { role: 'assistant', content: '…' },
      { role: 'user', content: 'w chno l meteo ghda?' },
    ];
    const a = await offline.answer({ messages });
    expect(a.refused).toBe(true);
    expect(a.followUp).toBe(false);
  });

  it.each([
    ['fra-Latn', 'recette du tajine aux pruneaux', /Désolé/],
    ['eng-Latn', 'who won the world cup', /Sorry/],
    ['ary-Arab', 'شكون ربح الماتش ديال البارح', /سمح ليا/],
    ['ary-Latn', 'kifach nttyb tajine b djaj', /Smeh lia/],
  ])(
    'says it does not know (%s) and points to a real channel without inventing a phone number',
    async (_t, q, re) => {
      const a = await ask(q);
      expect(a.refused).toBe(true);
      expect(a.citations).toEqual([]);
      expect(a.text).toMatch(re);
      expect(a.text).toContain('https://www.idarati.ma');
      expect(a.text).not.toMatch(/\d{4,}/);
    },
  );
});

describe('answers with an LLM (grounded)', () => {
  const scripted = (
    reply: string | ((m: ChatTurn[]) => string),
  ): GroundedModel & { prompts: ChatTurn[][] } => {
    const prompts: ChatTurn[][] = [];
    return {
      prompts,
      async complete(messages) {
        prompts.push(messages);
        return typeof reply === 'string' ? reply : reply(messages);
      },
    };
  };

  it('sends a grounded prompt with numbered sources and keeps the cited answer', async () => {
    const model = scripted('Le passeport coûte 500 MAD [1]. Déposez le dossier en personne [1].');
    const a = await ask('prix du passeport', new Assistant({ retriever: kb, model }));
    expect(a.mode).toBe('llm');
    expect(a.citations.map((c) => c.id)).toEqual(['passport']);
    expect(model.prompts[0]?.[0]?.content).toMatch(/Answer ONLY from the numbered sources/);
    expect(model.prompts[0]?.[0]?.content).toContain('[1]');
  });

  it('removes citations to passages that were not retrieved', async () => {
    const model = scripted('Le passeport coûte 500 MAD [1], voir aussi [7].');
    const a = await ask('prix du passeport', new Assistant({ retriever: kb, model }));
    expect(a.mode).toBe('llm');
    expect(a.text).not.toContain('[7]');
    expect(a.citations.every((c) => c.n === 1)).toBe(true);
  });

  it('falls back to the offline answer when the model cites nothing or invents an amount', async () => {
    const uncited = await ask(
      'prix du passeport',
      new Assistant({ retriever: kb, model: scripted('Environ 300 dirhams.') }),
    );
    expect(uncited.mode).toBe('offline');
    expect(uncited.fallbackReason).toBe('no_valid_citation');
    const invented = await ask(
      'prix du passeport',
      new Assistant({ retriever: kb, model: scripted('Il coûte 950 DH [1].') }),
    );
    expect(invented.mode).toBe('offline');
    expect(invented.fallbackReason).toBe('unsupported_amount');
    expect(invented.text).toContain('500');
  });

  it('falls back to the offline answer when the model fails', async () => {
    const failing: GroundedModel = {
      async complete() {
        throw new Error('upstream down');
      },
    };
    const a = await ask('prix du passeport', new Assistant({ retriever: kb, model: failing }));
    expect(a).toMatchObject({ mode: 'offline', fallbackReason: 'model_error', refused: false });
  });

  it('never calls the model for an out-of-scope question', async () => {
    const model = scripted('x [1]');
    const a = await ask('recette du couscous', new Assistant({ retriever: kb, model }));
    expect(a.refused).toBe(true);
    expect(model.prompts).toHaveLength(0);
  });
});

describe('streaming', () => {
  it('streams meta, then text deltas that add up to the answer, then done', async () => {
    const events = [];
    for await (const e of offline.stream({ messages: [{ role: 'user', content: 'permis de construire' }] }))
      events.push(e);
    expect(events[0]?.type).toBe('meta');
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    const text = events.flatMap((e) => (e.type === 'delta' ? [e.text] : [])).join('');
    if (done?.type === 'done') expect(text).toBe(done.answer.text);
  });
});
