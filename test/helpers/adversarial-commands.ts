/**
 * Command lines built to make a tokenizer do more than linear work: shared by the parse test
 * (linearity) and the tokenizer benchmark (bench/tokenizer.ts).
 */
/** Inputs of about `n` characters that made (or could make) a tokenizer rescan from each quote. */
export const ADVERSARIAL: Record<string, (n: number) => string> = {
  'typographic open, straight close': (n) => `companies ${'“"'.repeat(n / 2)}`,
  'low open, straight close': (n) => `companies ${'„"'.repeat(n / 2)}`,
  'mixed openers': (n) => `companies ${'“"„"”"‘’'.repeat(n / 8)}`,
  'unclosed after many closed': (n) => `companies ${'“"'.repeat(n / 2 - 1)}“`,
  'apostrophes in a word': (n) => `companies ${"a'".repeat(n / 2)}`,
  'quotes after "="': (n) => `companies ${"x='a'".repeat(n / 5)}`,
  backslashes: (n) => `companies ${'\\"'.repeat(n / 2)}`,
  '"=" run': (n) => `companies a${'='.repeat(n)}`,
  'one unclosed quote': (n) => `companies "${'a '.repeat(n / 2)}`,
};
