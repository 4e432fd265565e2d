/** Coarse script classes used to route text to the right per-script model. */
export enum Script {
  Other = 0,
  Latin = 1,
  Arabic = 2,
  Tifinagh = 3,
  Digit = 4,
}

/** Script of one UTF-16 code unit (surrogates, emoji and punctuation are Other). */
export function scriptOf(code: number): Script {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return Script.Latin;
    if (code >= 0x30 && code <= 0x39) return Script.Digit;
    return Script.Other;
  }
  if (code >= 0x0600 && code <= 0x06ff) {
    if (code >= 0x0660 && code <= 0x0669) return Script.Digit;
    if (code >= 0x06f0 && code <= 0x06f9) return Script.Digit;
    if (code === 0x060c || code === 0x061b || code === 0x061f || code === 0x06d4) return Script.Other;
    return Script.Arabic;
  }
  if (code >= 0x2d30 && code <= 0x2d7f) return code === 0x2d70 ? Script.Other : Script.Tifinagh;
  if (code >= 0x00c0 && code <= 0x024f && code !== 0x00d7 && code !== 0x00f7) return Script.Latin;
  if (code >= 0x1e00 && code <= 0x1eff) return Script.Latin; // ḍ ḥ ṛ ṣ ṭ ẓ (IRCAM Latin)
  if (code === 0x025b || code === 0x0263 || code === 0x0190 || code === 0x0194) return Script.Latin; // ɛ ɣ Ɛ Ɣ
  if (code === 0x03b5 || code === 0x02b7) return Script.Latin; // ε used for ɛ, ʷ
  if ((code >= 0x0750 && code <= 0x077f) || (code >= 0x08a0 && code <= 0x08ff)) return Script.Arabic;
  if (code >= 0xfb50 && code <= 0xfdff) return Script.Arabic;
  if (code >= 0xfe70 && code <= 0xfeff && code !== 0xfeff) return Script.Arabic;
  return Script.Other;
}

export interface ScriptCounts {
  latin: number;
  arabic: number;
  tifinagh: number;
  digit: number;
  /** IRCAM-only Latin letters (ɣ ɛ ḍ ḥ ṛ ṣ ṭ ẓ), a strong sign of Tamazight in Latin script. */
  ircam: number;
}

function isIrcamLatin(c: number): boolean {
  return (
    c === 0x0263 ||
    c === 0x025b ||
    c === 0x0194 ||
    c === 0x0190 ||
    c === 0x1e0c ||
    c === 0x1e0d ||
    c === 0x1e24 ||
    c === 0x1e25 ||
    c === 0x1e5a ||
    c === 0x1e5b ||
    c === 0x1e62 ||
    c === 0x1e63 ||
    c === 0x1e6c ||
    c === 0x1e6d ||
    c === 0x1e92 ||
    c === 0x1e93
  );
}

// scriptOf and the IRCAM test for every UTF-16 code unit, precomputed: one table read per char.
const SCRIPT_TABLE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) SCRIPT_TABLE[c] = scriptOf(c) | (c > 0x24f && isIrcamLatin(c) ? 8 : 0);

/** Counts letters per script in text[start, end). */
export function countScripts(text: string, start = 0, end = text.length): ScriptCounts {
  let latin = 0;
  let arabic = 0;
  let tifinagh = 0;
  let digit = 0;
  let ircam = 0;
  for (let i = start; i < end; i++) {
    const t = SCRIPT_TABLE[text.charCodeAt(i)] as number;
    switch (t & 7) {
      case Script.Latin:
        latin++;
        if (t & 8) ircam++;
        break;
      case Script.Arabic:
        arabic++;
        break;
      case Script.Tifinagh:
        tifinagh++;
        break;
      case Script.Digit:
        digit++;
        break;
      default:
    }
  }
  return { latin, arabic, tifinagh, digit, ircam };
}
