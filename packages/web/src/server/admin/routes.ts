import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LocaleId } from '../../i18n/locales.js';
import type { MessageKey, Translate } from '../../i18n/translate.js';
import { parseCookies, serializeCookie } from '../cookies.js';
import { html, type SafeHtml } from '../html.js';
import { rememberLocale, requestLocale, translatorFor } from '../i18n.js';
import { type PageAssets, renderPage } from '../page.js';
import { AdminApi } from './api-client.js';
import type { AdminPageContext } from './context.js';
import { renderOrgsPage } from './page-orgs.js';
import {
  renderAuditPage,
  renderPrivacyPage,
  renderProvidersPage,
  renderQualityPage,
} from './page-platform.js';
import { renderUsagePage, usageCsvUrl, usagePeriod } from './page-usage.js';
import { type AdminIdentity, type AdminSession, newToken, SessionStore, tokensEqual } from './session.js';

const SESSION_COOKIE = 'khidma_admin';
const PRESIGN_COOKIE = 'khidma_signin_csrf';
const COOKIE_PATH = '/admin';

type Page = (c: AdminPageContext) => Promise<SafeHtml>;
const PAGES: Record<string, { title: MessageKey; render: Page }> = {
  '/admin/orgs': { title: 'admin.nav.orgs', render: renderOrgsPage },
  '/admin/providers': { title: 'admin.nav.providers', render: renderProvidersPage },
  '/admin/usage': { title: 'admin.nav.usage', render: renderUsagePage },
  '/admin/audit': { title: 'admin.nav.audit', render: renderAuditPage },
  '/admin/privacy': { title: 'admin.nav.privacy', render: renderPrivacyPage },
  '/admin/quality': { title: 'admin.nav.quality', render: renderQualityPage },
};

export interface AdminConsoleOptions {
  assets: () => PageAssets;
  sessions?: SessionStore;
  /** Max sign-in attempts per client address per minute. */
  signInRateLimit?: number;
}

interface FormBody {
  [field: string]: string | undefined;
}

/**
 * The administration console: server-rendered pages over the admin API. Every route opts out of the
 * API's bearer-token hook (`auth: 'none'`) and authenticates with the console's own session cookie.
 */
