/**
 * The one-pass tokenizer (issue 11 item 2) against the earlier rescanning one, kept here as the
 * reference: on short random lines over an alphabet of every quote kind, apostrophes, "=",
 * backslashes and whitespace, both give the same tokens or both refuse the line.
 */
import { describe, expect, it } from 'vitest';
import { CommandSyntaxError, tokenize } from '../../src/core/commands/parse.js';

const OPEN_TO_CLOSE: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '„': '”', '‘': '’', '’': '’' };

/** The tokenizer before issue 11 (correct, but quadratic on many unclosed typographic quotes). */
function referenceTokenize(raw: string): { text: string; quoted: boolean; startsQuoted: boolean }[] {
  const tokens: { text: string; quoted: boolean; startsQuoted: boolean }[] = [];
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && /\s/.test(raw[i]!)) i++;
    if (i >= raw.length) break;
    let text = '';
    let quoted = false;
    const start = i;
    let startsQuoted = false;
    while (i < raw.length && !/\s/.test(raw[i]!)) {
      const ch = raw[i]!;
      const close = OPEN_TO_CLOSE[ch];
      const isQuote = close !== undefined && !((ch === "'" || ch === '’') && text !== '' && !text.endsWith('='));
      if (isQuote) {
        const end = raw.indexOf(close, i + 1);
        const alt = close === '”' ? raw.indexOf('"', i + 1) : -1;
        const stop = end === -1 ? alt : alt === -1 ? end : Math.min(end, alt);
        if (stop === -1) throw new CommandSyntaxError('unbalanced-quote');
        text += raw.slice(i + 1, stop);
        quoted = true;
        if (i === start) startsQuoted = true;
        i = stop + 1;
      } else {
        text += ch;
        i++;
      }
    }
    tokens.push({ text, quoted, startsQuoted });
  }
  return tokens;
}

const outcome = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (err) {
    if (err instanceof CommandSyntaxError) return 'unbalanced';
    throw err;
  }
};

describe('one-pass tokenizer', () => {
  it('tokenizes 20,000 random quote-heavy lines exactly like the reference', () => {
    const alphabet = ['"', "'", '“', '”', '„', '‘', '’', '=', '\\', ' ', '\t', '\n', '\u00a0', '\u3000', 'a', 'B', 'ä', '1', '-', '😀'];
    let seed = 0x2f6e2b1;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    for (let k = 0; k < 20_000; k++) {
      const len = next() % 16;
      let line = '';
      for (let j = 0; j < len; j++) line += alphabet[next() % alphabet.length];
      expect(outcome(() => tokenize(line)), JSON.stringify(line)).toEqual(outcome(() => referenceTokenize(line)));
    }
  });
});
