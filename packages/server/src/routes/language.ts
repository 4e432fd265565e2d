/**
 * POST /v1/language/identify and POST /v1/language/transliteration endpoints (@khidma/lang over HTTP).
 * Both need an API key like every /v1 route; text is never logged. Errors take OpenAI's shape.
 */
import {
  arabicToArabizi,
  arabizeName,
  arabiziCandidates,
  arabiziToArabic,
  identify,
  type LangTag,
  latinToTifinagh,
  romanizeName,
  segments,
  tifinaghToLatin,
} from '@khidma/lang';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { badRequest, parseOrThrow } from '../errors.js';

const MAX_TEXT = 100_000;
const MAX_BATCH = 256;

const identifyBody = z
  .object({
    text: z.string().max(MAX_TEXT).optional(),
    texts: z.array(z.string().max(MAX_TEXT)).max(MAX_BATCH).optional(),
    segments: z.boolean().optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.texts === undefined), {
    message: 'send exactly one of "text" or "texts"',
  });

const SCRIPTS = ['ary-Latn', 'ary-Arab', 'zgh-Tfng', 'zgh-Latn'] as const;
const transliterateBody = z.object({
  text: z.string().min(1).max(MAX_TEXT),
  from: z.enum(SCRIPTS).optional(),
  to: z.enum(SCRIPTS).optional(),
  /** 'text' (default) or 'name': names get every common civil-registry spelling. */
  kind: z.enum(['text', 'name']).optional(),
  /** Ranked alternatives per word (Arabizi -> Arabic only). */
  candidates: z.boolean().optional(),
  /** Tamazight Latin input: 'ircam' (default, exact) or 'informal' (gh, kh, ch...). */
  scheme: z.enum(['ircam', 'informal']).optional(),
});

const DEFAULT_TARGET: Record<(typeof SCRIPTS)[number], (typeof SCRIPTS)[number]> = {
  'ary-Latn': 'ary-Arab',
  'ary-Arab': 'ary-Latn',
  'zgh-Tfng': 'zgh-Latn',
  'zgh-Latn': 'zgh-Tfng',
};

function sourceScript(text: string, tag: LangTag): (typeof SCRIPTS)[number] {
  if (tag === 'zgh-Tfng' || tag === 'zgh-Latn') return tag;
  return /[\u0600-\u06ff]/.test(text) ? 'ary-Arab' : 'ary-Latn';
}

function identification(text: string, withSegments: boolean) {
  const id = identify(text);
  return { object: 'language.identification', ...id, ...(withSegments ? { segments: segments(text) } : {}) };
}

export const languageRoutes: FastifyPluginAsync = async (app) => {
  app.post('/v1/language/identify', async (request) => {
    const body = parseOrThrow(identifyBody, request.body);
    const withSegments = body.segments === true;
    if (body.texts) return { object: 'list', data: body.texts.map((t) => identification(t, withSegments)) };
    return identification(body.text ?? '', withSegments);
  });

  app.post('/v1/language/transliterate', async (request) => {
    const body = parseOrThrow(transliterateBody, request.body);
    const from = body.from ?? sourceScript(body.text, identify(body.text).tag);
    const to = body.to ?? DEFAULT_TARGET[from];
    const pair = `${from}>${to}`;
    const base = { object: 'language.transliteration', from, to };
    if (body.kind === 'name') {
      if (pair === 'ary-Arab>ary-Latn')
        return { ...base, text: romanizeName(body.text)[0] ?? '', variants: romanizeName(body.text) };
      if (pair === 'ary-Latn>ary-Arab')
        return { ...base, text: arabizeName(body.text)[0] ?? '', variants: arabizeName(body.text) };
      throw badRequest(
        `Names are transliterated between ary-Arab and ary-Latn, not ${from} to ${to}.`,
        'kind',
      );
    }
    switch (pair) {
      case 'ary-Latn>ary-Arab': {
        const text = arabiziToArabic(body.text);
        if (!body.candidates) return { ...base, text };
        const words = body.text.match(/[A-Za-z\u00c0-\u024f0-9']+/g) ?? [];
        return {
          ...base,
          text,
          words: words.slice(0, 2000).map((w) => ({ word: w, candidates: arabiziCandidates(w) })),
        };
      }
      case 'ary-Arab>ary-Latn':
        return { ...base, text: arabicToArabizi(body.text) };
      case 'zgh-Tfng>zgh-Latn':
        return { ...base, text: tifinaghToLatin(body.text) };
      case 'zgh-Latn>zgh-Tfng':
        return { ...base, text: latinToTifinagh(body.text, { scheme: body.scheme ?? 'ircam' }) };
      default:
        throw badRequest(`Unsupported transliteration from ${from} to ${to}.`, 'to', 'unsupported_pair');
    }
  });

  app.khidma.openapi?.add({
    tags: [{ name: 'Language', description: 'Languages of Morocco: identification and transliteration' }],
    paths: {
      '/v1/language/identify': {
        post: {
          tags: ['Language'],
          summary:
            'Identify language and script (Darija in Arabic script or Arabizi, MSA, Tamazight, French, English, Spanish)',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    text: { type: 'string', maxLength: MAX_TEXT },
                    texts: { type: 'array', items: { type: 'string' }, maxItems: MAX_BATCH },
                    segments: { type: 'boolean', description: 'also return code-switching spans' },
                  },
                },
                example: { text: 'wach khassni n3mer le formulaire?', segments: true },
              },
            },
          },
          responses: {
            '200': { description: 'tag, language, script, confidence, alternatives (and segments)' },
          },
        },
      },
      '/v1/language/transliterate': {
        post: {
          tags: ['Language'],
          summary: 'Arabizi <-> Arabic script (Darija), Tifinagh <-> IRCAM Latin, names across scripts',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['text'],
                  properties: {
                    text: { type: 'string', maxLength: MAX_TEXT },
                    from: { type: 'string', enum: [...SCRIPTS] },
                    to: { type: 'string', enum: [...SCRIPTS] },
                    kind: { type: 'string', enum: ['text', 'name'] },
                    candidates: { type: 'boolean' },
                    scheme: { type: 'string', enum: ['ircam', 'informal'] },
                  },
                },
                example: { text: 'bghit njded la carte nationale', to: 'ary-Arab' },
              },
            },
          },
          responses: { '200': { description: 'transliterated text (and candidates or name variants)' } },
        },
      },
    },
  });
};
