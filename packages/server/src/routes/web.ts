import { type PrivacyFacts, type ProcedureSource, type ProcedureView, webPlugin } from '@khidma/web';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';
import { parsePrivacyConfig, policyFor, providerClasses } from '../privacy/index.js';
import { adminConsoleRoutes } from './admin-console.js';

/** The part of the knowledge service (ctx.services.knowledge, owned by packages/knowledge) the pages use. */
interface KnowledgeForWeb {
  kb: {
    index: { listProcedures(): ProcedureView[]; getProcedure(id: string): ProcedureView | undefined };
    search(
      query: string,
      opts?: { limit?: number; preferLang?: 'fr' | 'ar' | 'en' | 'zgh' },
    ): Promise<{ hits: { id: string; kind: string; procedure?: ProcedureView }[] }>;
  };
}

const PREFER: Record<string, 'fr' | 'ar' | 'en' | 'zgh'> = {
  ar: 'ar',
  ary: 'ar',
  'ary-Latn': 'fr',
  fr: 'fr',
  zgh: 'zgh',
  en: 'en',
};

/**
 * Procedures for the server-rendered pages, read from the knowledge service at request time (it is a
 * promise in `ctx.services.knowledge`, created when the assistant routes register).
 */
export function knowledgeProcedures(ctx: AppContext): ProcedureSource {
  const service = async (): Promise<KnowledgeForWeb | undefined> =>
    (await (ctx.services.knowledge as Promise<KnowledgeForWeb> | KnowledgeForWeb | undefined)) ?? undefined;
  return {
    async list() {
      return (await service())?.kb.index.listProcedures() ?? [];
    },
    async get(id) {
      return (await service())?.kb.index.getProcedure(id);
    },
    async search(query, locale) {
      const svc = await service();
      if (!svc) return [];
      const result = await svc.kb.search(query, { limit: 50, preferLang: PREFER[locale] });
      const seen = new Set<string>();
      const out: ProcedureView[] = [];
      for (const hit of result.hits) {
        const procedure =
          hit.procedure ?? (hit.kind === 'procedure' ? svc.kb.index.getProcedure(hit.id) : undefined);
        if (procedure && !seen.has(procedure.id)) {
          seen.add(procedure.id);
          out.push(procedure);
        }
      }
      return out;
    },
  };
}

/**
 * What the citizen privacy notice states, from the live configuration: the controller and contact of
 * the processing register, the instance's retention, and which data classes each provider may receive
 * under the default policy (personal data abroad only pseudonymised, or never; sensitive data in Morocco).
 */
export function privacyFacts(ctx: AppContext): PrivacyFacts {
  const privacy = parsePrivacyConfig(ctx.config.privacy);
  const policy = policyFor(privacy, null);
  return {
    retentionDays: policy.retentionDays,
    providers: ctx.config.providers.map((p) => ({
      id: p.id,
      location: p.location,
      dataClasses: providerClasses(p).filter(
        (c) =>
          // As the privacy guard decides: sensitive data never leaves Morocco, whatever a provider accepts.
          !(c === 'sensitive' && (policy.sensitive === 'refuse' || p.location !== 'MA')) &&
          !(c === 'personal' && p.location !== 'MA' && policy.personalAbroad === 'refuse'),
      ),
    })),
    controller: privacy.register.controller,
    contact: privacy.register.contact ?? privacy.register.dpo,
  };
}

/** The citizen app, procedure pages and admin console (packages/web), served by this server. */
export const webRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.khidma;
  // Aggregates the console needs that no other admin API provides (see admin-console.ts).
  await app.register(adminConsoleRoutes);
  await app.register(webPlugin, {
    procedures: knowledgeProcedures(ctx),
    privacyFacts: () => privacyFacts(ctx),
  });
};
