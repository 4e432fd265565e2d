import { describe, expect, it } from 'vitest';
import { classifyText, createStreamRestorer, detectPii, pseudonymize, restore } from '../src/index.js';
import { rng } from './fixtures.js';

const KB = 1 << 10;
const SMALL = 256 * KB;
const LARGE = 1024 * KB;
/**
 * 4× more input must cost well under 16× (quadratic) the time: linear is ~4, and 8 leaves room for
 * cache effects and GC. Absolute times are not asserted tightly because CI machines run under load;
 * the ceiling only catches a catastrophic path (a super-linear scanner on 1 MB takes minutes).
 */
const MAX_RATIO = 8;
const CEILING_MS = 30_000;
const RUNS = 3;

/** CPU time (ms) of this process: unlike wall time it does not grow when other jobs share the machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Minimum CPU time over a few runs: the least disturbed run is the best estimate of the real cost. */
function minCpuMs(work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    const t0 = cpuMs();
    work();
    best = Math.min(best, cpuMs() - t0);
  }
  return best;
}

type Pattern = (size: number) => string;

function soup(alphabet: string[], seed: number): Pattern {
  return (size) => {
    const r = rng(seed);
    const parts: string[] = [];
    let len = 0;
    while (len < size) {
      const s = alphabet[Math.floor(r() * alphabet.length)]!;
      parts.push(s);
      len += s.length;
    }
    return parts.join('').slice(0, size);
  };
}

const ADVERSARIAL: [string, Pattern][] = [
  ['digits only', (size) => '1'.repeat(size)],
  ['digits and separators', soup(['1', '2', ' ', '-', '.', '/', '(', ')', '+'], 1)],
  ['letter-digit codes', soup(['A', 'B', '1', '2', ' ', 'ma', 'ww'], 2)],
  ['brackets and placeholder fragments', soup(['[', ']', '⟦', '⟧', 'CIN', '_', '1', ' ', 'person'], 3)],
  ['at signs and dots', soup(['a', '@', '.', '-', 'b'], 4)],
  ['colons and hex', soup(['a', ':', 'f', '1', '::'], 5)],
  [
    'name and address keywords',
    soup(['Mohamed ', 'el ', 'ben ', 'rue ', 'hay ', 'زنقة ', 'محمد ', 'ait ', ', '], 6),
  ],
  ['cue words and digits', soup(['cin ', 'if ', 'cnss ', 'rc ', 'né le ', '12', '/', '0', ' '], 7)],
];

/** Asserts that `run` scales linearly from 256 KB to 1 MB of the same pattern. */
function expectLinear(pattern: Pattern, run: (text: string) => void): void {
  const small = pattern(SMALL);
  const large = pattern(LARGE);
  run(pattern(16 * KB)); // warm up the JIT so the first measurement is not compile time
  const tSmall = minCpuMs(() => run(small));
  const tLarge = minCpuMs(() => run(large));
  // A floor of 1 ms keeps the ratio meaningful when the small input is too fast to measure.
  expect(tLarge / Math.max(tSmall, 1)).toBeLessThan(MAX_RATIO);
  expect(tLarge).toBeLessThan(CEILING_MS);
}

describe('linear-time guarantees on adversarial inputs (256 KB vs 1 MB)', () => {
  for (const [name, pattern] of ADVERSARIAL) {
    it(`detection and classification scale linearly: ${name}`, () => {
      expectLinear(pattern, (text) => {
        detectPii(text);
        classifyText(text);
      });
    });
  }

  it('restores bracket soup linearly, streamed and whole, with identical results', () => {
    const { session } = pseudonymize('CIN AB123456');
    const pattern = ADVERSARIAL[3]![1];
    const restoreBoth = (text: string) => {
      const whole = restore(text, session);
      const restorer = createStreamRestorer(session);
      const parts: string[] = [];
      for (let i = 0; i < text.length; i += 4096) parts.push(restorer.push(text.slice(i, i + 4096)));
      parts.push(restorer.flush());
      expect(parts.join('')).toBe(whole);
    };
    expectLinear(pattern, restoreBoth);
  });
});
