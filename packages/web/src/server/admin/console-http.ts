import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LocaleId } from '../../i18n/locales.js';
import type { Translate } from '../../i18n/translate.js';
import { parseCookies, serializeCookie } from '../cookies.js';
import { html } from '../html.js';
import { requestLocale, translatorFor } from '../i18n.js';
import { type PageAssets, renderPage } from '../page.js';
import { type AdminSession, type SessionStore, tokensEqual } from './session.js';

/** HTTP plumbing shared by the console's routes: cookies, origin and CSRF checks, HTML replies. */
export const SESSION_COOKIE = 'khidma_admin';
export const PRESIGN_COOKIE = 'khidma_signin_csrf';
const COOKIE_PATH = '/admin';

/** Console routes opt out of the API's bearer hook: they authenticate with the session cookie. */
export const noAuth = { config: { auth: 'none' as const } };

export interface FormBody {
  [field: string]: string | undefined;
}

/** A console cookie: httpOnly, SameSite=Strict, scoped to /admin, Secure over https; max age 0 deletes it. */
export function consoleCookie(
  request: FastifyRequest,
  name: string,
  value: string,
  maxAgeSeconds?: number,
): string {
  return serializeCookie(name, value, {
    httpOnly: true,
    sameSite: 'Strict',
    path: COOKIE_PATH,
    secure: request.protocol === 'https',
    maxAgeSeconds,
  });
}

export function cookieValue(request: FastifyRequest, name: string): string | undefined {
  return parseCookies(request.headers.cookie)[name];
}

export function sessionOf(sessions: SessionStore, request: FastifyRequest): AdminSession | undefined {
  return sessions.get(cookieValue(request, SESSION_COOKIE));
}

export function localeOf(request: FastifyRequest): { locale: LocaleId; t: Translate } {
  const { locale } = requestLocale(request);
  return { locale, t: translatorFor(locale) };
}

/** Console pages are personal: never cached. */
export function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(body);
}

/** Same-origin check (defence in depth besides the CSRF token and SameSite=Strict). */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Every state-changing console request needs a live session, the same origin and the session's CSRF
 * token. Returns the session, or null after answering (redirect to sign-in, or a 403 page).
 */
export function guardPost(
  request: FastifyRequest<{ Body: FormBody }>,
  reply: FastifyReply,
  sessions: SessionStore,
  assets: () => PageAssets,
): AdminSession | null {
  const session = sessionOf(sessions, request);
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
      assets: assets(),
      variant: 'admin',
      url: '/admin/orgs',
      nav: false,
    });
    void sendHtml(reply, 403, page);
    return null;
  }
  return session;
}
