import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MessageKey, Translate } from '../../i18n/translate.js';
import { html, type SafeHtml } from '../html.js';
import { rememberLocale, translatorFor } from '../i18n.js';
import { type PageAssets, renderPage } from '../page.js';
import { AdminApi } from './api-client.js';
import { type FormBody, guardPost, localeOf, noAuth, sendHtml, sessionOf } from './console-http.js';
import { type AdminPageContext, csrfField } from './context.js';
import { renderOrgsPage } from './page-orgs.js';
import {
  renderAuditPage,
  renderPrivacyPage,
  renderProvidersPage,
  renderQualityPage,
} from './page-platform.js';
import { renderUsagePage, usageCsvUrl, usagePeriod } from './page-usage.js';
import { type AdminSession, SessionStore } from './session.js';
import { registerSignIn } from './sign-in.js';

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

/**
 * The administration console: server-rendered pages over the admin API. Every route opts out of the
 * API's bearer-token hook (`auth: 'none'`) and authenticates with the console's own session cookie.
 */
export async function registerAdminConsole(app: FastifyInstance, opts: AdminConsoleOptions): Promise<void> {
  const sessions = opts.sessions ?? new SessionStore();
  registerSignIn(app, { sessions, assets: opts.assets, limit: opts.signInRateLimit ?? 10 });
  const guard = (request: Parameters<typeof guardPost>[0], reply: Parameters<typeof guardPost>[1]) =>
    guardPost(request, reply, sessions, opts.assets);

  const identityHeader = (session: AdminSession, t: Translate) =>
    html`<div class="who"><p>${t('admin.signedInAs', {
      who: `${session.identity.label || t('admin.masterToken')}${session.identity.orgName ? ` · ${session.identity.orgName}` : ''}`,
    })} (${session.identity.role === 'admin' ? t('admin.role.admin') : t('admin.role.orgAdmin')})</p>
<form method="post" action="/admin/sign-out">${csrfField(session)}<button type="submit" class="secondary">${t('admin.signOut')}</button></form></div>`;

  const flashResult = (session: AdminSession, t: Translate, result: { ok: boolean; message?: string }) => {
    session.flash = result.ok
      ? { kind: 'message', ok: true, text: t('admin.done') }
      : { kind: 'message', ok: false, text: t('admin.failed', { reason: result.message ?? '' }) };
  };

  type ActionRequest = FastifyRequest<{ Body: FormBody; Params: { id?: string } }>;
  /** A console form: guarded, one admin API call, its outcome flashed on the page it returns to. */
  const action = (
    path: string,
    back: string,
    run: (api: AdminApi, request: ActionRequest) => Promise<{ ok: boolean; message?: string }>,
  ) =>
    app.post<{ Body: FormBody; Params: { id?: string } }>(path, noAuth, async (request, reply) => {
      const session = guard(request, reply);
      if (!session) return reply;
      const result = await run(new AdminApi(app, session.credential), request);
      flashResult(session, localeOf(request).t, result);
      return reply.redirect(back, 303);
    });
  const idOf = (request: ActionRequest) => encodeURIComponent(request.params.id ?? '');

  action('/admin/orgs', '/admin/orgs', (api, request) => {
    const slug = request.body.slug?.trim();
    return api.post('/admin/v1/orgs', { name: request.body.name ?? '', ...(slug ? { slug } : {}) });
  });

  action('/admin/keys/:id/scopes', '/admin/orgs', (api, request) => {
    const scopes = parseScopes(request.body.scopes);
    return api.request('PATCH', `/admin/v1/keys/${idOf(request)}`, {
      scopes: scopes.length > 0 ? scopes : null,
    });
  });

  action('/admin/keys/:id/revoke', '/admin/orgs', (api, request) =>
    api.post(`/admin/v1/keys/${idOf(request)}/revoke`),
  );

  action('/admin/tickets/:id/status', '/admin/quality', async (api, request) => {
    const status = request.body.status ?? '';
    return ['open', 'in_progress', 'closed'].includes(status)
      ? api.request('PATCH', `/admin/v1/assistant/tickets/${idOf(request)}`, { status })
      : { ok: false, message: status };
  });

  // Creating a key is the one action with its own outcome: the secret, shown once.
  app.post<{ Body: FormBody }>('/admin/keys', noAuth, async (request, reply) => {
    const session = guard(request, reply);
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

  app.get('/admin/usage.csv', noAuth, async (request, reply) => {
    const session = sessionOf(sessions, request);
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
      const session = sessionOf(sessions, request);
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
      return sendHtml(
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

/** "chat, embed*" → ["chat", "embed*"]: commas or spaces separate model ids (at most 200). */
function parseScopes(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && s.length <= 128)
    .slice(0, 200);
}
