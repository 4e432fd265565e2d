import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isLocaleId, LOCALES as LOCALE_LANG, type LocaleId } from '../i18n/locales.js';
import type { Translate } from '../i18n/translate.js';
import type { PrivacyFacts } from '../shared/privacy-facts.js';
import { registerAdminConsole } from './admin/routes.js';
import type { SessionStore } from './admin/session.js';
import { html, jsonForScript, type SafeHtml } from './html.js';
import { pickText, rememberLocale, requestLocale, translatorFor } from './i18n.js';
import { renderPage } from './page.js';
import {
  matchesQuery,
  type ProcedureSource,
  type ProcedureView,
  procedureCard,
  renderCatalog,
  renderProcedure,
} from './procedures.js';
import { ClientBuild, pickEncoding } from './static-assets.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: 'required' | 'optional' | 'none';
  }
}

export interface WebPluginOptions {
  /** Directory of the Vite build (default: packages/web/dist/client). */
  clientDir?: string;
  procedures?: ProcedureSource;
  privacyFacts?: () => PrivacyFacts | Promise<PrivacyFacts>;
  sessions?: SessionStore;
}

export const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../../dist/client/', import.meta.url));

/**
 * Content-Security-Policy for every page we render: our own scripts and styles only, no inline code,
 * no framing. The JSON boot block is a data block (type="application/json"), which CSP does not run.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .header('x-frame-options', 'DENY')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
}

/**
 * The web front ends: the citizen chat (Vite + Preact client, served from memory), the server-rendered
 * procedure catalog, and the administration console. Register it without fastify-plugin so its hooks
 * and parsers stay inside its own scope.
 */
