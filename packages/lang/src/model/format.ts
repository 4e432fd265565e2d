/**
 * Serialised identification model: per script group, the hashed features that were seen in training,
 * delta-encoded as varints, with int8-quantised naive-Bayes weights (log P(f|class) minus its mean over
 * classes, so unseen features weigh nothing). Encoded in base64 so the model is a plain TS/JSON file
 * that also loads in browsers.
 */
import type { LangTag } from '../types.js';
import { BUCKET_BITS, BUCKETS } from './features.js';

export interface GroupModelData {
  classes: LangTag[];
  /** Weight of one quantisation step. */
  scale: number;
  /** Per-class bias added to every score (log prior). */
  bias: number[];
  /** base64 of varint(count) varint(delta index)* int8(weights)[count*classes]. */
  features: string;
}

export interface LidModelData {
  format: 'khidma-lid/1';
  bucketBits: number;
  groups: { latin: GroupModelData; arabic: GroupModelData };
  provenance: {
    trainedAt: string;
    corpus: string;
    license: string;
    sentences: Partial<Record<LangTag, number>>;
    note: string;
  };
}

export interface GroupModel {
  classes: LangTag[];
  bias: Float64Array;
  weights: Float32Array; // BUCKETS * classes
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    out += B64[a >> 2];
    out += B64[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? B64[c & 63] : '=';
  }
  return out;
}

export function fromBase64(s: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = lookup[clean.charCodeAt(i)] ?? 0;
    const b = lookup[clean.charCodeAt(i + 1)] ?? 0;
    const c = i + 2 < clean.length ? (lookup[clean.charCodeAt(i + 2)] ?? 0) : -1;
    const d = i + 3 < clean.length ? (lookup[clean.charCodeAt(i + 3)] ?? 0) : -1;
    out[o++] = (a << 2) | (b >> 4);
    if (c >= 0) out[o++] = ((b & 15) << 4) | (c >> 2);
    if (d >= 0) out[o++] = ((c & 3) << 6) | d;
  }
  return out.subarray(0, o);
}

export function packGroup(
  indices: number[],
  weights: number[][],
  classes: number,
): { scale: number; features: string } {
  let max = 0;
  for (const row of weights) for (const w of row) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  const bytes: number[] = [];
  const varint = (v: number): void => {
    let x = v;
    while (x >= 0x80) {
      bytes.push((x & 0x7f) | 0x80);
      x >>>= 7;
    }
    bytes.push(x);
  };
  varint(indices.length);
  let prev = 0;
  for (const idx of indices) {
    varint(idx - prev);
    prev = idx;
  }
  for (const row of weights)
    for (let c = 0; c < classes; c++)
      bytes.push(Math.max(-127, Math.min(127, Math.round((row[c] ?? 0) / scale))) & 0xff);
  return { scale, features: toBase64(Uint8Array.from(bytes)) };
}

export function unpackGroup(data: GroupModelData, bucketBits: number): GroupModel {
  if (bucketBits !== BUCKET_BITS) throw new Error(`model bucketBits ${bucketBits} != ${BUCKET_BITS}`);
  const C = data.classes.length;
  const weights = new Float32Array(BUCKETS * C);
  const bytes = fromBase64(data.features);
  let p = 0;
  const varint = (): number => {
    let x = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++] ?? 0;
      x += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return x;
      shift += 7;
    }
  };
  const count = varint();
  const idx = new Uint32Array(count);
  let prev = 0;
  for (let i = 0; i < count; i++) {
    prev += varint();
    idx[i] = prev;
  }
  for (let i = 0; i < count; i++) {
    const base = (idx[i] as number) * C;
    for (let c = 0; c < C; c++) {
      const b = bytes[p++] ?? 0;
      weights[base + c] = (b > 127 ? b - 256 : b) * data.scale;
    }
  }
  return { classes: data.classes, bias: Float64Array.from(data.bias), weights };
}
