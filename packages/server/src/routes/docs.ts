import type { FastifyPluginAsync } from 'fastify';
import type { OpenApiDocument } from '../openapi/registry.js';

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const INTRO: { lang: string; dir: 'ltr' | 'rtl'; text: string }[] = [
  {
    lang: 'en',
    dir: 'ltr',
    text: 'Khidma API: one OpenAI-compatible endpoint for every model, with keys, quotas, MAD budgets and audit.',
  },
  {
    lang: 'fr',
    dir: 'ltr',
    text: 'API Khidma : un point d’accès compatible OpenAI pour tous les modèles, avec clés, quotas, budgets en MAD et audit.',
  },
  {
    lang: 'ar',
    dir: 'rtl',
    text: 'واجهة خدمة: نقطة وصول واحدة متوافقة مع OpenAI لجميع النماذج، مع المفاتيح والحصص والميزانيات بالدرهم والتدقيق.',
  },
  {
    lang: 'ary',
    dir: 'rtl',
    text: 'API ديال خدمة: باب واحد متوافق مع OpenAI لكاع الموديلات، فيه السوارت، الكوطا، الميزانية بالدرهم والأوديت.',
  },
  { lang: 'zgh', dir: 'ltr', text: 'ⵜⴰⵏⵎⵍⵜ ⵏ Khidma: ⴰⵏⵙⴰ ⵢⴰⵏ ⵉⵎⵙⴰⵙⴰⵏ ⴷ OpenAI ⵉ ⵎⴰⵕⵕⴰ ⵉⵎⵓⴷⵉⵍⵏ.' },
];

/** A readable, self-contained HTML rendering of the OpenAPI document (no CDN, no script). */
export function renderDocs(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(ops)) {
      const op = raw as {
        tags?: string[];
        summary?: string;
        parameters?: { name: string; in: string; description?: string }[];
        requestBody?: { content?: Record<string, { schema?: unknown }> };
        responses?: Record<string, { description?: string }>;
        security?: unknown[];
      };
      const tag = op.tags?.[0] ?? 'Other';
      const params = (op.parameters ?? [])
        .map(
          (p) => `<li><code>${esc(p.name)}</code> <small>(${esc(p.in)})</small> ${esc(p.description)}</li>`,
        )
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description)}</li>`)
        .join('');
      const auth = op.security && op.security.length === 0 ? '' : ' -H "Authorization: Bearer $KHIDMA_KEY"';
      const curl = `curl${method === 'get' ? '' : ` -X ${method.toUpperCase()}`}${auth} $KHIDMA_URL${path}`;
      const html = `<section class="op" id="${esc(`${method}-${path}`)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary)}</p>
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}
${body ? `<h4>Request body</h4>${schemaTable(doc, body)}` : ''}
<h4>Responses</h4><ul>${responses}</ul>
<pre class="curl">${esc(curl)}</pre>
</section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const toc = [...byTag.keys()].map((t) => `<li><a href="#${esc(slug(t))}">${esc(t)}</a></li>`).join('');
  const sections = [...byTag.entries()]
    .map(([t, ops]) => {
      const desc = doc.tags.find((x) => x.name === t)?.description;
      return `<h2 id="${esc(slug(t))}">${esc(t)}</h2>${desc ? `<p>${esc(desc)}</p>` : ''}${ops.join('\n')}`;
    })
    .join('\n');
  const intro = INTRO.map((i) => `<p lang="${i.lang}" dir="${i.dir}">${esc(i.text)}</p>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc((doc.info as { title?: string }).title)} — documentation</title>
<style>
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Arabic","Noto Sans Tifinagh",sans-serif;margin:0;color:#1b1f24;background:#fbfaf7}
header{background:#0b5d4b;color:#fff;padding:1.5rem 2rem}header a{color:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem 2rem 4rem}
nav ul{columns:2;padding-left:1.2rem}
.op{border:1px solid #d8d4cc;border-radius:8px;padding:0 1rem .5rem;margin:1rem 0;background:#fff}
.m{display:inline-block;min-width:4.2rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.get{background:#1f6feb}.post{background:#0b7a4b}.patch{background:#9a6700}.delete{background:#b42318}.put{background:#6e40c9}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #e7e3da;padding:.3rem .5rem;text-align:left;vertical-align:top}
pre{background:#f3f1ec;padding:.75rem;overflow:auto;border-radius:6px;font-size:.85rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace}
[dir=rtl]{text-align:right}
:focus-visible{outline:3px solid #f59e0b}
</style></head>
<body><header><h1>${esc((doc.info as { title?: string }).title)} <small>v${esc((doc.info as { version?: string }).version)}</small></h1>
<p>${esc((doc.info as { description?: string }).description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${esc(doc.openapi)})</p></header>
<main>${intro}
<h2>Quick start</h2>
<pre>export KHIDMA_URL=http://localhost:8080 KHIDMA_KEY=kh_…   # from: npx khidma keys create --name me
curl $KHIDMA_URL/v1/chat/completions -H "Authorization: Bearer $KHIDMA_KEY" \\
  -H 'content-type: application/json' -d '{"model":"chat","messages":[{"role":"user","content":"Salam!"}]}'</pre>
<nav aria-label="Sections"><h2>Sections</h2><ul>${toc}</ul></nav>
${sections}
</main></body></html>`;
}

/** A property table for an object schema (name, type, required, description); raw JSON otherwise. */
function schemaTable(doc: OpenApiDocument, schema: unknown): string {
  const s = resolveRef(doc, schema) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
    description?: string;
  };
  if (!s?.properties) return `<pre>${esc(JSON.stringify(s, null, 2))}</pre>`;
  const rows = Object.entries(s.properties)
    .map(([name, raw]) => {
      const p = resolveRef(doc, raw) as Record<string, unknown>;
      const type = p.enum
        ? (p.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ')
        : p.const !== undefined
          ? JSON.stringify(p.const)
          : Array.isArray(p.type)
            ? p.type.join(' | ')
            : String(p.type ?? (p.oneOf ? 'one of several' : p.properties ? 'object' : 'any'));
      const req = s.required?.includes(name) ? 'required' : '';
      return `<tr><td><code>${esc(name)}</code></td><td>${esc(type)}</td><td>${req}</td><td>${esc(p.description ?? '')}</td></tr>`;
    })
    .join('');
  return `${s.description ? `<p>${esc(s.description)}</p>` : ''}<table><thead><tr><th>Field</th><th>Type</th><th></th><th>Notes</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function resolveRef(doc: OpenApiDocument, schema: unknown, depth = 0): unknown {
  if (depth > 3 || typeof schema !== 'object' || schema === null) return schema;
  const r = (schema as { $ref?: string }).$ref;
  if (r?.startsWith('#/components/schemas/'))
    return resolveRef(doc, doc.components.schemas[r.slice(21)], depth + 1);
  return schema;
}

/** /openapi.json and /docs. The document includes paths added by other packages at start. */
export const docsRoutes: FastifyPluginAsync = async (app) => {
  let html: string | null = null;
  app.get('/openapi.json', { config: { auth: 'none' } }, async () => app.khidma.openapi.document());
  app.get('/docs', { config: { auth: 'none' } }, async (_request, reply) => {
    html ??= renderDocs(app.khidma.openapi.document());
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(html);
  });
};
