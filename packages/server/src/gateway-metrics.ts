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
  // Labelled children are cached per label set: prom-client otherwise hashes a fresh label object for
  // every observation, and this runs for every request.
  type CounterChild = ReturnType<typeof requests.labels>;
  type HistogramChild = ReturnType<typeof latency.labels>;
  interface Children {
    requests: CounterChild;
    latency: HistogramChild;
    prompt: CounterChild;
    completion: CounterChild;
    cost: CounterChild;
    ttft: HistogramChild;
  }
  const children = new Map<string, Children>();
  const childrenOf = (r: UsageRecord): Children => {
    const provider = r.provider ?? 'none';
    const id = `${r.endpoint}\u0000${r.model}\u0000${provider}\u0000${r.status}\u0000${r.stream}`;
    let c = children.get(id);
    if (!c) {
      const model = r.model;
      c = {
        requests: requests.labels({ endpoint: r.endpoint, model, provider, status: r.status }),
        latency: latency.labels({ model, provider, stream: String(r.stream) }),
        prompt: tokens.labels({ model, provider, kind: 'prompt' }),
        completion: tokens.labels({ model, provider, kind: 'completion' }),
        cost: cost.labels({ model, provider }),
        ttft: ttft.labels({ model, provider }),
      };
      children.set(id, c);
    }
    return c;
  };
  return (records) => {
    for (const r of records) {
      const c = childrenOf(r);
      c.requests.inc();
      if (r.promptTokens) c.prompt.inc(r.promptTokens);
      if (r.completionTokens) c.completion.inc(r.completionTokens);
      if (r.costMad) c.cost.inc(r.costMad);
      c.latency.observe(r.latencyMs / 1000);
      if (r.ttftMs !== null) c.ttft.observe(r.ttftMs / 1000);
    }
  };
}
