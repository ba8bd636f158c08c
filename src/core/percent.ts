/**
 * How far a count is towards the number that meets a target, as every surface shows it: the
 * percentage in progress answers, the text bar (`█████░░░░░`) in replies and the digest, and
 * the bar in the digest chart. One rule for all of them: round to nearest (10 of 15 is 67 %,
 * 13 of 15 is 87 %), but never show the target as reached before it is: 14.9 of 15 is 99 %,
 * and 20 of "more than 20" (needed 21) is 95 %, not 100 %.
 */

/** The share of `needed` reached, 0…1 (above 1 when exceeded); below 1 unless `count >= needed`. */
function share(count: number, needed: number): number {
  return needed > 0 ? Math.max(count, 0) / needed : 0;
}

/**
 * `count` of `needed` as a whole percentage, rounded to nearest, capped at 99 until the
 * target is met (it may exceed 100 once it is: 18 of 15 is 120 %).
 */
export function percentOf(count: number, needed: number): number {
  const p = Math.round(share(count, needed) * 100);
  return count < needed ? Math.min(p, 99) : p;
}

/**
 * How many of `units` to fill for `count` of `needed` (a text bar's cells, a chart bar's
 * pixels): rounded to nearest like `percentOf`, never all of them before the target is met,
 * never more than `units`.
 */
export function filledUnits(count: number, needed: number, units: number): number {
  const n = Math.min(units, Math.round(share(count, needed) * units));
  return count < needed ? Math.min(n, units - 1) : n;
}
