/**
 * Place membership: "Is Vuokatti in Sotkamo?", "onko KAMK Kajaanissa?", "is Renforsin Ranta
 * in Sotkamo?". The places an entity is in are read from its own entry (the municipalities
 * and places its text names, and the municipality of such a place); two municipalities are
 * never one inside the other. When the entry names no place, the sources don't tell (an honest gap).
 */
import { entityText } from '../compose/entities.js';
import { words } from '../text.js';
import type { FrameContext } from '../frame.js';
import type { Understanding } from '../types.js';
import { has } from './helpers.js';

/** What a knowledge base says about where things are (built once per engine). */
interface Where {
  /** The municipalities among the parties (contracting parties named as a city or municipality). */
  municipalities: Set<string>;
  /** Containers: municipalities and places. */
  containers: Set<string>;
  /** Single words naming a container ("sotkamo", "kajaanissa"), for a container an alias swallowed. */
  byWord: Map<string, string>;
  /** Containers each entity's entry names, computed on first use. */
  of: Map<string, Set<string>>;
}

const cache = new WeakMap<object, Where>();

function whereOf(ctx: FrameContext): Where {
  let w = cache.get(ctx.engine);
  if (w) return w;
  const { kb, engine } = ctx;
  const named = (text: string) => engine.lexicon.analyze(text, 'en', { correctTypos: false }).features;
  const municipalities = new Set(kb.parties.filter((p) => p.kind === 'contracting' && named(p.name.en).has('c:region')).map((p) => `party:${p.id}`));
  const containers = new Set([...municipalities, ...kb.places.map((p) => `place:${p.id}`)]);
  const byWord = new Map<string, string>();
  for (const p of kb.parties) {
    if (!municipalities.has(`party:${p.id}`)) continue;
    for (const a of [p.shortName, ...p.aliases.en, ...p.aliases.fi]) for (const x of words(a).slice(0, 1)) if (words(a).length === 1) byWord.set(x, `party:${p.id}`);
  }
  for (const p of kb.places) for (const a of [...p.aliases.en, ...p.aliases.fi]) for (const x of words(a).slice(0, 1)) if (words(a).length === 1) byWord.set(x, `place:${p.id}`);
  w = { municipalities, containers, byWord, of: new Map() };
  cache.set(ctx.engine, w);
  return w;
}

/** Containers a text names: as matched, or by a word of their own inside a longer name ("Kajaani University Consortium"). */
function placesNamed(ctx: FrameContext, w: Where, text: string): string[] {
  const found = new Set([...ctx.engine.lexicon.analyze(text, 'en', { correctTypos: false }).features].filter((f) => w.containers.has(f)));
  for (const t of words(text)) {
    const c = w.byWord.get(t);
    if (c) found.add(c);
  }
  return [...found];
}

/** An entry's own English name and description (the composed text may leave the description out). */
function entryText(ctx: FrameContext, id: string): string {
  const party = ctx.kb.parties.find((p) => `party:${p.id}` === id);
  return party ? `${party.name.en}. ${party.description.en}` : entityText(ctx.kb, id, 'en');
}

/** The containers an entity's entry names, with the municipality of each place it names. */
function containersOf(ctx: FrameContext, w: Where, id: string): Set<string> {
  let found = w.of.get(id);
  if (found) return found;
  const direct = (x: string) => placesNamed(ctx, w, entryText(ctx, x)).filter((f) => f !== x);
  found = new Set(direct(id));
  for (const c of [...found]) if (c.startsWith('place:')) for (const m of direct(c)) if (w.municipalities.has(m)) found.add(m);
  w.of.set(id, found);
  return found;
}

/** Other parties (not municipalities) an entity's entry names: its units ("OY-MITY", "JYU-Vuokatti"). */
function unitsOf(ctx: FrameContext, w: Where, id: string): string[] {
  if (!id.startsWith('party:')) return [];
  return [...ctx.engine.lexicon.analyze(entryText(ctx, id), 'en', { correctTypos: false }).features].filter((f) => f.startsWith('party:') && f !== id && !w.municipalities.has(f));
}

/** The party's own name places it in y ("sport technology unit in Vuokatti" is in Sotkamo). */
function namedIn(ctx: FrameContext, w: Where, id: string, y: string): boolean {
  const named = placesNamed(ctx, w, ctx.kb.parties.find((p) => `party:${p.id}` === id)?.name.en ?? '');
  return named.includes(y) || named.some((c) => containersOf(ctx, w, c).has(y));
}

/** Words that put the next name as a place: "in Sotkamo", "at Renforsin Ranta". */
const IN = new Set(['in', 'at', 'within', 'inside']);
/** Finnish place cases on a name, folded: "Sotkamossa", "Kajaanissa", "Renforsin rannalla". */
const LOCATIVE = /(ssa|lla|sta|lta)$/;

/** The entity asked about and the container asked, when the question asks whether one is in the other. */
function asked(u: Understanding, w: Where): { x: string; y: string } | null {
  const a = u.analysis;
  const subjects = u.mentions.filter((m) => /^(party|place|goal):/.test(m));
  const x = subjects[0];
  if (!x) return null;
  // The container: a later mention, or a word an alias of x swallowed ("Vuokatti in Sotkamo").
  for (let i = 1; i < a.tokens.length; i++) {
    const t = a.tokens[i]!;
    const fs = a.tokenFeatures[i]!;
    const y: string | undefined = fs.find((f) => w.containers.has(f) && f !== x) ?? (fs.includes(x) ? w.byWord.get(t) : undefined);
    if (!y || y === x) continue;
    const cue = IN.has(a.tokens[i - 1] ?? '') || LOCATIVE.test(t) || has(u, 'c:where');
    if (cue) return { x, y };
  }
  return null;
}

/**
 * Yes/no for "is X in Y?", with the entity whose entry decides it (`yes: null` when its entry
 * does not tell); null when the question is not one of place.
 */
export function locationCheck(u: Understanding, ctx: FrameContext): { yes: boolean | 'partly' | null; decidedBy: string; y: string } | null {
  const w = whereOf(ctx);
  const q = asked(u, w);
  if (!q) return null;
  const { x, y } = q;
  // Two municipalities are side by side, never one inside the other.
  if (w.municipalities.has(x) && w.municipalities.has(y)) return { yes: false, decidedBy: x, y };
  const inX = containersOf(ctx, w, x);
  // "Is JYU in Sotkamo?": its unit is; the entry says so, neither a plain yes nor a no.
  if (inX.has(y)) return { yes: unitsOf(ctx, w, x).length > 0 && !namedIn(ctx, w, x, y) ? 'partly' : true, decidedBy: x, y };
  // Elsewhere: x's entry names another municipality than y (or than y's municipality).
  const mx = [...inX].filter((c) => w.municipalities.has(c));
  const my = w.municipalities.has(y) ? [y] : [...containersOf(ctx, w, y)].filter((c) => w.municipalities.has(c));
  if (mx.length > 0 && my.length > 0 && !mx.some((m) => my.includes(m))) return { yes: false, decidedBy: x, y };
  return { yes: null, decidedBy: x, y };
}
