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

/** Most cells of the flat pair-count array (16M: 64 MB). */
const DENSE_PAIRS = 16_000_000;

function* denseEntries(counts: Uint32Array): Generator<[number, number]> {
  for (let key = 0; key < counts.length; key++) if (counts[key]! > 0) yield [key, counts[key]!];
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
  // Unordered pair counts at i·P + j with i < j: a flat typed array while P² stays small (a few thousand
  // products: tens of MB, several times faster than a map), a map of number keys beyond.
  const P = products.length;
  const dense = P * P <= DENSE_PAIRS ? new Uint32Array(P * P) : null;
  const sparse = new Map<number, number>();
  for (const items of encoded)
    for (let a = 0; a < items.length; a++)
      for (let b = a + 1; b < items.length; b++) {
        const key = items[a]! * P + items[b]!;
        if (dense) dense[key]!++;
        else sparse.set(key, (sparse.get(key) ?? 0) + 1);
      }
  const pairs: Iterable<[number, number]> = dense ? denseEntries(dense) : sparse;
  const customers = baskets.size;
  // Per product X its strongest rules so far, best first: a candidate weaker than the last of a full list is
  // dropped before it becomes an object (most pairs are).
  const rules = new Map<string, Rule[]>();
  const add = (x: number, y: number, together: number) => {
    const confidence = together / buyers[x]!;
    const lift = confidence / (buyers[y]! / customers);
    if (lift <= 1) return;
    const from = products[x]!;
    const list = rules.get(from) ?? [];
    const last = list[perProduct - 1];
    if (last && (confidence < last.confidence || (confidence === last.confidence && lift < last.lift))) return;
    const rule = { from, to: products[y]!, together, support: together / customers, confidence, lift };
    let at = list.length;
    while (at > 0 && byStrength(rule, list[at - 1]!) < 0) at--;
    list.splice(at, 0, rule);
    if (list.length > perProduct) list.pop();
    rules.set(from, list);
  };
  for (const [key, together] of pairs) {
    if (together < minTogether) continue;
    const i = Math.floor(key / P);
    const j = key % P;
    add(i, j, together);
    add(j, i, together);
  }
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
