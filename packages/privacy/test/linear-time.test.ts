import { describe, expect, it } from 'vitest';
import { classifyText, createStreamRestorer, detectPii, pseudonymize, restore } from '../src/index.js';
import { rng } from './fixtures.js';

const MB = 1 << 20;

/** CPU time (ms) of this process: unlike wall time it does not grow when other jobs share the machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function build(alphabet: string[], seed: number): string {
  const r = rng(seed);
  const parts: string[] = [];
  let len = 0;
  while (len < MB) {
    const s = alphabet[Math.floor(r() * alphabet.length)]!;
    parts.push(s);
    len += s.length;
  }
  return parts.join('').slice(0, MB);
}

const ADVERSARIAL: [string, string][] = [
  ['digits only', '1'.repeat(MB)],
  ['digits and separators', build(['1', '2', ' ', '-', '.', '/', '(', ')', '+'], 1)],
  ['letter-digit codes', build(['A', 'B', '1', '2', ' ', 'ma', 'ww'], 2)],
  ['brackets and placeholder fragments', build(['[', ']', '⟦', '⟧', 'CIN', '_', '1', ' ', 'person'], 3)],
  ['at signs and dots', build(['a', '@', '.', '-', 'b'], 4)],
  ['colons and hex', build(['a', ':', 'f', '1', '::'], 5)],
  [
    'name and address keywords',
    build(['Mohamed ', 'el ', 'ben ', 'rue ', 'hay ', 'زنقة ', 'محمد ', 'ait ', ', '], 6),
  ],
  ['cue words and digits', build(['cin ', 'if ', 'cnss ', 'rc ', 'né le ', '12', '/', '0', ' '], 7)],
];

describe('linear-time guarantees on 1 MB adversarial inputs', () => {
  for (const [name, text] of ADVERSARIAL) {
    it(`detects within a generous bound: ${name}`, () => {
      const t0 = cpuMs();
      detectPii(text);
      classifyText(text);
      // Linear scanners take well under a second per MB; a super-linear path would take minutes.
      expect(cpuMs() - t0).toBeLessThan(5000);
    });
  }

  it('restores 1 MB of bracket soup, streamed and whole, in bounded time', () => {
    const { session } = pseudonymize('CIN AB123456');
    const text = ADVERSARIAL[3]![1];
    const t0 = cpuMs();
    const whole = restore(text, session);
    const restorer = createStreamRestorer(session);
    let streamed = '';
    for (let i = 0; i < text.length; i += 4096) streamed += restorer.push(text.slice(i, i + 4096));
    streamed += restorer.flush();
    expect(streamed).toBe(whole);
    expect(cpuMs() - t0).toBeLessThan(5000);
  });
});
