/**
 * "Tell me more" / "kerro lisää": what the sources add about the entity just discussed (or
 * named: "tell me more about CSC"), without repeating what was already said. For the
 * agreement itself, the overview: name, parties, programme, focus areas, validity.
 */
import { reply, type Lang } from '../../reply.js';
import { lowerFirst } from '../../i18n.js';
import { entityName, entitySourceIds, entityText, sourcesFor, splitId } from '../compose/entities.js';
import { sentencesOf } from '../compose/polish.js';
import { focusAreasReply, goalsReply } from '../compose/replies.js';
import { frameOf, type FrameContext, type FrameHandler } from '../frame.js';
import { STOPWORDS } from '../stopwords.js';
import { words } from '../text.js';
import { has } from './helpers.js';

/** At most this many new sentences: "more" is a little more, not everything. */
const MAX_SENTENCES = 4;
/** The agreement's overview, in the order a person would tell it. */
const OVERVIEW = ['fact:title', 'fact:contracting-parties', 'fact:programme', 'list:focus-areas', 'fact:in-force', 'fact:purpose', 'list:goals'];

/** Names an entity goes by in sentences about it: short name, name and aliases. */
function namesOf(ctx: FrameContext, id: string): string[] {
  const [kind, ref] = splitId(id);
  const e =
    kind === 'party' ? ctx.kb.parties.find((x) => x.id === ref) : kind === 'place' ? ctx.kb.places.find((x) => x.id === ref) : kind === 'goal' ? ctx.kb.goals.find((x) => x.id === ref) : undefined;
  if (!e) return [entityName(ctx.kb, id, ctx.lang)];
  const short = 'shortName' in e && typeof e.shortName === 'string' ? [e.shortName] : [];
  return [...short, e.name[ctx.lang], ...e.aliases[ctx.lang].filter((a) => words(a).length <= 3)];
}

function textOf(ctx: FrameContext, id: string, lang: Lang): string {
  if (id === 'list:focus-areas') return focusAreasReply(ctx.kb, lang).text;
  if (id === 'list:goals') return goalsReply(ctx.kb, lang, {}).sections[0]!.lines.join('; ');
  return entityText(ctx.kb, id, lang);
}

/** Words compared by their start: "tavoite" and "tavoitteena" say the same. */
const KEY = 5;
/** A sentence whose content words were this much said already repeats a fact ("the target is 15…" twice). */
const REPEAT = 0.75;

/** The content words of a sentence (no function words, no list numbers "1)"), by their start. */
function contentKeys(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w) && w.length > 1)
    .map((w) => w.slice(0, KEY));
}

/**
 * The candidates that add something: each in turn is kept only when its content words were
 * not already said by a sentence kept before it. No fact twice in one reply.
 */
function addsSomething(candidates: { text: string; sources: string[] }[]): { text: string; sources: string[] }[] {
  const said = new Set<string>();
  const kept: { text: string; sources: string[] }[] = [];
  for (const c of candidates) {
    const keys = contentKeys(c.text);
    const seen = keys.filter((k) => said.has(k)).length;
    if (keys.length === 0 || seen / keys.length >= REPEAT) continue;
    kept.push(c);
    for (const k of keys) said.add(k);
  }
  return kept;
}

export const more: FrameHandler = {
  kind: 'more',
  detect(u) {
    if (u.followUp !== 'more' && !(has(u, 'c:more') && u.mentions.length > 0 && u.topic.length > 0)) return null;
    const entities = u.followUp === 'more' ? (u.previous?.entities ?? []) : u.mentions;
    return frameOf('more', u, { entities: entities.slice(0, 1), words: u.previous?.words ?? [] });
  },
  answer(frame, ctx) {
    const { kb, lang } = ctx;
    const said = new Set((frame.u.previous?.said ?? []).map((s) => words(s).join(' ')));
    const isNew = (s: string) => !said.has(words(s).join(' '));
    const id = frame.entities[0];
    const candidates: { text: string; sources: string[] }[] = [];
    if (!id && frame.words.length > 0) {
      for (const s of ctx.sentences.mentioning(words(frame.words[0]!)[0]!, lang)) candidates.push({ text: s.text, sources: s.sources });
    } else if (id && (id.startsWith('fact:') || id.startsWith('list:'))) {
      // A fact about the agreement: what else its entry says, then the agreement's overview.
      if (id.startsWith('fact:')) candidates.push(...sentencesOf(entityText(kb, id, lang)).map((text) => ({ text, sources: entitySourceIds(kb, id) })));
      for (const o of OVERVIEW.filter((x) => x !== id)) candidates.push(...sentencesOf(textOf(ctx, o, lang)).map((text) => ({ text, sources: entitySourceIds(kb, o) })));
    } else if (id) {
      candidates.push(...sentencesOf(entityText(kb, id, lang)).map((text) => ({ text, sources: entitySourceIds(kb, id) })));
      for (const s of ctx.sentences.related(id, namesOf(ctx, id), lang)) candidates.push({ text: s.text, sources: s.sources });
    }
    // A focus area is named in few sentences word for word: those sharing its name's words too ("LUMI … suurteholaskennan datakeskuksille").
    if (id?.startsWith('focus:')) for (const s of ctx.sentences.about(words(entityName(kb, id, lang)), lang, 2)) if (s.entry !== id) candidates.push({ text: s.text, sources: s.sources });
    // Said before: not word for word again; within the reply: no fact twice.
    const fresh = addsSomething(candidates.filter((c) => isNew(c.text)));
    if (!id && frame.words.length === 0) {
      const text = lang === 'fi' ? 'Mistä haluaisit tietää lisää? Voit kysyä esimerkiksi osapuolista, tavoitteista tai painopisteistä.' : 'What would you like to know more about? You can ask about the parties, the goals or the focus areas, for example.';
      return reply(lang, text, { answered: false });
    }
    if (fresh.length === 0) {
      const name = id ? lowerFirst(entityName(kb, id, lang), (w) => ctx.sentences.names.has(w.toLowerCase())) : frame.words[0]!;
      return reply(lang, lang === 'fi' ? `Siinä on kaikki, mitä sopimuksen lähteet kertovat (${name}).` : `That is all the agreement's sources say about ${name}.`, {
        sources: sourcesFor(kb, id ? entitySourceIds(kb, id) : []),
      });
    }
    const chosen = fresh.slice(0, MAX_SENTENCES);
    return reply(lang, chosen.map((c) => c.text).join(' '), { sources: sourcesFor(kb, chosen.flatMap((c) => c.sources)) });
  },
};
