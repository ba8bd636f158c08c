/**
 * The benchmark's unit of output: one figure, measured next to its baseline in the same run,
 * over several rounds, with the target it is held to. `run.ts` prints them as a table and
 * writes them to bench/results.json.
 *
 * The machine may be shared (one run can be off by 3×), so a figure is built from paired
 * rounds: in each round ours and the baseline are measured back to back, and the ratio of
 * that round is taken. The figure gives the median of those ratios and their spread
 * (min–max and the interquartile range), next to the median of each side.
 */
import { quantile, sorted } from './stats.js';

/** How a target is judged: on the absolute value (median), or on the median ratio. */
export type Target =
  | { kind: 'max'; value: number; text: string }
  | { kind: 'min-ratio'; value: number; text: string }
  | { kind: 'max-ratio'; value: number; text: string };

/** The distribution of the per-round ratios. */
export interface Spread {
  rounds: number;
  min: number;
  q1: number;
  q3: number;
  max: number;
}

export interface Figure {
  /** The benchmark number and name, e.g. `2 slack`. */
  group: string;
  name: string;
  unit: string;
  /** Median over the rounds (or the single value). */
  ours: number | null;
  baseline: number | null;
  /** Median of the per-round ratios ours / baseline (or ours / baseline). */
  ratio: number | null;
  /** Spread of the per-round ratios; absent for a figure measured once. */
  spread?: Spread;
  /** Spread of ours alone, for absolute targets ('max'). */
  oursSpread?: Spread;
  target?: Target;
  /** True/false when there is a target and both numbers exist. */
  met?: boolean;
  note?: string;
  /** The raw per-round values, for results.json. */
  samples?: { ours: number[]; baseline: number[] };
}

const finite = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

/** Median, quartiles and extremes of a sample; undefined when empty. */
export function spreadOf(xs: readonly number[]): Spread | undefined {
  const s = sorted(xs.filter((x) => Number.isFinite(x)));
  if (s.length === 0) return undefined;
  return { rounds: s.length, min: s[0]!, q1: quantile(s, 0.25), q3: quantile(s, 0.75), max: s[s.length - 1]! };
}

function judge(target: Target | undefined, ours: number | null, ratio: number | null): boolean | undefined {
  if (!target || ours === null) return undefined;
  if (target.kind === 'max') return ours < target.value;
  if (ratio === null) return undefined;
  return target.kind === 'min-ratio' ? ratio >= target.value : ratio <= target.value;
}

/** Builds a figure from one value per side, computing the ratio and whether the target is met. */
export function figure(input: Omit<Figure, 'ratio' | 'met' | 'spread' | 'oursSpread' | 'samples'>): Figure {
  const f = { ...input, ours: finite(input.ours), baseline: finite(input.baseline) };
  const ratio = f.ours !== null && f.baseline !== null && f.baseline !== 0 ? f.ours / f.baseline : null;
  const met = judge(f.target, f.ours, ratio);
  return { ...f, ratio, ...(met === undefined ? {} : { met }) };
}

/**
 * Builds a figure from paired rounds: `ours[i]` and `baseline[i]` were measured back to back.
 * The ratio is the median of the per-round ratios (pairing cancels slow drift in the
 * machine's load); ours and baseline are each side's median. A single-valued baseline (one
 * measurement for all rounds) may be given as an array of length 1.
 */
export function roundsFigure(input: Omit<Figure, 'ratio' | 'met' | 'spread' | 'oursSpread' | 'samples' | 'ours' | 'baseline'> & { ours: number[]; baseline: number[] }): Figure {
  const { ours, baseline, ...rest } = input;
  const mid = (xs: number[]) => finite(quantile(sorted(xs.filter((x) => Number.isFinite(x))), 0.5));
  const o = mid(ours);
  const b = mid(baseline);
  const ratios = ours.map((x, i) => x / (baseline.length === 1 ? baseline[0]! : baseline[i]!)).filter((r) => Number.isFinite(r));
  const spread = spreadOf(ratios);
  const ratio = spread ? quantile(sorted(ratios), 0.5) : null;
  const met = judge(rest.target, o, ratio);
  const oursSpread = spreadOf(ours);
  return {
    ...rest,
    ours: o,
    baseline: b,
    ratio,
    ...(spread ? { spread } : {}),
    ...(oursSpread && oursSpread.rounds > 1 ? { oursSpread } : {}),
    ...(met === undefined ? {} : { met }),
    samples: { ours, baseline },
  };
}

/** A number for the table: more decimals for small values. */
export function fmt(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return 'n/a';
  const a = Math.abs(n);
  return a >= 100 ? n.toFixed(0) : a >= 10 ? n.toFixed(1) : a >= 1 ? n.toFixed(2) : n.toFixed(3);
}

const x = (r: number) => `${r.toFixed(2)}×`;

/** "0.52× (0.45–0.60)" with the rounds, or the plain ratio. */
function ratioCell(f: Figure): string {
  if (f.ratio === null) return 'n/a';
  return f.spread && f.spread.rounds > 1 ? `${x(f.ratio)} (${f.spread.min.toFixed(2)}–${f.spread.max.toFixed(2)})` : x(f.ratio);
}

/** The results as an aligned text table. */
export function table(figures: readonly Figure[]): string {
  const head = ['#', 'figure', 'unit', 'ours', 'baseline', 'ratio (min–max)', 'n', 'target', 'ok'];
  const rows = figures.map((f) => [
    f.group,
    f.name,
    f.unit,
    fmt(f.ours),
    fmt(f.baseline),
    ratioCell(f),
    String(f.spread?.rounds ?? f.oursSpread?.rounds ?? 1),
    f.target?.text ?? '',
    f.met === undefined ? '' : f.met ? 'yes' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([3, 4, 5, 6]);
  const line = (r: string[]) => r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
