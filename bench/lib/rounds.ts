/**
 * Interleaved rounds. On a shared machine the load drifts by the second, so the sides of a
 * comparison are never measured as "all of ours, then all of the baseline": each round runs
 * every side once, and the order turns from round to round (A B C, B C A, C A B, …), so no side
 * always runs first, right after the previous round's cleanup, or last.
 */

/** The sides' order in round `round`: the list rotated by one place per round. */
export function roundOrder<S>(sides: readonly S[], round: number): S[] {
  const k = round % sides.length;
  return [...sides.slice(k), ...sides.slice(0, k)];
}

/**
 * Runs `rounds` rounds of `measure(side, round)` over every side, in turning order, and
 * returns the values per side in round order (so `result[a][i]` and `result[b][i]` pair up).
 */
export async function interleave<S extends string>(
  sides: readonly S[],
  rounds: number,
  measure: (side: S, round: number) => Promise<number> | number,
): Promise<Record<S, number[]>> {
  const out = Object.fromEntries(sides.map((s) => [s, new Array<number>(rounds).fill(NaN)])) as Record<S, number[]>;
  for (let r = 0; r < rounds; r++) {
    for (const side of roundOrder(sides, r)) out[side][r] = await measure(side, r);
  }
  return out;
}
