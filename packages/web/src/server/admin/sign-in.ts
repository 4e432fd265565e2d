import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MessageKey } from '../../i18n/translate.js';
import { html } from '../html.js';
import { rememberLocale, translatorFor } from '../i18n.js';
import { type PageAssets, renderPage } from '../page.js';
import { AdminApi } from './api-client.js';
import {
  consoleCookie,
  cookieValue,
  type FormBody,
  guardPost,
  noAuth,
  PRESIGN_COOKIE,
  SESSION_COOKIE,
  sameOrigin,
  sendHtml,
  sessionOf,
} from './console-http.js';
import { type AdminIdentity, newToken, type SessionStore, tokensEqual } from './session.js';

export interface SignInOptions {
  sessions: SessionStore;
  assets: () => PageAssets;
  /** Max failed sign-ins per client address per minute. */
  limit: number;
}

/**
 * Signing in and out of the console. The sign-in form carries its own CSRF token (a pre-session
 * cookie), failed attempts are rate-limited per address, and a successful sign-in always starts a new
 * session whose id is the only thing the browser receives.
 */
export function registerSignIn(app: FastifyInstance, opts: SignInOptions): void {
  const { sessions, limit } = opts;
  const attempts = new Map<string, { count: number; since: number }>();

  const signInPage = (request: FastifyRequest, reply: FastifyReply, status: number, error?: MessageKey) => {
    const locale = rememberLocale(request, reply);
    const t = translatorFor(locale);
    const csrf = newToken(24);
    reply.header('set-cookie', consoleCookie(request, PRESIGN_COOKIE, csrf, 1800));
    const body = html`<div class="signin"><h1>${t('admin.signIn.title')}</h1>
${error ? html`<p class="status-bad" role="alert">${t(error)}</p>` : ''}
<form method="post" action="/admin/sign-in" class="panel">
<input type="hidden" name="_csrf" value="${csrf}">
<label for="token">${t('admin.signIn.tokenLabel')}</label>
<input type="password" id="token" name="token" required autocomplete="current-password" dir="ltr" maxlength="512" aria-describedby="token-hint">
<p class="hint" id="token-hint">${t('admin.signIn.hint')}</p>
<p><button type="submit">${t('admin.signIn.submit')}</button></p>
</form></div>`;
    return sendHtml(
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
    reply.redirect(sessionOf(sessions, request) ? '/admin/orgs' : '/admin/sign-in', 303),
  );
  app.get('/admin/', noAuth, async (_request, reply) => reply.redirect('/admin', 303));

  app.get('/admin/sign-in', noAuth, async (request, reply) => {
    if (sessionOf(sessions, request)) return reply.redirect('/admin/orgs', 303);
    return signInPage(
      request,
      reply,
      200,
      (request.query as FormBody).required ? 'admin.signIn.required' : undefined,
    );
  });

  app.post<{ Body: FormBody }>('/admin/sign-in', noAuth, async (request, reply) => {
    const body = request.body ?? {};
    if (!sameOrigin(request) || !tokensEqual(cookieValue(request, PRESIGN_COOKIE), body._csrf))
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
    sessions.destroy(cookieValue(request, SESSION_COOKIE));
    const session = sessions.create(token, identity);
    reply.header('set-cookie', [
      consoleCookie(request, SESSION_COOKIE, session.id),
      consoleCookie(request, PRESIGN_COOKIE, '', 0),
    ]);
    return reply.redirect('/admin/orgs', 303);
  });

  app.post<{ Body: FormBody }>('/admin/sign-out', noAuth, async (request, reply) => {
    const session = guardPost(request, reply, sessions, opts.assets);
    if (!session) return reply;
    sessions.destroy(session.id);
    reply.header('set-cookie', consoleCookie(request, SESSION_COOKIE, '', 0));
    return reply.redirect('/admin/sign-in', 303);
  });
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
