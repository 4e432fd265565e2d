/** Checksum validators for Moroccan and international identifiers. Inputs are ASCII digit strings. */

function mod97(digits: string): number {
  let r = 0;
  for (let i = 0; i < digits.length; i++) r = (r * 10 + (digits.charCodeAt(i) - 48)) % 97;
  return r;
}

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Moroccan RIB key: 97 - ((first 22 digits * 100) mod 97). */
export function ribKey(first22: string): string {
  const key = 97 - ((mod97(first22) * 100) % 97);
  return key.toString().padStart(2, '0');
}

/** 24-digit Moroccan RIB (bank 3, city 3, account 16, key 2). */
export function isValidRib(digits: string): boolean {
  return digits.length === 24 && allDigits(digits) && isValidRibDigits(digitValues(digits), 24);
}

/*
 * The same checks over digit values (0–9) in d[0, len): the number scanner holds candidates in a
 * reused buffer, and building a string per candidate only to validate it was most of its garbage.
 * isValidRib, isValidIce and isValidCard go through these, so each rule has one definition.
 */

const valueScratch = new Uint8Array(64);
/** Digit values of an all-digit string (at most 64 digits, as every identifier here). */
function digitValues(digits: string): Uint8Array {
  for (let i = 0; i < digits.length; i++) valueScratch[i] = digits.charCodeAt(i) - 48;
  return valueScratch;
}

function mod97Of(d: Uint8Array, from: number, to: number): number {
  let r = 0;
  for (let i = from; i < to; i++) r = (r * 10 + d[i]!) % 97;
  return r;
}

function allZero(d: Uint8Array, len: number): boolean {
  for (let i = 0; i < len; i++) if (d[i] !== 0) return false;
  return true;
}

export function isValidRibDigits(d: Uint8Array, len: number): boolean {
  if (len !== 24 || allZero(d, len)) return false;
  const key = 97 - ((mod97Of(d, 0, 22) * 100) % 97);
  return key === d[22]! * 10 + d[23]!;
}

export function isValidIceDigits(d: Uint8Array, len: number): boolean {
  return len === 15 && !allZero(d, len) && mod97Of(d, 0, 15) === 0;
}

export function luhnValidDigits(d: Uint8Array, len: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = len - 1; i >= 0; i--) {
    let v = d[i]!;
    if (double) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    double = !double;
  }
  return sum % 10 === 0;
}

export function isValidCardDigits(d: Uint8Array, n: number): boolean {
  if (n < 13 || n > 19 || !luhnValidDigits(d, n)) return false;
  const p2 = d[0]! * 10 + d[1]!;
  const p4 = p2 * 100 + d[2]! * 10 + d[3]!;
  if (d[0] === 4) return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // Amex
  if (p4 === 6011 || p2 === 65 || p2 === 62) return n >= 16; // Discover, UnionPay
  if (p4 >= 3528 && p4 <= 3589) return n >= 16; // JCB
  return false;
}

/** ISO 13616 mod-97 check of an IBAN given without spaces (letters A-Z, digits). */
export function isValidIbanChecksum(iban: string): boolean {
  const s = iban.toUpperCase();
  if (s.length < 15 || s.length > 34) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let r = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) r = (r * 100 + (c - 55)) % 97;
    else return false;
  }
  return r === 1;
}

/** Moroccan IBAN: MA + 2 check digits + a valid 24-digit RIB. */
export function isValidMoroccanIban(iban: string): boolean {
  const s = iban.toUpperCase();
  if (s.length !== 28 || !s.startsWith('MA')) return false;
  return isValidIbanChecksum(s) && isValidRib(s.slice(4));
}

/** Check digits that make `MA..` + rib a valid IBAN. */
export function moroccanIbanFromRib(rib: string): string {
  const r = mod97(`${rib}221000`); // "MA00" moved to the end, M=22 A=10
  return `MA${(98 - r).toString().padStart(2, '0')}${rib}`;
}

/** ICE (Identifiant Commun de l'Entreprise): 15 digits, divisible by 97. */
export function isValidIce(digits: string): boolean {
  return digits.length === 15 && allDigits(digits) && isValidIceDigits(digitValues(digits), 15);
}

export function luhnValid(digits: string): boolean {
  if (!allDigits(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Payment card: issuer prefix of a major network, plausible length, Luhn. */
export function isValidCard(digits: string): boolean {
  const n = digits.length;
  return n >= 13 && n <= 19 && allDigits(digits) && isValidCardDigits(digitValues(digits), n);
}
