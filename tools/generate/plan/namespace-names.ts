import type { Random } from '../random.js';
import { AREAS, ENVIRONMENTS, PRODUCTS } from '../words.js';

/** Identity of an application namespace before budgets are attached. */
export interface NamespaceIdentity {
  readonly name: string;
  readonly product: string;
  readonly env: string;
}

function draw(rng: Random): NamespaceIdentity {
  const product = rng.pick(PRODUCTS);
  const shape = rng.weighted([
    ['product-env', 60],
    ['product-area-env', 28],
    ['preview', 12],
  ] as const);
  if (shape === 'preview') return { name: `pr-${rng.int(100, 9999)}-${product}`, product, env: 'preview' };
  const env = rng.weighted(ENVIRONMENTS.map((e, i) => [e, [5, 4, 4, 2, 1][i]!] as const));
  const name = shape === 'product-env' ? `${product}-${env}` : `${product}-${rng.pick(AREAS)}-${env}`;
  return { name, product, env };
}

/** `count` distinct application namespace names, in the shapes real clusters accumulate. */
export function planNamespaceNames(
  count: number,
  taken: ReadonlySet<string>,
  rng: Random,
): NamespaceIdentity[] {
  const used = new Set(taken);
  const out: NamespaceIdentity[] = [];
  while (out.length < count) {
    let identity = draw(rng);
    for (let attempt = 2; used.has(identity.name); attempt++) {
      identity = attempt < 20 ? draw(rng) : { ...identity, name: `${identity.name}-${attempt}` };
    }
    used.add(identity.name);
    out.push(identity);
  }
  return out;
}
