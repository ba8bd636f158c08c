/**
 * Resolves what a user typed for a goal or a party: the id, an English or Finnish name or
 * alias, or a close misspelling (fuse.js). Unclear input gets "did you mean" suggestions.
 */
import Fuse from 'fuse.js';
import type { Goal, KnowledgeBase, Party } from '../knowledge/schema.js';
import { matchKey } from './normalise.js';
import { editDistance } from '../answer/text.js';

/** A resolved entry, or suggestions when nothing matched clearly. */
export type Resolution<T> =
  | { ok: true; value: T; /** Set when a misspelling was corrected. */ corrected: boolean }
  | { ok: false; suggestions: string[] };

interface Named {
  id: string;
  names: string[];
}

/** Below this fuse.js score a single best match is taken as a misspelling of it. */
const ACCEPT_SCORE = 0.25;
/** Up to this score a match is offered as a suggestion. */
const SUGGEST_SCORE = 0.5;
/**
 * Longer input is never a misspelt name (the longest name has 85 characters), and fuse.js's
 * cost grows with the pattern: an 18,000-character argument took 1.5 s of CPU, stalling every
 * other message, and 200 characters still take ~40 ms. Such input gets no suggestions.
 */
const MAX_FUZZY_CHARS = 120;

/** One name of an entry, already in match-key form. */
interface KeyedName<T> {
  id: string;
  item: T;
  name: string;
}

/**
 * The match keys of every name, per list (a knowledge base's goals or parties), built once:
 * normalising ~80 names again on every `/report` cost more than the rest of resolving.
 */
const keyCache = new WeakMap<object, { rows: KeyedName<unknown>[]; fuse?: Fuse<KeyedName<unknown>> }>();

function keyedNames<T>(items: T[], names: (t: T) => Named): { rows: KeyedName<T>[]; fuse?: Fuse<KeyedName<T>> } {
  let entry = keyCache.get(items);
  if (entry === undefined) {
    const rows = items.flatMap((item) => {
      const n = names(item);
      return n.names.map((name) => ({ id: n.id, item, name: matchKey(name) }));
    });
    entry = { rows };
    keyCache.set(items, entry);
  }
  return entry as { rows: KeyedName<T>[]; fuse?: Fuse<KeyedName<T>> };
}

function resolveNamed<T>(input: string, items: T[], names: (t: T) => Named): Resolution<T> {
  const key = matchKey(input);
  const keyed = keyedNames(items, names);
  const exact = keyed.rows.find((r) => r.name === key);
  if (exact) return { ok: true, value: exact.item, corrected: false };
  if (key.length > MAX_FUZZY_CHARS) return { ok: false, suggestions: [] };
  keyed.fuse ??= new Fuse(keyed.rows, { keys: ['name'], includeScore: true, threshold: SUGGEST_SCORE, ignoreLocation: true });
  const fuse = keyed.fuse;
  const hits = fuse.search(key);
  const best = hits[0];
  const secondId = hits.find((h) => h.item.id !== best?.item.id);
  if (best && (best.score ?? 1) <= ACCEPT_SCORE && key.length >= 3 && (!secondId || (secondId.score ?? 1) - (best.score ?? 1) > 0.1)) {
    return { ok: true, value: best.item.item, corrected: true };
  }
  const suggestions = [...new Set(hits.map((h) => h.item.id))].slice(0, 3);
  return { ok: false, suggestions };
}

/** The entry whose id, name or alias is exactly `input` (after normalising), without guessing at misspellings. */
function exactNamed<T>(input: string, items: T[], names: (t: T) => Named): T | undefined {
  const key = matchKey(input);
  return keyedNames(items, names).rows.find((r) => r.name === key)?.item;
}

const goalNames = (g: Goal): Named => ({ id: g.id, names: [g.id, g.name.en, g.name.fi, ...g.aliases.en, ...g.aliases.fi] });
const partyNames = (p: Party): Named => ({ id: p.id, names: [p.id, p.shortName, p.name.en, p.name.fi, ...p.aliases.en, ...p.aliases.fi] });

/** The goal `input` names exactly (id, name or alias, either language), if any: cheap, no fuzzy search. */
export function exactGoal(kb: KnowledgeBase, input: string): Goal | undefined {
  return exactNamed(input, kb.goals, goalNames);
}

/** The party `input` names exactly (id, short name, name or alias), if any: cheap, no fuzzy search. */
export function exactParty(kb: KnowledgeBase, input: string): Party | undefined {
  return exactNamed(input, kb.parties, partyNames);
}

/** Resolves a goal by id, name or alias in either language, or a close misspelling. */
export function resolveGoal(kb: KnowledgeBase, input: string): Resolution<Goal> {
  return resolveNamed(input, kb.goals, goalNames);
}

/**
 * How far a party suggestion may be from what was typed: one or two typing mistakes. Party
 * names are short, so fuse.js's substring matches are mostly noise for them ("Nokia" matched
 * "työ- ja elinkeinoministeriö"); a name that is not a party should hear that, not a guess.
 */
function closeEnough(key: string, name: string): boolean {
  const max = key.length <= 4 ? 1 : 2;
  return editDistance(key, name, max) <= max;
}

/**
 * Resolves a party by id, short name, name or alias in either language, or a close
 * misspelling. Suggestions are only parties a typing mistake or two away; none means the
 * text names no party of the agreement.
 */
export function resolveParty(kb: KnowledgeBase, input: string): Resolution<Party> {
  const r = resolveNamed(input, kb.parties, partyNames);
  if (r.ok) return r;
  const key = matchKey(input);
  const rows = keyedNames(kb.parties, partyNames).rows;
  return { ok: false, suggestions: r.suggestions.filter((id) => rows.some((row) => row.id === id && closeEnough(key, row.name))) };
}

/** The goal with this exact id, if any. */
export function goalById(kb: KnowledgeBase, id: string): Goal | undefined {
  return kb.goals.find((g) => g.id === id);
}

/** The party with this exact id, if any. */
export function partyById(kb: KnowledgeBase, id: string | null): Party | undefined {
  return id === null ? undefined : kb.parties.find((p) => p.id === id);
}
