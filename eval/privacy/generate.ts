/**
 * Builds the labelled privacy set from the templates: `npx tsx --conditions=source eval/privacy/generate.ts`.
 * Deterministic (seeded); writes eval/privacy/data/{dev,test}.jsonl.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PiiType } from '@khidma/privacy';
import { address, emailFor, familyName, person, type Script } from './people.js';
import { TEMPLATES, type Template } from './templates.js';
import * as V from './values.js';

export interface Span {
  type: PiiType;
  start: number;
  end: number;
}
export interface Item {
  id: string;
  template: string;
  split: 'dev' | 'test';
  lang: Template['lang'];
  style: Template['style'];
  text: string;
  spans: Span[];
}

export const PER_TEMPLATE = 9;

/** FNV-1a: stable split of templates, independent of their order in the file. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
export function splitOf(templateId: string): 'dev' | 'test' {
  return fnv(templateId) % 2 === 0 ? 'dev' : 'test';
}

function scriptOf(t: Template, r: V.Rand): Script {
  if (t.lang === 'ar' || t.lang === 'ary-Arab') return 'ar';
  if (t.lang === 'ary-Latn') return 'latn';
  if (t.lang === 'fr-ary') return r() < 0.5 ? 'fr' : 'latn';
  return 'fr';
}

function fill(slot: string, t: Template, r: V.Rand, script: Script): { value: string; type: PiiType | null } {
  const arabic = script === 'ar';
  switch (slot) {
    case 'PERSON':
      return { value: person(r, script), type: 'PERSON' };
    case 'GIVEN':
      return { value: person(r, script, 'given'), type: 'PERSON' };
    case 'FAMILY':
      return { value: familyName(r, script), type: 'PERSON' };
    case 'CIN':
      return { value: V.cin(r), type: 'CIN' };
    case 'CINL':
      return { value: V.cin(r, r() < 0.5), type: 'CIN' };
    case 'PHONE':
      return { value: V.phone(r), type: 'PHONE' };
    case 'PHONE_E': {
      const p = V.phone(r);
      return { value: arabic && r() < 0.4 ? V.toEastern(p) : p, type: 'PHONE' };
    }
    case 'EMAIL':
      return { value: emailFor(r), type: 'EMAIL' };
    case 'RIB':
      return { value: V.ribFormatted(r), type: 'RIB' };
    case 'IBAN':
      return { value: V.iban(r), type: 'IBAN' };
    case 'ICE':
      return { value: V.ice(r), type: 'ICE' };
    case 'IF':
      return { value: V.fiscalId(r), type: 'IF' };
    case 'CNSS':
      return { value: V.cnss(r), type: 'CNSS' };
    case 'PASSPORT':
      return { value: V.passport(r), type: 'PASSPORT' };
    case 'MASSAR':
      return { value: V.massar(r), type: 'MASSAR' };
    case 'PLATE':
      return { value: V.plate(r), type: 'PLATE' };
    case 'RC':
      return { value: V.rc(r, arabic ? 'ar' : 'fr'), type: 'RC' };
    case 'CARD':
      return { value: V.card(r), type: 'CARD' };
    case 'IP':
      return { value: r() < 0.75 ? V.ipv4(r) : V.ipv6(r), type: 'IP' };
    case 'DOB':
      return { value: V.date(r, arabic ? 'ar' : script === 'latn' ? 'latn' : 'fr'), type: 'DATE_OF_BIRTH' };
    case 'ADDRESS':
      return { value: address(r, script), type: 'ADDRESS' };
    case 'TRACK':
      return { value: V.tracking(r), type: null };
    case 'ORDER':
      return { value: V.order15(r), type: null };
    case 'PROD':
      return { value: V.productCode(r), type: null };
    case 'AMOUNT':
      return { value: V.amount(r), type: null };
    case 'DATE':
      return { value: V.date(r, arabic ? 'ar' : 'fr', 2019, 2026), type: null };
    default:
      throw new Error(`unknown slot {${slot}} in template ${t.id}`);
  }
}

export function instantiate(t: Template, k: number): Item {
  const r = V.rng(fnv(`${t.id}#${k}`));
  const script = scriptOf(t, r);
  let text = '';
  const spans: Span[] = [];
  let last = 0;
  const re = /\{([A-Z_]+)\}/g;
  for (let m = re.exec(t.text); m; m = re.exec(t.text)) {
    text += t.text.slice(last, m.index);
    const { value, type } = fill(m[1]!, t, r, script);
    if (type) spans.push({ type, start: text.length, end: text.length + value.length });
    text += value;
    last = m.index + m[0].length;
  }
  text += t.text.slice(last);
  return {
    id: `${t.id}#${k}`,
    template: t.id,
    split: splitOf(t.id),
    lang: t.lang,
    style: t.style,
    text,
    spans,
  };
}

export function buildItems(): Item[] {
  const items: Item[] = [];
  for (const t of TEMPLATES) for (let k = 0; k < PER_TEMPLATE; k++) items.push(instantiate(t, k));
  return items;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const items = buildItems();
  const dir = new URL('./data/', import.meta.url);
  for (const split of ['dev', 'test'] as const) {
    const lines = items.filter((i) => i.split === split).map((i) => JSON.stringify(i));
    writeFileSync(new URL(`${split}.jsonl`, dir), `${lines.join('\n')}\n`);
    console.log(`${split}: ${lines.length} items`);
  }
}
