/**
 * Characters a stored text may not hold, found before anything is stored: they hide or
 * disguise what a title or note says when it is shown again. Control characters (a line
 * break in a title once forged a line of `/outcomes`), bidi embeddings, overrides, isolates
 * and marks (U+202E turns the rest of a line around), and invisible format characters (a
 * zero-width space makes "Acme Oy" and "Acme\u200bOy" look the same). Ordinary spaces are
 * fine; a zero-width joiner inside an emoji (👩‍💻) and the tags of a flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿) are part of
 * that emoji and fine too.
 */

/** The first unsafe character of a text: what it is and where (counted in characters, from 1). */
export interface UnsafeCharacter {
  /** `U+202E`. */
  code: string;
  /** Its Unicode name where it is one of the usual suspects, else a description of its kind. */
  name: string;
  /** A line break (CR, LF, U+2028, U+2029, NEL…), which a multi-line text may hold (LF only). */
  lineBreak: boolean;
  /** Position in characters as people count them (an emoji is one), from 1. */
  at: number;
}

/** Names of the characters people actually meet (pasted from documents, chat or attacks). */
const NAMES: Record<number, string> = {
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x85: 'NEXT LINE',
  0xad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** Controls (Cc), format characters (Cf), line and paragraph separators (Zl, Zp), lone surrogates (Cs). */
const SUSPECT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const LINE_BREAKS = new Set([0x0a, 0x0b, 0x0c, 0x0d, 0x85, 0x2028, 0x2029]);
const EMOJI = /\p{Extended_Pictographic}/u;
/** Tag characters: only the tail of an emoji tag sequence (a subdivision flag) may hold them. */
const isTag = (cp: number) => cp >= 0xe0020 && cp <= 0xe007f;

/** The kind of an unnamed character, for the message. */
function kindOf(cp: number): string {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 'control character';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'broken character (half of a pair)';
  return 'invisible formatting character';
}

/**
 * The first character of `text` that may not be stored, or null. `multiline` allows line
 * feeds (and tabs, which a pasted note often has); a title allows neither.
 */
export function findUnsafe(text: string, multiline: boolean): UnsafeCharacter | null {
  if (!SUSPECT.test(text)) return null;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!SUSPECT.test(c)) continue;
    const cp = c.codePointAt(0)!;
    // Surrogate pairs were joined by Array.from: a code point in the surrogate range here is a lone half.
    if (multiline && (cp === 0x0a || cp === 0x09)) continue;
    // A zero-width joiner between two emoji, the variation selector or tags of an emoji: part of it.
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    if (cp === 0x200d && (EMOJI.test(before) || before === '\ufe0f' || /\p{Emoji_Modifier}/u.test(before)) && EMOJI.test(after)) continue;
    if (isTag(cp) || cp === 0xe007f) {
      let j = i;
      while (j > 0 && isTag(chars[j - 1]!.codePointAt(0)!)) j--;
      if (chars[j - 1] === '🏴') continue;
    }
    const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    return { code, name: NAMES[cp] ?? kindOf(cp), lineBreak: LINE_BREAKS.has(cp), at: i + 1 };
  }
  return null;
}
