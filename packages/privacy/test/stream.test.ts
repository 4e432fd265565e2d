import { describe, expect, it } from 'vitest';
import { createStreamRestorer, MAX_PLACEHOLDER_LENGTH, pseudonymize, restore } from '../src/index.js';
import { rng } from './fixtures.js';

const PROMPT =
  "Je m'appelle Khadija Benjelloun, CIN AB123456, tél 0661234567, email k.benjelloun@example.ma, née le 03/04/1990, IF: 12345678";

const FORMS = [
  '⟦CIN_1⟧',
  '【CIN_1】',
  '{{ cin_1 }}',
  '{',
  '}}',
  '[[ cin_1 ]]',
  '⟦ CIN 1 ⟧',
  '[CIN_1]',
  'CIN_1',
  '⟦PERSON_1⟧',
  '[[Person_1]]',
  '⟦PHONE_1⟧',
  '[ email_1 ]',
  '⟦DATE_OF_BIRTH_1⟧',
  '⟦IF_1⟧',
  '⟦CIN_9⟧',
  '[note]',
  '[[',
  '⟦',
];
const WORDS = [
  'Bonjour',
  'votre',
  'dossier',
  'est',
  'prêt',
  'السلام',
  'عليكم',
  'wakha',
  'CINEMA',
  'Casa',
  '[',
  ']',
  '⟧',
  '-',
  '\n',
];

function answer(r: () => number): string {
  const parts: string[] = [];
  const n = 3 + Math.floor(r() * 30);
  for (let i = 0; i < n; i++) {
    const pool = r() < 0.35 ? FORMS : WORDS;
    parts.push(pool[Math.floor(r() * pool.length)]!);
  }
  return parts.join(r() < 0.5 ? ' ' : '');
}

describe('createStreamRestorer', () => {
  const { session } = pseudonymize(PROMPT);

  it('gives exactly the non-streamed restoration for 1,000 answers split into random 1-20 char chunks', () => {
    const r = rng(42);
    for (let k = 0; k < 1000; k++) {
      const text = answer(r);
      const restorer = createStreamRestorer(session);
      let out = '';
      let i = 0;
      while (i < text.length) {
        const size = 1 + Math.floor(r() * 20);
        out += restorer.push(text.slice(i, i + size));
        i += size;
      }
      out += restorer.flush();
      expect(out).toBe(restore(text, session));
    }
  });

  it('never emits half a placeholder and holds back at most the longest placeholder', () => {
    const restorer = createStreamRestorer(session);
    const text = 'Votre CIN est ⟦CIN_1⟧ et votre nom ⟦PERSON_1⟧.';
    let emitted = '';
    for (const ch of text) {
      emitted += restorer.push(ch);
      expect(emitted).not.toMatch(/⟦[^⟧]*$/);
      expect(text.length - emitted.length).toBeLessThanOrEqual(MAX_PLACEHOLDER_LENGTH + 40);
    }
    emitted += restorer.flush();
    expect(emitted).toBe('Votre CIN est AB123456 et votre nom Khadija Benjelloun.');
  });
});
