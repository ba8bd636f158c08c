/** Small readings of an understanding that several frames share. */
import { reply, type Lang, type Reply } from '../../reply.js';
import { exampleQuestions } from '../examples.js';
import { STOPWORDS } from '../stopwords.js';
import { fold } from '../text.js';
import type { Understanding } from '../types.js';

/** True when the understanding has any of the features. */
export function has(u: Understanding, ...features: string[]): boolean {
  return features.some((f) => u.features.has(f));
}

/** Entity features of a kind (`party`, `goal`…) the question names, in order. */
export function mentioned(u: Understanding, kind: string): string[] {
  return u.mentions.filter((m) => m.startsWith(`${kind}:`));
}

/** The id part of `party:KAMK`. */
export function refOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

/** The words as typed, with their folded lower-case form. */
function typedWords(question: string): { typed: string; key: string }[] {
  return (question.normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? []).map((typed) => ({ typed, key: fold(typed.toLowerCase()).replace(/'/g, '') }));
}

/**
 * Names typed in the question that the knowledge base does not know: a run of capitalised
 * words naming no entity ("Business Finland", even if "business" is a word it knows), an
 * unknown capitalised word ("Sitra"), or another city ("Helsinki", "Oulun kaupunki"). With
 * `lowercase`, unknown words typed in lower case count too ("onko nokia mukana").
 */
export function unknownNames(u: Understanding, lowercase = false): string[] {
  const a = u.analysis;
  const unknown = new Set(a.unknown);
  const withFeature = (test: (f: string) => boolean) => new Set(a.content.filter((c) => c.features.some(test)).map((c) => c.word));
  const entityWords = withFeature((f) => /^(party|goal|focus|place):/.test(f));
  const cityWords = withFeature((f) => f === 'c:other-city');
  const out: string[] = [];
  let run: { typed: string; key: string }[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const city = run.some((w) => cityWords.has(w.key));
    const allEntity = run.every((w) => entityWords.has(w.key));
    if (city || (!allEntity && (run.some((w) => unknown.has(w.key)) || run.length >= 2))) out.push(run.map((w) => w.typed).join(' '));
    run = [];
  };
  // In lower case, a run of words nothing covers, one of them unknown: "university of eastern finland".
  const covered = new Set(a.content.filter((c) => c.features.length > 0).map((c) => c.word));
  let lower: { typed: string; key: string }[] = [];
  const flushLower = () => {
    if (lowercase && lower.some((w) => unknown.has(w.key))) out.push(lower.map((w) => w.typed).join(' '));
    lower = [];
  };
  typedWords(u.question).forEach((w, i) => {
    if ((i > 0 && /^\p{Lu}/u.test(w.typed)) || cityWords.has(w.key)) {
      flushLower();
      run.push(w);
      return;
    }
    flush();
    if (i > 0 && !covered.has(w.key) && !STOPWORDS.has(w.key) && !/^\d+$/.test(w.key)) lower.push(w);
    else flushLower();
  });
  flush();
  flushLower();
  return [...new Set(out)];
}

/** Words of the question the knowledge base does not know at all, as typed ("tourism", "matkailua"). */
export function typedUnknown(u: Understanding): string[] {
  const unknown = new Set(u.analysis.unknown);
  return typedWords(u.question)
    .filter((w, i) => i > 0 && unknown.has(w.key) && !/^\d+$/.test(w.key))
    .map((w) => w.typed);
}

/** The reply when the question is outside the agreement: what the bot does, with examples. */
export function declineReply(lang: Lang): Reply {
  const text =
    lang === 'fi'
      ? 'En osaa vastata tähän. Vastaan vain kysymyksiin Kajaanin kaupunkiseudun innovaatioekosysteemisopimuksesta. Voit kysyä esimerkiksi:'
      : "I can't answer that: I only answer questions about the Kajaani city region innovation ecosystem agreement. You could ask, for example:";
  return reply(lang, text, { answered: false, suggestions: exampleQuestions(lang) });
}
