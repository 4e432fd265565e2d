// Privacy guard on the gateway path: what leaves for a provider abroad, residency, refusals and their audit.
import { describe, expect, it } from 'vitest';
import {
  auditEntries,
  CIN,
  chat,
  embed,
  ma,
  NAME,
  PROMPT,
  RIB,
  sentUpstream,
  setUpPrivacyGatewayApp,
  streamedText,
  t,
  up,
} from './privacy-fixtures.js';

setUpPrivacyGatewayApp();

describe('privacy guard in the gateway (Loi 09-08)', () => {
  it('sends a provider in the US none of the CIN, RIB and name, and restores them in the answer', async () => {
    const res = await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: PROMPT }] });
    expect(res.statusCode).toBe(200);
    const sent = sentUpstream(up);
    for (const value of [CIN, RIB, NAME, 'Benjelloun']) expect(sent).not.toContain(value);
    expect(sent).toContain('⟦CIN_1⟧');
    expect(sent).toContain('⟦RIB_1⟧');
    expect(sent).toContain('⟦PERSON_1⟧');
    const answer = res.json().choices[0].message.content as string;
    expect(answer).toBe(`You said: ${PROMPT}`);
  });

  it('does the same for a streamed answer', async () => {
    const res = await chat({
      model: 'gpt-abroad',
      stream: true,
      messages: [{ role: 'user', content: PROMPT }],
    });
    expect(res.statusCode).toBe(200);
    const sent = sentUpstream(up);
    for (const value of [CIN, RIB, NAME]) expect(sent).not.toContain(value);
    expect(streamedText(res.payload)).toBe(`You said: ${PROMPT}`);
  });

  it('sends personal data unchanged to a provider located in Morocco', async () => {
    const res = await chat({ model: 'sovereign', messages: [{ role: 'user', content: PROMPT }] });
    expect(res.statusCode).toBe(200);
    expect(sentUpstream(ma)).toContain(CIN);
  });

  it('records the decision, legal basis, destination country and data class in the audit chain', async () => {
    await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: PROMPT }] });
    const entries = await auditEntries();
    const last = entries.filter((e) => e.provider === 'openai-us').at(-1) as unknown as Record<
      string,
      unknown
    >;
    expect(last).toMatchObject({
      decision: 'pseudonymized',
      dataClass: 'personal',
      destinationCountry: 'US',
    });
    expect(String(last.legalBasis)).toMatch(/09-08/);
    expect(JSON.stringify(entries)).not.toContain(CIN);
  });

  it('refuses sensitive data abroad with a 403 that explains why, and routes it to Morocco when possible', async () => {
    const sensitive = 'Je suis diabétique et séropositif, mon dossier médical est joint.';
    const refused = await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: sensitive }] });
    expect(refused.statusCode).toBe(403);
    const err = refused.json().error;
    expect(err.code).toBe('policy_refused');
    expect(err.message).toMatch(/sensitive data \(health\).*Morocco/);
    expect(err.message).toContain('المغرب');
    expect(up.requests).toHaveLength(0);
    const mixed = await chat({ model: 'mixed', messages: [{ role: 'user', content: sensitive }] });
    expect(mixed.statusCode).toBe(200);
    expect(up.requests).toHaveLength(0);
    expect(ma.requests).toHaveLength(1);
  });

  it('derives sensitive categories from what the user wrote, not from a grounding system prompt', async () => {
    const system =
      "Tu es l'assistant Khidma. Catalogue : CNIE, dépôt au commissariat, prise des empreintes digitales et des données biométriques.";
    const grounded = await chat({
      model: 'gpt-abroad',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: 'Comment renouveler ma CNIE, Mme Khadija Benjelloun ?' },
      ],
    });
    expect(grounded.statusCode).toBe(200);
    // PII is still detected in every message: the name never reaches the provider abroad.
    expect(sentUpstream(up)).not.toContain('Benjelloun');
    expect(sentUpstream(up)).toContain('biométriques');
    const entry = (await auditEntries()).filter((e) => e.provider === 'openai-us').at(-1) as unknown as {
      dataClass: string;
    };
    expect(entry.dataClass).toBe('personal');

    const disclosed = await chat({
      model: 'gpt-abroad',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: 'Je suis séropositif, dois-je le déclarer pour ma CNIE ?' },
      ],
    });
    expect(disclosed.statusCode).toBe(403);
    const fromTool = await chat({
      model: 'gpt-abroad',
      messages: [
        { role: 'user', content: 'Résume mon dossier.' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'dossier', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'Patient diabétique, dossier médical n° 4411.' },
      ],
    });
    expect(fromTool.statusCode).toBe(403);
  });

  it('pseudonymises embedding inputs for a provider abroad: the upstream never receives the CIN', async () => {
    const res = await embed({ model: 'embed-abroad', input: [PROMPT, `Dossier de ${NAME}`] });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toHaveLength(2);
    const sent = sentUpstream(up);
    for (const value of [CIN, RIB, 'Benjelloun']) expect(sent).not.toContain(value);
    expect(sent).toContain('⟦CIN_1⟧');
    // One session per request: the same person gets the same placeholder in every input.
    const inputs = up.requests.at(-1)!.body as { input: string[] };
    expect(inputs.input[1]).toContain('⟦PERSON_1⟧');
    const entry = (await auditEntries())
      .filter((e) => e.endpoint === 'embeddings')
      .at(-1) as unknown as Record<string, unknown>;
    expect(entry).toMatchObject({
      decision: 'pseudonymized',
      dataClass: 'personal',
      destinationCountry: 'US',
    });
  });

  it('keeps sensitive embedding inputs in Morocco, and refuses them with a legal basis when no target is there', async () => {
    const sensitive = 'Je suis diabétique et séropositif.';
    const kept = await embed({ model: 'embed-mixed', input: sensitive });
    expect(kept.statusCode).toBe(200);
    expect(up.requests).toHaveLength(0);
    expect(sentUpstream(ma)).toContain('séropositif');
    const refused = await embed({ model: 'embed-abroad', input: sensitive });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('policy_refused');
    // Token ids cannot be pseudonymised: they do not leave Morocco.
    const tokens = await embed({ model: 'embed-abroad', input: [1, 2, 3] });
    expect(tokens.statusCode).toBe(403);
    expect(up.requests).toHaveLength(0);
  });

  it('gives a refused request its legal basis in the audit chain', async () => {
    await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: 'Je suis séropositif.' }] });
    const entry = (await auditEntries())
      .filter((e) => e.endpoint === 'chat.completions')
      .at(-1) as unknown as Record<string, unknown>;
    expect(entry).toMatchObject({ decision: 'refused', dataClass: 'sensitive' });
    expect(String(entry.legalBasis)).toMatch(/09-08 art\. 21/);
  });

  it('takes the higher of the declared class (x-khidma-data-class) and the detected one', async () => {
    const declared = await chat(
      { model: 'gpt-abroad', messages: [{ role: 'user', content: 'Bonjour' }] },
      { 'x-khidma-data-class': 'sensitive' },
    );
    expect(declared.statusCode).toBe(403);
    const lower = await chat(
      { model: 'gpt-abroad', messages: [{ role: 'user', content: PROMPT }] },
      { 'x-khidma-data-class': 'public' },
    );
    expect(lower.statusCode).toBe(200);
    expect(sentUpstream(up)).not.toContain(CIN);
    const bad = await chat(
      { model: 'gpt-abroad', messages: [{ role: 'user', content: 'x' }] },
      { 'x-khidma-data-class': 'secret' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_data_class');
  });

  it('flags in the audit identifiers in an answer that the request did not contain', async () => {
    up.script({ content: 'Appelez le 0661234567 pour ⟦PERSON_1⟧.' });
    const res = await chat({ model: 'gpt-abroad', messages: [{ role: 'user', content: PROMPT }] });
    expect(res.json().choices[0].message.content).toBe(`Appelez le 0661234567 pour ${NAME}.`);
    const entries = await auditEntries();
    expect(JSON.stringify(entries.at(-1))).toContain('unexpected_pii:PHONE');
  });

  it('applies an organisation policy that refuses personal data abroad', async () => {
    const strict = await t.createKey({ org: 'strict' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: { authorization: `Bearer ${strict.key}` },
      payload: { model: 'gpt-abroad', messages: [{ role: 'user', content: PROMPT }] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/personal data/);
  });
});
