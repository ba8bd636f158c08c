/**
 * The benchmark's unit of output: one figure, measured next to its baseline in the same run,
 * with the target it is held to. `run.ts` prints them as a table and writes them to
 * bench/results.json.
 */

/** How a target is judged: on the absolute value, or on the ratio to the baseline. */
export type Target =
  | { kind: 'max'; value: number; text: string }
  | { kind: 'min-ratio'; value: number; text: string }
  | { kind: 'max-ratio'; value: number; text: string };

export interface Figure {
  /** The benchmark number and name, e.g. `2 slack`. */
  group: string;
  name: string;
  unit: string;
  ours: number | null;
  baseline: number | null;
  /** ours / baseline. */
  ratio: number | null;
  target?: Target;
  /** True/false when there is a target and both numbers exist. */
  met?: boolean;
  note?: string;
}

/** Builds a figure, computing the ratio and whether the target is met. */
export function figure(input: Omit<Figure, 'ratio' | 'met'>): Figure {
  const finite = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);
  const f = { ...input, ours: finite(input.ours), baseline: finite(input.baseline) };
  const ratio = f.ours !== null && f.baseline !== null && f.baseline !== 0 ? f.ours / f.baseline : null;
  let met: boolean | undefined;
  if (f.target && f.ours !== null) {
    if (f.target.kind === 'max') met = f.ours < f.target.value;
    else if (ratio !== null) met = f.target.kind === 'min-ratio' ? ratio >= f.target.value : ratio <= f.target.value;
  }
  return { ...f, ratio, ...(met === undefined ? {} : { met }) };
}

/** A number for the table: more decimals for small values. */
export function fmt(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return 'n/a';
  const a = Math.abs(n);
  return a >= 100 ? n.toFixed(0) : a >= 10 ? n.toFixed(1) : a >= 1 ? n.toFixed(2) : n.toFixed(3);
}

/** The results as an aligned text table. */
export function table(figures: readonly Figure[]): string {
  const head = ['#', 'figure', 'unit', 'ours', 'baseline', 'ratio', 'target', 'ok'];
  const rows = figures.map((f) => [
    f.group,
    f.name,
    f.unit,
    fmt(f.ours),
    fmt(f.baseline),
    f.ratio === null ? 'n/a' : `${f.ratio.toFixed(2)}×`,
    f.target?.text ?? '',
    f.met === undefined ? '' : f.met ? 'yes' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([3, 4, 5]);
  const line = (r: string[]) => r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
