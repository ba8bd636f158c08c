/** The Finnish Business ID (Y-tunnus): seven digits, a dash and a check digit. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/**
 * Normalises a Business ID to `NNNNNNN-C` (an old six-digit id gets its leading zero), or
 * returns null when the form is wrong. Does not check the check digit.
 */
export function normaliseBusinessId(input: string): string | null {
  const m = /^(\d{6,7})-(\d)$/.exec(input.trim());
  if (!m) return null;
  return `${m[1]!.padStart(7, '0')}-${m[2]}`;
}

/**
 * The check digit for seven digits: weights 7,9,10,5,8,4,2; remainder 0 gives 0, remainder 1
 * means no valid id exists, otherwise 11 − remainder.
 */
export function businessIdCheckDigit(digits: string): number | null {
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0);
  const rem = sum % 11;
  if (rem === 0) return 0;
  if (rem === 1) return null;
  return 11 - rem;
}

/** True when `input` is a well-formed Business ID with the right check digit. */
export function isValidBusinessId(input: string): boolean {
  const id = normaliseBusinessId(input);
  if (!id) return false;
  const check = businessIdCheckDigit(id.slice(0, 7));
  return check !== null && check === Number(id[8]);
}
