import type { UsageRecord } from '@khidma/gateway';
import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * Gateway metrics fed from the usage meter's batches (off the request path): requests, tokens, cost
 * in MAD, latency and time to first token, by public model, provider and outcome. No tenant labels,
 * to keep cardinality bounded; per-tenant figures come from /v1/usage.
 */
export function gatewayMetrics(registry: Registry): (records: UsageRecord[]) => void {
  const registers = [registry];
  const requests = new Counter({
    name: 'khidma_gateway_requests_total',
    help: 'Gateway requests by endpoint, public model, provider and status',
    labelNames: ['endpoint', 'model', 'provider', 'status'] as const,
    registers,
  });
  const tokens = new Counter({
    name: 'khidma_gateway_tokens_total',
    help: 'Tokens by public model, provider and kind (prompt, completion)',
    labelNames: ['model', 'provider', 'kind'] as const,
    registers,
  });
  const cost = new Counter({
    name: 'khidma_gateway_cost_mad_total',
    help: 'Cost in Moroccan dirhams by public model and provider',
    labelNames: ['model', 'provider'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'khidma_gateway_request_duration_seconds',
    help: 'Gateway request duration by public model and provider',
    labelNames: ['model', 'provider', 'stream'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 40, 60, 120],
    registers,
  });
  const ttft = new Histogram({
    name: 'khidma_gateway_time_to_first_token_seconds',
    help: 'Time to the first streamed token by public model and provider',
    labelNames: ['model', 'provider'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers,
  });
  return (records) => {
    for (const r of records) {
      const provider = r.provider ?? 'none';
      requests.inc({ endpoint: r.endpoint, model: r.model, provider, status: r.status });
      if (r.promptTokens) tokens.inc({ model: r.model, provider, kind: 'prompt' }, r.promptTokens);
      if (r.completionTokens)
        tokens.inc({ model: r.model, provider, kind: 'completion' }, r.completionTokens);
      if (r.costMad) cost.inc({ model: r.model, provider }, r.costMad);
      latency.observe({ model: r.model, provider, stream: String(r.stream) }, r.latencyMs / 1000);
      if (r.ttftMs !== null) ttft.observe({ model: r.model, provider }, r.ttftMs / 1000);
    }
  };
}
