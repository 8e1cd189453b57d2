/**
 * Split `total` into integers proportional to `weights` (largest-remainder method), so budgets
 * add up exactly to the target count. Ties go to the lower index, keeping the result deterministic.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || weights.length === 0) return weights.map(() => 0);
  if (sum <= 0)
    return allocate(
      total,
      weights.map(() => 1),
    );
  const shares = weights.map((w) => (total * w) / sum);
  const out = shares.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = shares
    .map((s, i) => [s - Math.floor(s), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = order[k]![1];
    out[i] = out[i]! + 1;
  }
  return out;
}
