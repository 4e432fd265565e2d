/**
 * franc, tinyld and eld on the same items, their codes mapped to our tags where a mapping exists.
 * None of them knows Darija: generic Arabic (`ar`/`arb`) is mapped to arb-Arab (strict); the lenient
 * variant also accepts it for ary-Arab, which credits them with script-level identification only.
 */
import { eld } from 'eld/medium';
import { franc } from 'franc';
import { detect as tinyld } from 'tinyld';

const TFNG = /[\u2d30-\u2d7f]/;
const BERBER = new Set(['zgh', 'tzm', 'shi', 'kab', 'rif', 'ber', 'tmh', 'taq', 'thv', 'ttq']);

function berber(text: string): string {
  return TFNG.test(text) ? 'zgh-Tfng' : 'zgh-Latn';
}

export function mapCode(code: string, text: string): string {
  const c = code.toLowerCase();
  if (!c || c === 'und') return 'und';
  if (c === 'ary') return /[a-z]/i.test(text) ? 'ary-Latn' : 'ary-Arab';
  if (c === 'ar' || c === 'ara' || c === 'arb') return 'arb-Arab';
  if (c === 'fr' || c === 'fra') return 'fra-Latn';
  if (c === 'en' || c === 'eng') return 'eng-Latn';
  if (c === 'es' || c === 'spa') return 'spa-Latn';
  if (BERBER.has(c)) return berber(text);
  return `other:${c}`;
}

export interface Baseline {
  name: string;
  predict(text: string): string;
}

export const BASELINES: Baseline[] = [
  { name: 'franc 6.2.0', predict: (t) => mapCode(franc(t, { minLength: 1 }), t) },
  { name: 'tinyld 1.3.4', predict: (t) => mapCode(tinyld(t), t) },
  { name: 'eld 2.1.0 (medium)', predict: (t) => mapCode(eld.detect(t).language ?? '', t) },
];
