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
  if (digits.length !== 24 || !allDigits(digits) || /^0+$/.test(digits)) return false;
  return ribKey(digits.slice(0, 22)) === digits.slice(22);
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
  return digits.length === 15 && allDigits(digits) && !/^0+$/.test(digits) && mod97(digits) === 0;
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
  if (n < 13 || n > 19 || !luhnValid(digits)) return false;
  const p2 = Number(digits.slice(0, 2));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // Amex
  if (p4 === 6011 || p2 === 65 || p2 === 62) return n >= 16; // Discover, UnionPay
  if (p4 >= 3528 && p4 <= 3589) return n >= 16; // JCB
  return false;
}
