// Next best offer: item-to-item association rules X → Y learned from which customers bought which products.
// A "basket" is a customer's whole history (products with a positive net quantity), not one order: the
// question is what a customer who owns X tends to own too.

export interface Rule {
  from: string;
  to: string;
  /** Customers who bought both. */
  together: number;
  /** Share of all customers who bought both. */
  support: number;
  /** Share of X's buyers who also bought Y. */
  confidence: number;
  /** Confidence over Y's share of all customers: above 1, X's buyers take Y more than customers at large. */
  lift: number;
}

export interface RuleOptions {
  /** Fewest customers who bought both for a rule to count (one coincidence is no evidence). */
  minTogether?: number;
  /** Rules kept per product X, by confidence: bounds the scoring work (docs/analytics.md). */
  perProduct?: number;
}

export interface Recommendation {
  productId: string;
  rank: number;
  /** The rule that recommends it most strongly: "bought X; 38% of X buyers also bought Y". */
  because: Rule;
}

const byStrength = (a: Rule, b: Rule) => b.confidence - a.confidence || b.lift - a.lift || b.together - a.together || (a.to < b.to ? -1 : a.to > b.to ? 1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0);

/** Association rules X → Y with lift above 1 and at least `minTogether` common buyers, the strongest per X. */
export function learnRules(baskets: Map<string, Set<string>>, { minTogether = 2, perProduct = 25 }: RuleOptions = {}): Map<string, Rule[]> {
  const productIndex = new Map<string, number>();
  const products: string[] = [];
  const buyers: number[] = [];
  const encoded: number[][] = [];
  for (const basket of baskets.values()) {
    const items: number[] = [];
    for (const product of basket) {
      let at = productIndex.get(product);
      if (at === undefined) {
        at = products.length;
        productIndex.set(product, at);
        products.push(product);
        buyers.push(0);
      }
      buyers[at]!++;
      items.push(at);
    }
    encoded.push(items.sort((a, b) => a - b));
  }
  // Unordered pair counts, keyed i·P + j with i < j (a number key: several million pairs stay fast).
  const P = products.length;
  const pairs = new Map<number, number>();
  for (const items of encoded)
    for (let a = 0; a < items.length; a++)
      for (let b = a + 1; b < items.length; b++) {
        const key = items[a]! * P + items[b]!;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
  const customers = baskets.size;
  const rules = new Map<string, Rule[]>();
  const add = (x: number, y: number, together: number) => {
    const confidence = together / buyers[x]!;
    const lift = confidence / (buyers[y]! / customers);
    if (lift <= 1) return;
    const list = rules.get(products[x]!) ?? [];
    list.push({ from: products[x]!, to: products[y]!, together, support: together / customers, confidence, lift });
    rules.set(products[x]!, list);
  };
  for (const [key, together] of pairs) {
    if (together < minTogether) continue;
    const i = Math.floor(key / P);
    const j = key % P;
    add(i, j, together);
    add(j, i, together);
  }
  for (const [product, list] of rules) rules.set(product, list.sort(byStrength).slice(0, perProduct));
  return rules;
}

/** The `limit` products a customer has not bought with the strongest rule from something they did buy. */
export function recommend(basket: Set<string>, rules: Map<string, Rule[]>, limit = 5): Recommendation[] {
  const best = new Map<string, Rule>();
  for (const product of basket)
    for (const rule of rules.get(product) ?? []) {
      if (basket.has(rule.to)) continue;
      const known = best.get(rule.to);
      if (!known || byStrength(rule, known) < 0) best.set(rule.to, rule);
    }
  return [...best.values()]
    .sort(byStrength)
    .slice(0, limit)
    .map((rule, i) => ({ productId: rule.to, rank: i + 1, because: rule }));
}
