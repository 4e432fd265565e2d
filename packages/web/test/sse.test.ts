import { describe, expect, it } from 'vitest';
import { createSentenceAnnouncer } from '../src/client/lib/announcer.js';
import { interpretEvent, toCitationView } from '../src/client/lib/assistant-api.js';
import { createSseParser } from '../src/client/lib/sse.js';

describe('SSE parsing', () => {
  it('reassembles events split across network chunks', () => {
    const parser = createSseParser();
    const events = [
      ...parser.push('event: delta\ndata: {"te'),
      ...parser.push('xt":"Sala'),
      ...parser.push('m"}\n\ndata: [DONE]\n'),
      ...parser.push('\n'),
    ];
    expect(events).toEqual([
      { event: 'delta', data: '{"text":"Salam"}', id: undefined },
      { event: 'message', data: '[DONE]', id: undefined },
    ]);
  });

  it('handles CRLF line endings, comments and multi-line data', () => {
    const parser = createSseParser();
    const events = parser.push(': keep-alive\r\ndata: a\r\ndata: b\r\n\r\n');
    expect(events).toEqual([{ event: 'message', data: 'a\nb', id: undefined }]);
  });

  it('keeps an event whole when a CRLF is split between two chunks', () => {
    const parser = createSseParser();
    const events = [...parser.push('data: a\r'), ...parser.push('\ndata: b\r'), ...parser.push('\n\r\n')];
    expect(events).toEqual([{ event: 'message', data: 'a\nb', id: undefined }]);
  });

  it('delivers a final event without a trailing blank line on flush', () => {
    const parser = createSseParser();
    expect(parser.push('data: tail')).toEqual([]);
    expect(parser.flush()).toEqual([{ event: 'message', data: 'tail', id: undefined }]);
  });
});

describe('assistant stream events', () => {
  it('reads OpenAI-style chunks as text deltas', () => {
    expect(interpretEvent('message', '{"choices":[{"delta":{"content":"Bonjour"}}]}')).toEqual([
      { type: 'delta', text: 'Bonjour' },
    ]);
  });

  it('reads citations with documents, fee, delay, office and source', () => {
    const view = toCitationView({
      procedureId: 'cnie-renewal',
      title: 'Renouvellement de la CNIE',
      documents: ['Ancienne carte', 'Photos'],
      fee: '75 DH',
      processingTime: '10 jours',
      office: 'Commissariat',
      sourceUrl: 'https://www.cnie.ma',
    });
    expect(view).toMatchObject({
      procedureId: 'cnie-renewal',
      fee: '75 DH',
      delay: '10 jours',
      sourceUrl: 'https://www.cnie.ma',
    });
    expect(view?.documents).toHaveLength(2);
  });

  it('maps error payloads to an error event', () => {
    expect(interpretEvent('message', '{"error":{"message":"rate limited"}}')).toEqual([
      { type: 'error', message: 'rate limited' },
    ]);
  });
});

describe('screen-reader announcements of a streamed answer', () => {
  it('announces each completed sentence once, then the remainder', () => {
    const said: string[] = [];
    const announcer = createSentenceAnnouncer((s) => said.push(s));
    announcer.update('Khassek la carte');
    announcer.update('Khassek la carte. O 75 DH');
    announcer.update('Khassek la carte. O 75 DH. واش بغيتي شي حاجة؟ ');
    announcer.finish('Khassek la carte. O 75 DH. واش بغيتي شي حاجة؟ Merci');
    expect(said).toEqual(['Khassek la carte.', 'O 75 DH. واش بغيتي شي حاجة؟', 'Merci']);
  });
});

describe('Tamazight without a Tifinagh font', () => {
  it('transcribes the whole Tamazight catalog to IRCAM Latin script', async () => {
    const { latinTamazight } = await import('../src/client/lib/tifinagh-fallback.js');
    const zgh = (await import('../src/messages/zgh.js')).default;
    const latin = await latinTamazight(zgh);
    expect(Object.keys(latin)).toEqual(Object.keys(zgh));
    expect(Object.values(latin).some((v) => /[\u2D30-\u2D7F]/.test(v))).toBe(false);
    expect(latin['lang.label']).toBe('tutlayt');
  });
});

describe('citation links', () => {
  it('drops source links that are not http(s)', () => {
    expect(toCitationView({ title: 'x', sourceUrl: 'javascript:alert(1)' })?.sourceUrl).toBeUndefined();
    expect(toCitationView({ title: 'x', source_url: 'https://www.watiqa.ma' })?.sourceUrl).toBe(
      'https://www.watiqa.ma',
    );
  });
});
