/**
 * Resolves a question against the conversation's last frame. An elliptical follow-up
 * borrows what it leaves out: "and Sotkamo?" keeps the question and takes a new subject
 * (entity swap); "when was that?" keeps the subject and asks anew (attribute swap); "tell
 * me more" and "who else?" keep both. A complete question stands alone and is not coloured
 * by the old topic.
 */
import { isGapAttribute, isSignal } from './signals.js';
import { isEntity, rankReading, splitFeatures, type Engine, type Reading } from './understand.js';
import type { Candidate, Remembered, Understanding } from './types.js';

/** Kinds of answer and groups: in "and the goals?" / "entä sopijaosapuolia?" they are the new subject. */
const KIND_WORDS = new Set(['c:party', 'c:goal', 'c:focus', 'c:contracting', 'c:cooperation', 'c:authority']);
/** Words that only open or soften a question; they never make it complete on their own. */
const WEAK_ASKING = new Set(['c:what', 'c:all', 'c:role']);
/** Small talk: answered as such, the conversation's topic kept for later. */
const SMALL_TALK = new Set(['c:thanks', 'c:ack', 'c:greeting', 'c:help', 'c:bye', 'c:language-ask', 'c:how-to-report']);
/** A question this short without a question word of its own is elliptical ("KAMK?", "CSC then?"). */
const SHORT = 3;

/**
 * The features a remembered entity stands for, so a question can point back at it. A fact
 * is an attribute of the agreement, not a subject: "how is it funded?" after the programme
 * asks about the agreement, so the question's own topic is remembered instead.
 */
export function referentFeatures(id: string): string[] {
  if (id.startsWith('fact:')) return [];
  if (isEntity(id)) return [id];
  if (id === 'list:parties') return ['c:party', 'c:all'];
  if (id === 'list:goals') return ['c:goal', 'c:all'];
  if (id === 'list:focus-areas') return ['c:focus', 'c:all'];
  return [];
}

function uses(c: Candidate | null, features: string[]): boolean {
  return c !== null && features.some((f) => c.bag.has(f));
}

/** The understanding of a question in its conversation (or alone, when there is none to follow). */
export function resolve(e: Engine, r: Reading, m: Remembered | undefined): Understanding {
  const own = () => rankReading(e, r, r.features, { followUp: null, previous: m ?? null });
  if (!m) return own();
  const f = r.features;
  const { topic, asking } = splitFeatures(f);
  const plain = asking.filter((a) => !isSignal(a) && !a.startsWith('n:'));
  const remembered = m.entities.flatMap(referentFeatures);
  const mentions = m.entities.filter(isEntity);
  const merged = (extra: Iterable<string>) => new Set([...f, ...extra]);

  if (f.has('c:injection') || (topic.length === 0 && [...f].some((x) => SMALL_TALK.has(x)) && plain.every((a) => SMALL_TALK.has(a) || WEAK_ASKING.has(a)))) {
    return own();
  }
  if (f.has('c:more') && topic.length === 0) {
    return rankReading(e, r, merged([...m.topic, ...remembered]), { followUp: 'more', previous: m, mentions });
  }
  if (f.has('c:else')) {
    // "who else?" keeps the question's own words: "anything else about sports?" ranks them.
    return rankReading(e, r, topic.length > 0 ? f : merged([...m.asking, ...remembered]), { followUp: 'others', previous: m, mentions });
  }
  const ownAsking = plain.filter((a) => !WEAK_ASKING.has(a) && !SMALL_TALK.has(a));
  if (topic.length > 0) {
    // "is OKM one of them?", "which university does it belong to?": the pronoun points back
    // (unless the question is about the agreement itself: "milloin sopimus allekirjoitettiin ja kuka sen allekirjoitti").
    const plural = r.analysis.tokens.some((t) => e.shapes.plurals.has(t));
    // Its own words rank the answer ("which of them are universities?"); the entities it points
    // back at join those it names, for yes/no and membership ("is OKM one of them?").
    if (r.shape.pronoun && (plural || !topic.every((t) => t === 'c:agreement'))) {
      const alone = rankReading(e, r, r.features);
      const both = [...alone.mentions, ...mentions.filter((x) => !alone.mentions.includes(x))];
      // "what was there before?": its own words find nothing, so the remembered subject answers.
      if (!alone.best) return rankReading(e, r, merged([...m.topic, ...remembered]), { followUp: 'attribute-swap', previous: m, mentions: both });
      return { ...alone, followUp: 'attribute-swap', previous: m, mentions: both };
    }
    // "KAMK?", "CSC then?": short, with no question word of its own.
    const asksItself = r.analysis.tokens.some((t) => e.shapes.questionWords.has(t));
    const elliptical = r.shape.followUpMarker || (r.analysis.tokens.length <= SHORT && !asksItself);
    if (elliptical && ownAsking.length === 0) {
      return rankReading(e, r, merged(m.asking), { followUp: 'entity-swap', previous: m, shape: { ...r.shape, yesNo: r.shape.yesNo || m.shape.yesNo } });
    }
    return own();
  }
  const kinds = plain.filter((a) => KIND_WORDS.has(a));
  if (r.shape.followUpMarker && kinds.length > 0 && ownAsking.every((a) => KIND_WORDS.has(a))) {
    return rankReading(e, r, merged(m.asking.filter((a) => !KIND_WORDS.has(a))), {
      followUp: 'entity-swap',
      previous: m,
      shape: { ...r.shape, yesNo: r.shape.yesNo || m.shape.yesNo },
      subject: kinds,
    });
  }
  // Complete on its own: it names a kind ("how many goals are qualitative?") and does not point back.
  const short = r.analysis.tokens.length <= SHORT;
  if (asking.length === 0 && !r.shape.pronoun && !r.shape.followUpMarker) return own();
  if (!r.shape.pronoun && !r.shape.followUpMarker && !short && (asking.length === 0 || kinds.length > 0)) return own();
  const swapped = rankReading(e, r, merged([...m.topic, ...remembered]), { followUp: 'attribute-swap', previous: m, mentions, subject: [...m.topic, ...remembered] });
  // Something no entry holds ("its budget?") is asked of the remembered subject, always.
  if ([...f].some(isGapAttribute)) return swapped;
  // "when does it end?" after a party: the agreement's end, which the question alone finds.
  const alone = own();
  const standalone = ownAsking.filter((a) => !KIND_WORDS.has(a));
  if (alone.best && standalone.length > 0 && !uses(swapped.best, standalone) && uses(alone.best, standalone)) return alone;
  return swapped;
}
