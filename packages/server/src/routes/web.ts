import { type PrivacyFacts, type ProcedureSource, type ProcedureView, webPlugin } from '@khidma/web';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.js';

type AnyFn = (...args: unknown[]) => unknown;
const fn = (obj: unknown, name: string): AnyFn | undefined => {
  const value = obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[name] : undefined;
  return typeof value === 'function' ? (value as AnyFn).bind(obj) : undefined;
};

/**
 * Procedures for the server-rendered pages, read from the knowledge service at request time (it is
 * registered in `ctx.services.knowledge` by the knowledge package's wiring).
 */
export function knowledgeProcedures(ctx: AppContext): ProcedureSource {
  const service = () => ctx.services.knowledge;
  const all = async (): Promise<ProcedureView[]> => {
    const s = service() as Record<string, unknown> | undefined;
    if (!s) return [];
    const list = fn(s, 'listProcedures') ?? fn(s.catalog, 'listProcedures');
    if (list) return (await list()) as ProcedureView[];
    const catalog = (s.catalog ?? s) as { procedures?: ProcedureView[] };
    return catalog.procedures ?? [];
  };
  return {
    list: all,
    async get(id) {
      const s = service();
      const get =
        fn(s, 'getProcedure') ?? fn((s as Record<string, unknown> | undefined)?.catalog, 'getProcedure');
      if (get) return ((await get(id)) as ProcedureView | undefined) ?? undefined;
      return (await all()).find((p) => p.id === id);
    },
    async search(query) {
      const s = service();
      const search = fn(s, 'searchProcedures');
      const byId = new Map((await all()).map((p) => [p.id, p]));
      if (search) {
        const hits = (await search(query, { limit: 50 })) as {
          id?: string;
          procedureId?: string;
          procedure?: ProcedureView;
        }[];
        return hits
          .map((h) => h.procedure ?? byId.get(h.procedureId ?? h.id ?? ''))
          .filter((p): p is ProcedureView => !!p);
      }
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return [...byId.values()].filter((p) => {
        const text = JSON.stringify([p.title, p.summary, p.keywords ?? []]).toLowerCase();
        return words.every((w) => text.includes(w));
      });
    },
  };
}

const ALL_CLASSES = ['public', 'internal', 'personal', 'sensitive'];

/** What the citizen privacy notice states, from the live configuration. */
export function privacyFacts(ctx: AppContext): PrivacyFacts {
  const privacy = (ctx.config.privacy ?? {}) as Record<string, unknown>;
  const retention = (privacy.retention ?? {}) as Record<string, unknown>;
  const days = [
    retention.conversationDays,
    retention.conversationsDays,
    privacy.conversationRetentionDays,
  ].find((v): v is number => typeof v === 'number' && v > 0);
  return {
    retentionDays: days ?? 90,
    providers: ctx.config.providers.map((p) => ({
      id: p.id,
      location: p.location,
      // Without an explicit policy, providers abroad receive only public and internal data.
      dataClasses: p.dataClasses ?? (p.location === 'MA' ? ALL_CLASSES : ['public', 'internal']),
    })),
    controller: typeof privacy.controller === 'string' ? privacy.controller : undefined,
    contactEmail: typeof privacy.contactEmail === 'string' ? privacy.contactEmail : undefined,
  };
}

/** The citizen app, procedure pages and admin console (packages/web), served by this server. */
export const webRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.khidma;
  await app.register(webPlugin, {
    procedures: knowledgeProcedures(ctx),
    privacyFacts: () => privacyFacts(ctx),
  });
};