export async function registerAdminConsole(app: FastifyInstance, opts: AdminConsoleOptions): Promise<void> {
  const sessions = opts.sessions ?? new SessionStore();
  const attempts = new Map<string, { count: number; since: number }>();
  const limit = opts.signInRateLimit ?? 10;
  const noAuth = { config: { auth: 'none' as const } };

  const secure = (request: FastifyRequest) => request.protocol === 'https';
  const localeOf = (request: FastifyRequest): { locale: LocaleId; t: Translate } => {
    const { locale } = requestLocale(request);
    return { locale, t: translatorFor(locale) };
  };
  const sessionOf = (request: FastifyRequest) =>
    sessions.get(parseCookies(request.headers.cookie)[SESSION_COOKIE]);

  const send = (reply: FastifyReply, status: number, body: string) =>
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(body);

  const identityHeader = (session: AdminSession, t: Translate) =>
    html`<div class="who"><p>${t('admin.signedInAs', {
      who: `${session.identity.label || t('admin.masterToken')}${session.identity.orgName ? ` · ${session.identity.orgName}` : ''}`,
    })} (${session.identity.role === 'admin' ? t('admin.role.admin') : t('admin.role.orgAdmin')})</p>
<form method="post" action="/admin/sign-out"><input type="hidden" name="_csrf" value="${session.csrf}"><button type="submit" class="secondary">${t('admin.signOut')}</button></form></div>`;

  /** Same-origin check (defence in depth besides the CSRF token and SameSite=Strict). */
  const sameOrigin = (request: FastifyRequest) => {
    const origin = request.headers.origin;
    if (!origin || origin === 'null') return origin !== 'null';
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  };

  const signInPage = (request: FastifyRequest, reply: FastifyReply, status: number, error?: MessageKey) => {
    const locale = rememberLocale(request, reply);
    const t = translatorFor(locale);
    const csrf = newToken(24);
    reply.header(
      'set-cookie',
      serializeCookie(PRESIGN_COOKIE, csrf, {
        httpOnly: true,
        sameSite: 'Strict',
        path: COOKIE_PATH,
        secure: secure(request),
        maxAgeSeconds: 1800,
      }),
    );
    const body = html`<div class="signin"><h1>${t('admin.signIn.title')}</h1>
${error ? html`<p class="status-bad" role="alert">${t(error)}</p>` : ''}
<form method="post" action="/admin/sign-in" class="panel">
<input type="hidden" name="_csrf" value="${csrf}">
<label for="token">${t('admin.signIn.tokenLabel')}</label>
<input type="password" id="token" name="token" required autocomplete="current-password" dir="ltr" maxlength="512" aria-describedby="token-hint">
<p class="hint" id="token-hint">${t('admin.signIn.hint')}</p>
<p><button type="submit">${t('admin.signIn.submit')}</button></p>
</form></div>`;
    return send(
      reply,
      status,
      renderPage({
        locale,
        t,
        title: t('admin.signIn.title'),
        body,
        assets: opts.assets(),
        variant: 'admin',
        url: request.url,
        nav: false,
      }),
    );
  };

  app.get('/admin', noAuth, async (request, reply) =>
    reply.redirect(sessionOf(request) ? '/admin/orgs' : '/admin/sign-in', 303),
  );
  app.get('/admin/', noAuth, async (_request, reply) => reply.redirect('/admin', 303));

  app.get('/admin/sign-in', noAuth, async (request, reply) => {
    if (sessionOf(request)) return reply.redirect('/admin/orgs', 303);
    return signInPage(
      request,
      reply,
      200,
      (request.query as FormBody).required ? 'admin.signIn.required' : undefined,
    );
  });

  app.post<{ Body: FormBody }>('/admin/sign-in', noAuth, async (request, reply) => {
    const body = request.body ?? {};
    const presign = parseCookies(request.headers.cookie)[PRESIGN_COOKIE];
    if (!sameOrigin(request) || !tokensEqual(presign, body._csrf))
      return signInPage(request, reply, 403, 'admin.csrf');
    const ip = request.ip;
    const now = Date.now();
    const entry = attempts.get(ip);
    if (entry && now - entry.since < 60_000 && entry.count >= limit) {
      reply.header('retry-after', '60');
      return signInPage(request, reply, 429, 'admin.signIn.invalid');
    }
    const token = (body.token ?? '').trim();
    const identity = token ? await identify(app, token) : null;
    if (!identity) {
      if (!entry || now - entry.since >= 60_000) attempts.set(ip, { count: 1, since: now });
      else entry.count += 1;
      if (attempts.size > 10_000) attempts.clear();
      return signInPage(request, reply, 401, 'admin.signIn.invalid');
    }
    attempts.delete(ip);
    // A fresh session id at every sign-in (no fixation); a session the browser still held ends here.
    sessions.destroy(parseCookies(request.headers.cookie)[SESSION_COOKIE]);
    const session = sessions.create(token, identity);
    reply.header('set-cookie', [
      serializeCookie(SESSION_COOKIE, session.id, {
        httpOnly: true,
        sameSite: 'Strict',
        path: COOKIE_PATH,
        secure: secure(request),
      }),
      serializeCookie(PRESIGN_COOKIE, '', {
        httpOnly: true,
        sameSite: 'Strict',
        path: COOKIE_PATH,
        secure: secure(request),
        maxAgeSeconds: 0,
      }),
    ]);
    return reply.redirect('/admin/orgs', 303);
  });

  /** Every state-changing console request: a live session, the same origin and the session's CSRF token. */
  const guardPost = (
    request: FastifyRequest<{ Body: FormBody }>,
    reply: FastifyReply,
  ): AdminSession | null => {
    const session = sessionOf(request);
    if (!session) {
      void reply.redirect('/admin/sign-in?required=1', 303);
      return null;
    }
    if (!sameOrigin(request) || !tokensEqual(session.csrf, request.body?._csrf)) {
      const { locale, t } = localeOf(request);
      const body = html`<h1>${t('admin.title')}</h1><p class="status-bad" role="alert">${t('admin.csrf')}</p><p><a href="/admin/orgs">${t('admin.nav.orgs')}</a></p>`;
      const page = renderPage({
        locale,
        t,
        title: t('admin.title'),
        body,
        assets: opts.assets(),
        variant: 'admin',
        url: '/admin/orgs',
        nav: false,
      });
      void send(reply, 403, page);
      return null;
    }
    return session;
  };

  app.post<{ Body: FormBody }>('/admin/sign-out', noAuth, async (request, reply) => {
    const session = guardPost(request, reply);
    if (!session) return reply;
    sessions.destroy(session.id);
    reply.header(
      'set-cookie',
      serializeCookie(SESSION_COOKIE, '', {
        httpOnly: true,
        sameSite: 'Strict',
        path: COOKIE_PATH,
        secure: secure(request),
        maxAgeSeconds: 0,
      }),
    );
    return reply.redirect('/admin/sign-in', 303);
  });

  const flashResult = (session: AdminSession, t: Translate, result: { ok: boolean; message?: string }) => {
    session.flash = result.ok
      ? { kind: 'message', ok: true, text: t('admin.done') }
      : { kind: 'message', ok: false, text: t('admin.failed', { reason: result.message ?? '' }) };
  };

  app.post<{ Body: FormBody }>('/admin/orgs', noAuth, async (request, reply) => {
    const session = guardPost(request, reply);
    if (!session) return reply;
    const { t } = localeOf(request);
    const api = new AdminApi(app, session.credential);
    const slug = request.body.slug?.trim();
    const result = await api.post('/admin/v1/orgs', {
      name: request.body.name ?? '',
      ...(slug ? { slug } : {}),
    });
    flashResult(session, t, result);
    return reply.redirect('/admin/orgs', 303);
  });

  app.post<{ Body: FormBody }>('/admin/keys', noAuth, async (request, reply) => {
    const session = guardPost(request, reply);
    if (!session) return reply;
    const { t } = localeOf(request);
    const api = new AdminApi(app, session.credential);
    const scopes = parseScopes(request.body.scopes);
    const result = await api.post<{ key?: string; name?: string }>('/admin/v1/keys', {
      name: request.body.name ?? '',
      org_id: request.body.org_id || undefined,
      role: request.body.role || 'member',
      scopes: scopes.length > 0 ? scopes : null,
    });
    if (result.ok && result.data.key) {
      session.flash = {
        kind: 'new-key',
        key: result.data.key,
        name: result.data.name ?? request.body.name ?? '',
      };
      return reply.redirect('/admin/orgs#new-key', 303);
    }
    flashResult(session, t, result);
    return reply.redirect('/admin/orgs', 303);
  });

  app.post<{ Body: FormBody; Params: { id: string } }>(
    '/admin/keys/:id/scopes',
    noAuth,
    async (request, reply) => {
      const session = guardPost(request, reply);
      if (!session) return reply;
      const { t } = localeOf(request);
      const scopes = parseScopes(request.body.scopes);
      const result = await new AdminApi(app, session.credential).request(
        'PATCH',
        `/admin/v1/keys/${encodeURIComponent(request.params.id)}`,
        { scopes: scopes.length > 0 ? scopes : null },
      );
      flashResult(session, t, result);
      return reply.redirect('/admin/orgs', 303);
    },
  );

  app.post<{ Body: FormBody; Params: { id: string } }>(
    '/admin/keys/:id/revoke',
    noAuth,
    async (request, reply) => {
      const session = guardPost(request, reply);
      if (!session) return reply;
      const { t } = localeOf(request);
      const api = new AdminApi(app, session.credential);
      const result = await api.post(`/admin/v1/keys/${encodeURIComponent(request.params.id)}/revoke`);
      flashResult(session, t, result);
      return reply.redirect('/admin/orgs', 303);
    },
  );

  app.post<{ Body: FormBody; Params: { id: string } }>(
    '/admin/tickets/:id/status',
    noAuth,
    async (request, reply) => {
      const session = guardPost(request, reply);
      if (!session) return reply;
      const { t } = localeOf(request);
      const status = request.body.status ?? '';
      const result = ['open', 'in_progress', 'closed'].includes(status)
        ? await new AdminApi(app, session.credential).request(
            'PATCH',
            `/admin/v1/assistant/tickets/${encodeURIComponent(request.params.id)}`,
            { status },
          )
        : { ok: false, message: status };
      flashResult(session, t, result);
      return reply.redirect('/admin/quality', 303);
    },
  );

  app.get('/admin/usage.csv', noAuth, async (request, reply) => {
    const session = sessionOf(request);
    if (!session) return reply.redirect('/admin/sign-in?required=1', 303);
    const query = request.query as Record<string, string>;
    const group = ['day', 'model', 'org', 'key'].includes(query.group_by ?? '') ? query.group_by! : 'day';
    const period = usagePeriod(query);
    const result = await new AdminApi(app, session.credential).get<string>(usageCsvUrl(period, group));
    if (!result.ok) return reply.status(result.status).type('text/plain; charset=utf-8').send(result.message);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="khidma-usage-${group}-${period.from}_${period.to}.csv"`,
      )
      .header('cache-control', 'no-store')
      .send(typeof result.data === 'string' ? result.data : JSON.stringify(result.data));
  });

  for (const [path, page] of Object.entries(PAGES)) {
    app.get(path, noAuth, async (request, reply) => {
      const session = sessionOf(request);
      if (!session) return reply.redirect('/admin/sign-in?required=1', 303);
      const locale = rememberLocale(request, reply);
      const t = translatorFor(locale);
      const query = Object.fromEntries(
        Object.entries((request.query ?? {}) as Record<string, unknown>).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      );
      const body = await page.render({
        api: new AdminApi(app, session.credential),
        session,
        locale,
        t,
        query,
      });
      return send(
        reply,
        200,
        renderPage({
          locale,
          t,
          title: t(page.title),
          body,
          assets: opts.assets(),
          variant: 'admin',
          url: request.url,
          current: path,
          headerExtra: identityHeader(session, t),
        }),
      );
    });
  }
}

/** Resolves a credential through the admin API; only platform admins and org-admins may sign in. */
async function identify(app: FastifyInstance, token: string): Promise<AdminIdentity | null> {
  if (token.length > 512) return null;
  const me = await new AdminApi(app, token).get<{
    kind?: string;
    role?: string;
    org_id?: string | null;
    org_name?: string | null;
    key_prefix?: string | null;
  }>('/admin/v1/me');
  if (!me.ok) return null;
  const role = me.data.role;
  if (role !== 'admin' && role !== 'org-admin') return null;
  return {
    role,
    orgId: me.data.org_id ?? undefined,
    orgName: me.data.org_name ?? undefined,
    label: me.data.kind === 'admin' ? '' : (me.data.key_prefix ?? ''),
  };
}

/** "chat, embed*" → ["chat", "embed*"]: commas or spaces separate model ids (at most 200). */
function parseScopes(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 128)
    .slice(0, 200);
}
