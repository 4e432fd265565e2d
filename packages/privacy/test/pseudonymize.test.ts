import { describe, expect, it } from 'vitest';
import {
  createSession,
  hash,
  hashIdentifier,
  mask,
  openSession,
  PseudonymSessionExpiredError,
  pseudonymize,
  redact,
  restore,
  SealIntegrityError,
  sealSession,
} from '../src/index.js';

const SECRET = 'test-secret-0123456789abcdef';

describe('pseudonymize', () => {
  it('replaces values with typed numbered placeholders and restores them', () => {
    const text = "Je m'appelle Youssef Alaoui, CIN AB123456, tél 0661234567.";
    const r = pseudonymize(text);
    expect(r.text).toBe("Je m'appelle ⟦PERSON_1⟧, CIN ⟦CIN_1⟧, tél ⟦PHONE_1⟧.");
    expect(restore(r.text, r.session)).toBe(text);
  });

  it('gives the same placeholder to the same value however it is written, across turns', () => {
    const session = createSession();
    const a = pseudonymize('tel 06 61 23 45 67, cin ab123456', { session });
    const b = pseudonymize('rappel: +212661234567 et CIN AB123456 et 0700000000', { session });
    expect(a.text).toBe('tel ⟦PHONE_1⟧, cin ⟦CIN_1⟧');
    expect(b.text).toBe('rappel: ⟦PHONE_1⟧ et CIN ⟦CIN_1⟧ et ⟦PHONE_2⟧');
  });

  it('restores placeholders mangled by a model: brackets, case and inner spaces', () => {
    const r = pseudonymize('CIN AB123456 de Khadija Tazi');
    const answer = 'Le titulaire [[ cin_1 ]] est ⟦ PERSON 1 ⟧; rappel [CIN_1], Cin_1 et [[Person_1]].';
    expect(restore(answer, r.session)).toBe(
      'Le titulaire AB123456 est Khadija Tazi; rappel AB123456, AB123456 et Khadija Tazi.',
    );
  });

  it('restores placeholders in other bracket styles models produce', () => {
    const r = pseudonymize('CIN AB123456');
    expect(restore('【CIN_1】 {{ cin_1 }} {CIN 1} {"id": "CIN_1"}', r.session)).toBe(
      'AB123456 AB123456 AB123456 {"id": "AB123456"}',
    );
  });

  it('leaves unknown placeholders and lookalikes untouched', () => {
    const r = pseudonymize('CIN AB123456');
    expect(restore('⟦CIN_2⟧ et CINEMA_1 et XCIN_1', r.session)).toBe('⟦CIN_2⟧ et CINEMA_1 et XCIN_1');
  });

  it('seals the mapping with AES-256-GCM and reopens it with the same secret only', () => {
    const r = pseudonymize('email a.bennani@example.ma');
    const sealed = sealSession(r.session, SECRET);
    expect(sealed).not.toContain('bennani');
    const reopened = openSession(sealed, { secret: SECRET });
    expect(restore('écrire à ⟦EMAIL_1⟧', reopened)).toBe('écrire à a.bennani@example.ma');
    expect(() => openSession(sealed, { secret: 'another-secret-0123456789' })).toThrow(SealIntegrityError);
    // Flip one character in the middle of the ciphertext: a change at the very end may only touch
    // base64 padding bits, which decode to the same bytes.
    const mid = Math.floor((sealed.indexOf(':') + 1 + sealed.length) / 2);
    const tampered = `${sealed.slice(0, mid)}${sealed[mid] === 'A' ? 'B' : 'A'}${sealed.slice(mid + 1)}`;
    expect(tampered).not.toBe(sealed);
    expect(() => openSession(tampered, { secret: SECRET })).toThrow(SealIntegrityError);
    expect(() => openSession(`other${sealed}`, { secret: SECRET })).toThrow(SealIntegrityError);
  });

  it('makes an expired session unusable', () => {
    const session = createSession({ ttlMs: 1000, now: 0 });
    pseudonymize('CIN AB123456', { session, now: 10 });
    expect(() => restore('⟦CIN_1⟧', session, 2000)).toThrow(PseudonymSessionExpiredError);
    expect(() => pseudonymize('CIN AB123456', { session, now: 2000 })).toThrow(PseudonymSessionExpiredError);
    const sealed = sealSession(session, SECRET);
    expect(() => openSession(sealed, { secret: SECRET, now: 5000 })).toThrow(PseudonymSessionExpiredError);
  });
});

describe('mask, redact, hash', () => {
  it('masks identifiers keeping their last two characters', () => {
    expect(mask('CIN AB123456 tel 0661234567')).toBe('CIN ••••••56 tel ••••••••67');
  });

  it('redacts with type labels', () => {
    expect(redact('CIN AB123456, Mme Fatima Alaoui')).toBe('CIN [CIN], Mme [PERSON]');
  });

  it('hashes with a keyed HMAC that is stable across runs and spellings', () => {
    const a = hash('CIN AB123456', { secret: SECRET });
    expect(a).toBe(hash('CIN AB123456', { secret: SECRET }));
    expect(hashIdentifier('CIN', 'ab 123456', SECRET)).toBe(hashIdentifier('CIN', 'AB123456', SECRET));
    expect(a).toMatch(/^CIN ⟨CIN:[0-9a-f]{16}⟩$/);
    expect(hashIdentifier('PHONE', '+212 6 61 23 45 67', SECRET)).toBe(
      hashIdentifier('PHONE', '0661234567', SECRET),
    );
    expect(hashIdentifier('PHONE', '0661234567', SECRET)).not.toBe(
      hashIdentifier('PHONE', '0661234567', `${SECRET}x`),
    );
  });
});