export const webPlugin: FastifyPluginAsync<WebPluginOptions> = async (app: FastifyInstance, opts) => {
  const build = new ClientBuild(opts.clientDir ?? DEFAULT_CLIENT_DIR);
  if (!build.built)
    app.log.warn({ dir: build.dir }, 'web client not built: run `npm run build -w @khidma/web`');
  const assets = () => ({ stylesheet: build.stylesheet, adminScript: build.adminScript });
  const noAuth = { config: { auth: 'none' as const } };
  /** A server-rendered citizen page (catalog, procedure, errors) around `body`. */
  const citizenPage = (
    request: FastifyRequest,
    page: { locale: LocaleId; t: Translate; title: string; body: SafeHtml; current?: string },
  ) => renderPage({ ...page, assets: assets(), variant: 'citizen', url: request.url });

  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
  }
  app.addHook('onSend', async (_request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) securityHeaders(reply);
    return payload;
  });

  app.get<{ Params: { '*': string } }>('/assets/*', noAuth, async (request, reply) => {
    const asset = build.assets.get(request.params['*']);
    if (!asset) return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    reply
      .header('content-type', asset.type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', asset.etag)
      .header('vary', 'Accept-Encoding')
      .header('x-content-type-options', 'nosniff');
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    const encoding = pickEncoding(request.headers['accept-encoding'], asset);
    if (encoding === 'br') return reply.header('content-encoding', 'br').send(asset.brotli);
    if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  });

  app.get('/', noAuth, async (request, reply) => {
    const locale = rememberLocale(request, reply);
    const t = translatorFor(locale);
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    if (!build.indexHtml) {
      return reply.status(503).send(
        citizenPage(request, {
          locale,
          t,
          title: t('app.title'),
          body: html`<p>${t('chat.error')}</p><p><a href="/procedures">${t('nav.procedures')}</a></p>`,
        }),
      );
    }
    const privacy = (await opts.privacyFacts?.()) ?? { retentionDays: 90, providers: [] };
    return reply.send(renderShell(build.indexHtml, locale, privacy));
  });

  app.get<{ Querystring: { q?: string; category?: string } }>(
    '/procedures',
    noAuth,
    async (request, reply) => {
      const locale = rememberLocale(request, reply);
      const t = translatorFor(locale);
      const query = (request.query.q ?? '').slice(0, 200).trim();
      const category = (request.query.category ?? '').slice(0, 64);
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
      if (!opts.procedures) {
        return reply.status(503).send(
          citizenPage(request, {
            locale,
            t,
            title: t('procedures.title'),
            body: html`<h1>${t('procedures.title')}</h1><p>${t('procedures.unavailable')}</p>`,
            current: '/procedures',
          }),
        );
      }
      const all = await opts.procedures.list();
      let shown: ProcedureView[] = all;
      if (query)
        shown = opts.procedures.search
          ? await opts.procedures.search(query, locale)
          : all.filter((p) => matchesQuery(p, query));
      if (category) shown = shown.filter((p) => p.category === category);
      const categories = [...new Set(all.map((p) => p.category))].sort();
      const body = renderCatalog({ procedures: shown, query, category, categories, locale, t });
      return reply.send(
        citizenPage(request, { locale, t, title: t('procedures.title'), body, current: '/procedures' }),
      );
    },
  );

  app.get<{ Params: { id: string } }>('/procedures/:id', noAuth, async (request, reply) => {
    const locale = rememberLocale(request, reply);
    const t = translatorFor(locale);
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    const id = request.params.id.slice(0, 128);
    const procedure = await opts.procedures?.get(id);
    if (!procedure) {
      const body = html`<h1>${t('procedures.title')}</h1><p role="alert">${t('procedure.notFound')}</p><p><a href="/procedures">${t('procedure.back')}</a></p>`;
      return reply
        .status(404)
        .send(
          citizenPage(request, { locale, t, title: t('procedures.title'), body, current: '/procedures' }),
        );
    }
    // The tab title in the interface language when the catalog has it (as the page's <h1>).
    const title = pickText(procedure.title, locale)?.text ?? procedure.id;
    const body = renderProcedure(procedure, locale, t);
    return reply.send(citizenPage(request, { locale, t, title, body, current: '/procedures' }));
  });

  app.get<{ Querystring: { ids?: string; lang?: string } }>(
    '/api/web/procedure-cards',
    noAuth,
    async (request, reply) => {
      const locale = isLocaleId(request.query.lang) ? request.query.lang : requestLocale(request).locale;
      const t = translatorFor(locale);
      const ids = [
        ...new Set(
          (request.query.ids ?? '')
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ].slice(0, 10);
      const found = await Promise.all(ids.map((id) => opts.procedures?.get(id.slice(0, 128))));
      // Without ?lang= the language comes from the cookie or Accept-Language: caches must key on them.
      reply.header('cache-control', 'public, max-age=300').header('vary', 'Accept-Language, Cookie');
      return {
        object: 'list',
        data: found.filter((p): p is ProcedureView => !!p).map((p) => procedureCard(p, locale, t)),
      };
    },
  );

  await registerAdminConsole(app, { assets, sessions: opts.sessions });
};

/** The Vite-built shell with this request's language, direction and boot data filled in. */
export function renderShell(indexHtml: string, locale: LocaleId, privacy: PrivacyFacts): string {
  const t = translatorFor(locale);
  const { lang, dir } = { lang: LOCALE_LANG[locale].lang, dir: LOCALE_LANG[locale].dir };
  const boot = html`<script type="application/json" id="khidma-boot">${jsonForScript({ locale, privacy })}</script>`;
  const shell = html`<noscript><p>${t('noscript.chat')} <a href="/procedures">${t('nav.procedures')}</a></p></noscript><p class="pending">${t('chat.loading')}</p>`;
  // Replacer functions, not strings: `$&`, `$'`… in configured text (a controller's name) must stay literal.
  return indexHtml
    .replace(/<html[^>]*>/, () => `<html lang="${lang}" dir="${dir}">`)
    .replace(/<title>[^<]*<\/title>/, () => html`<title>${t('app.title')}</title>`.value)
    .replace('<!--khidma:boot-->', () => boot.value)
    .replace('<!--khidma:shell-->', () => shell.value);
}
