/**
 * Last touches every reply gets: no sentence said twice (a goal's target, a party's role),
 * and titles offered mid-sentence in lower case where the language wants it.
 */
import type { Reply } from '../../reply.js';
import { words } from '../text.js';

/** Splits a text into sentences (and `;`-clauses), keeping their punctuation. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Words compared by their start: "kumppani" and "kumppaneista" say the same. */
const KEY = 6;
const keyOf = (w: string) => w.slice(0, KEY);

/** Share of a sentence's words already said (0–1); short sentences count only when said word for word. */
function repeatShare(sentence: string, said: Set<string>): number {
  const ws = words(sentence).map(keyOf);
  if (ws.length === 0) return 1;
  const seen = ws.filter((w) => said.has(w)).length;
  return ws.length < 4 && seen < ws.length ? 0 : seen / ws.length;
}

/** A sentence whose words were this much said already adds nothing. */
const REPEAT = 0.8;

/**
 * The sentences of `text` that do not repeat what `before` (or an earlier sentence of
 * `text`) already said, joined again. Clauses after ";" are judged on their own.
 */
export function withoutRepeats(before: string, text: string): string {
  const said = new Set(words(before).map(keyOf));
  const kept: string[] = [];
  for (const s of sentencesOf(text)) {
    if (repeatShare(s, said) >= REPEAT) continue;
    kept.push(s);
    for (const w of words(s)) said.add(keyOf(w));
  }
  return kept
    .map((s, i) => (i === 0 || /[.!?]$/.test(kept[i - 1]!) ? s.charAt(0).toUpperCase() + s.slice(1) : s))
    .join(' ')
    .replace(/;$/, '.');
}

/** Removes repeated sentences and section lines from a reply (in place) and returns it. */
export function polish(r: Reply): Reply {
  r.suggestions = [...new Set(r.suggestions)];
  // One sentence and no sections: nothing can repeat.
  if (r.sections.length === 0 && !/[.!?;]\s/.test(r.text)) return r;
  const seen = new Set<string>();
  // Equality is all this needs: case and punctuation aside (cheaper than full word normalisation).
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const text = sentencesOf(r.text).filter((s) => {
    const k = key(s);
    if (k !== '' && seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  r.text = text.join(' ');
  for (const section of r.sections) {
    section.lines = section.lines.filter((l) => {
      const k = key(l);
      if (k === '' || !seen.has(k)) {
        seen.add(k);
        return true;
      }
      return false;
    });
  }
  r.sections = r.sections.filter((s) => s.lines.length > 0);
  return r;
}
