import type { TargetHealthSnapshot } from '@khidma/gateway';
import type { FastifyPluginAsync } from 'fastify';
import { canUseModel, type Principal, requireRole } from '../auth/principal.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';

function targetToApi(h: TargetHealthSnapshot) {
  return {
    provider: h.provider,
    upstream_model: h.upstreamModel,
    state: h.state,
    consecutive_failures: h.consecutiveFailures,
    requests: h.requests,
    failures: h.failures,
    cooldown_until: h.cooldownUntil,
    last_error: h.lastError,
    last_success_at: h.lastSuccessAt,
    latency_ms_ewma: h.latencyMsEwma,
  };
}

/** Every public model with its targets, their location and live health. */
export function modelsWithHealth(ctx: AppContext) {
  const health = ctx.gateway.health();
  const location = new Map(ctx.config.providers.map((p) => [p.id, p.location]));
  return ctx.gateway.listModels().map((m) => {
    const targets = health.filter((h) => h.model === m.id);
    const states = targets.map((t) => t.state);
    const status =
      targets.length === 0
        ? 'virtual'
        : states.every((s) => s === 'cooldown')
          ? 'down'
          : states.some((s) => s !== 'healthy')
            ? 'degraded'
            : 'healthy';
    return {
      id: m.id,
      object: 'model',
      owned_by: m.owned_by,
      status,
      targets: targets.map((t) => ({ ...targetToApi(t), location: location.get(t.provider) ?? null })),
    };
  });
}

/** /admin/v1/models and /admin/v1/providers (console). /health/models lives in routes/openai.ts. */
export const catalogRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.khidma;

  // Keys see the models their scope allows; the targets behind them are shown to org-admins and up.
  const visible = (p: Principal | null) =>
    modelsWithHealth(ctx)
      .filter((m) => p && canUseModel(p, m.id))
      .map((m) => (p && p.role !== 'member' ? m : { ...m, targets: [] }));

  app.get('/admin/v1/models', async (request) => ({ object: 'list', data: visible(request.principal) }));

  app.get<{ Params: { id: string } }>('/admin/v1/models/:id', async (request) => {
    const model = visible(request.principal).find((m) => m.id === request.params.id);
    if (!model)
      throw notFound(`The model '${request.params.id}' does not exist.`, 'model_not_found', 'model');
    return model;
  });

  app.get('/admin/v1/providers', async (request) => {
    requireRole(request.principal, 'org-admin');
    const health = ctx.gateway.health();
    return {
      object: 'list',
      data: ctx.config.providers.map((p) => {
        const mine = health.filter((h) => h.provider === p.id);
        return {
          id: p.id,
          object: 'provider',
          type: p.type,
          base_url: p.baseUrl ?? null,
          location: p.location,
          sovereign: p.location === 'MA',
          data_classes: p.dataClasses ?? null,
          timeout_ms: p.timeoutMs,
          weight: p.weight,
          has_api_key: Boolean(p.apiKey),
          targets: mine.length,
          status:
            mine.length === 0
              ? 'unused'
              : mine.every((h) => h.state === 'cooldown')
                ? 'down'
                : mine.some((h) => h.state !== 'healthy')
                  ? 'degraded'
                  : 'healthy',
        };
      }),
    };
  });
};
