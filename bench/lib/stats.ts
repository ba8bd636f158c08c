/** Small statistics helpers for the benchmarks (sorted-sample quantiles, medians, means). */

/** The q-quantile (0–1) of an ascending array; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** A sorted copy. */
export const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** The median of any array. */
export const median = (xs: readonly number[]): number => quantile(sorted(xs), 0.5);

/** The arithmetic mean; NaN when empty. */
export const mean = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Median, p95, p99 and max of a sample. */
export function summary(xs: readonly number[]): { n: number; median: number; p95: number; p99: number; max: number } {
  const s = sorted(xs);
  return { n: s.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s[s.length - 1] ?? NaN };
}
