import { isValidCard, moroccanIbanFromRib, ribKey } from '../src/index.js';

/** Deterministic PRNG (mulberry32) so generated identifiers are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function digits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10).toString();
  return s;
}

export function validRib(r: () => number): string {
  const first = `0${digits(r, 21)}`;
  return first + ribKey(first);
}

export function validIban(r: () => number): string {
  return moroccanIbanFromRib(validRib(r));
}

export function validIce(r: () => number): string {
  for (;;) {
    const base = BigInt(`1${digits(r, 12)}`) * 97n;
    const s = base.toString().padStart(15, '0');
    if (s.length === 15) return s;
  }
}

export function validCard(r: () => number, prefix = '4'): string {
  for (;;) {
    const body = prefix + digits(r, 15 - prefix.length);
    for (let d = 0; d < 10; d++) if (isValidCard(body + d)) return body + d;
  }
}
