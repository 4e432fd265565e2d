import { formatDate } from '../formats.js';
import { html, type SafeHtml } from '../html.js';
import { listOf } from './api-client.js';
import { type AdminPageContext, csrfField, table, unavailable } from './context.js';

interface OrgDto {
  id: string;
  slug?: string;
  name: string;
  created_at?: string;
}
interface KeyDto {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  role: string;
  scopes: string[] | null;
  status: string;
  created_at?: string;
  last_used_at?: string | null;
}

export async function renderOrgsPage(c: AdminPageContext): Promise<SafeHtml> {
  const { t, session, locale } = c;
  const isAdmin = session.identity.role === 'admin';
  const [orgsRes, keysRes] = await Promise.all([
    c.api.get<unknown>('/admin/v1/orgs'),
    c.api.get<unknown>('/admin/v1/keys?include_revoked=true'),
  ]);
  const orgs = orgsRes.ok ? listOf<OrgDto>(orgsRes.data) : [];
  const keys = keysRes.ok ? listOf<KeyDto>(keysRes.data) : [];
  const roleLabel = (role: string) =>
    role === 'admin'
      ? t('admin.role.admin')
      : role === 'org-admin'
        ? t('admin.role.orgAdmin')
        : t('admin.role.member');
  const orgName = (id: string) => orgs.find((o) => o.id === id)?.name ?? id;
  const flash = session.flash;
  session.flash = undefined;

  const newKey =
    flash?.kind === 'new-key'
      ? html`<section class="panel" id="new-key" aria-labelledby="new-key-title">
<h2 id="new-key-title">${t('admin.keys.newTitle')}: <bdi>${flash.name}</bdi></h2>
<p role="alert">${t('admin.keys.newWarning')}</p>
<code class="secret" id="new-key-value" dir="ltr">${flash.key}</code>
<p><button type="button" data-copy="new-key-value" data-copied="${t('admin.keys.copied')}" hidden>${t('admin.keys.copy')}</button>
<span id="new-key-value-status" role="status"></span></p>
</section>`
      : '';
  const message =
    flash?.kind === 'message'
      ? html`<p class="${flash.ok ? 'status-ok' : 'status-bad'}" role="${flash.ok ? 'status' : 'alert'}">${flash.text}</p>`
      : '';

  const orgRows = orgs.map(
    (o) =>
      html`<tr><td><bdi>${o.name}</bdi></td><td dir="ltr">${o.slug ?? ''}</td><td dir="ltr"><code>${o.id}</code></td><td>${formatDate(o.created_at, locale)}</td></tr>`,
  );
  const createOrg = isAdmin
    ? html`<form class="inline-form panel" method="post" action="/admin/orgs">
${csrfField(session)}
<div><label for="org-name">${t('admin.orgs.name')}</label><input id="org-name" name="name" required maxlength="200" dir="auto"></div>
<div><label for="org-slug">${t('admin.orgs.slug')}</label><input id="org-slug" name="slug" maxlength="64" pattern="[a-z0-9][a-z0-9-]*" dir="ltr"></div>
<button type="submit">${t('admin.orgs.create')}</button>
</form>`
    : '';

  const keyRows = keys.map((k) => {
    const active = k.status === 'active';
    return html`<tr>
<td><bdi>${k.name}</bdi></td><td><bdi>${orgName(k.org_id)}</bdi></td><td dir="ltr"><code>${k.prefix}</code></td><td>${roleLabel(k.role)}</td>
<td>${
      active
        ? html`<form class="inline-form" method="post" action="/admin/keys/${encodeURIComponent(k.id)}/scopes">
${csrfField(session)}<label class="visually-hidden" for="scopes-${k.id}">${t('admin.keys.scopes')} · ${k.name}</label>
<input id="scopes-${k.id}" name="scopes" dir="ltr" maxlength="2000" size="14" value="${k.scopes ? k.scopes.join(', ') : ''}" placeholder="${t('admin.keys.allModels')}">
<button type="submit" class="secondary">${t('admin.apply')}</button></form>`
        : html`<span dir="ltr">${k.scopes ? k.scopes.join(', ') : t('admin.keys.allModels')}</span>`
    }</td>
<td class="${active ? 'status-ok' : 'status-bad'}">${active ? t('admin.keys.active') : t('admin.keys.revoked')}</td>
<td>${formatDate(k.last_used_at, locale, true)}</td>
<td>${
      active
        ? html`<form method="post" action="/admin/keys/${encodeURIComponent(k.id)}/revoke" data-confirm="${t('admin.keys.confirmRevoke')}">
${csrfField(session)}<button type="submit" class="danger" aria-label="${t('admin.keys.revoke')} ${k.name}">${t('admin.keys.revoke')}</button></form>`
        : ''
    }</td></tr>`;
  });
  const orgOptions = orgs.map((o) => html`<option value="${o.id}">${o.name}</option>`);
  const createKey = html`<form class="inline-form panel" method="post" action="/admin/keys">
${csrfField(session)}
<div><label for="key-name">${t('admin.keys.name')}</label><input id="key-name" name="name" required maxlength="200" dir="auto"></div>
<div><label for="key-org">${t('admin.keys.org')}</label><select id="key-org" name="org_id" required>${orgOptions}</select></div>
<div><label for="key-role">${t('admin.keys.role')}</label><select id="key-role" name="role"><option value="member">${t('admin.role.member')}</option><option value="org-admin">${t('admin.role.orgAdmin')}</option>${
    isAdmin ? html`<option value="admin">${t('admin.role.admin')}</option>` : ''
  }</select></div>
<div><label for="key-scopes">${t('admin.keys.scopes')}</label><input id="key-scopes" name="scopes" dir="ltr" maxlength="2000" aria-describedby="key-scopes-hint"></div>
<button type="submit">${t('admin.keys.create')}</button>
<p class="hint form-note" id="key-scopes-hint">${t('admin.keys.scopesHint')}</p>
</form>`;

  return html`<h1>${t('admin.nav.orgs')}</h1>
${message}${newKey}
<h2>${t('admin.orgs.title')}</h2>
${orgsRes.ok ? '' : unavailable(t, orgsRes.message)}
${createOrg}
${table(t('admin.orgs.title'), [t('admin.orgs.name'), t('admin.orgs.slug'), t('admin.orgs.id'), t('admin.orgs.created')], orgRows, t)}
<h2>${t('admin.keys.title')}</h2>
${keysRes.ok ? '' : unavailable(t, keysRes.message)}
${orgs.length > 0 ? createKey : ''}
${table(
  t('admin.keys.title'),
  [
    t('admin.keys.name'),
    t('admin.keys.org'),
    t('admin.keys.prefix'),
    t('admin.keys.role'),
    t('admin.keys.scopes'),
    t('admin.keys.status'),
    t('admin.keys.lastUsed'),
    t('admin.actions'),
  ],
  keyRows,
  t,
)}`;
}
