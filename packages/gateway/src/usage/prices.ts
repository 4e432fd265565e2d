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

  priceOf(provider: string, model: string): ModelPrice | null {
    const id = `${provider}/${model}`;
    let p = this.cache.get(id);
    if (p !== undefined) return p;
    p = this.exact.get(id) ?? this.exact.get(model) ?? null;
    if (!p) {
      for (const [prefix, price] of this.prefixes) {
        if (id.startsWith(prefix) || model.startsWith(prefix)) {
          p = price;
          break;
        }
      }
    }
    this.cache.set(id, p ?? null);
    return p ?? null;
  }

  /** Cost in MAD, rounded to the micro-dirham. */
  cost(provider: string, model: string, promptTokens: number, completionTokens: number): number {
    const p = this.priceOf(provider, model);
    if (!p) return 0;
    const mad = (promptTokens * p.inputPerMTokMad + completionTokens * p.outputPerMTokMad) / 1_000_000;
    return Math.round(mad * 1_000_000) / 1_000_000;
  }
}
