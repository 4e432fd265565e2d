/** Price of a model in Moroccan dirhams per million tokens. */
export interface ModelPrice {
  inputPerMTokMad: number;
  outputPerMTokMad: number;
}

/**
 * Price table keyed by `provider/model`, by upstream `model`, or by a prefix ending in `*`
 * (e.g. `mistral/mistral-small*`). Local models default to free unless priced.
 */
export type PriceTable = Record<string, ModelPrice>;

export class Pricer {
  private readonly exact = new Map<string, ModelPrice>();
  private readonly prefixes: [string, ModelPrice][] = [];
  private readonly cache = new Map<string, ModelPrice | null>();

  constructor(table: PriceTable = {}) {
    for (const [k, v] of Object.entries(table)) {
      if (k.endsWith('*')) this.prefixes.push([k.slice(0, -1), v]);
      else this.exact.set(k, v);
    }
    this.prefixes.sort((a, b) => b[0].length - a[0].length); // longest prefix wins
  }

  /** Looks up `provider/model`, then the upstream model, then the public model id, then prefixes. */
  priceOf(provider: string, model: string, publicModel?: string): ModelPrice | null {
    const id = `${provider}/${model}`;
    const cacheKey = publicModel ? `${id}\u0000${publicModel}` : id;
    let p = this.cache.get(cacheKey);
    if (p !== undefined) return p;
    p =
      this.exact.get(id) ??
      this.exact.get(model) ??
      (publicModel ? this.exact.get(publicModel) : undefined) ??
      null;
    if (!p) {
      for (const [prefix, price] of this.prefixes) {
        if (id.startsWith(prefix) || model.startsWith(prefix)) {
          p = price;
          break;
        }
      }
    }
    this.cache.set(cacheKey, p ?? null);
    return p ?? null;
  }

  /** Cost in MAD, rounded to the micro-dirham. */
  cost(
    provider: string,
    model: string,
    promptTokens: number,
    completionTokens: number,
    publicModel?: string,
  ): number {
    const p = this.priceOf(provider, model, publicModel);
    if (!p) return 0;
    const mad = (promptTokens * p.inputPerMTokMad + completionTokens * p.outputPerMTokMad) / 1_000_000;
    return Math.round(mad * 1_000_000) / 1_000_000;
  }
}
