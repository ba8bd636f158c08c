/**
 * Language detection between Finnish and English from function words, question words and
 * Finnish morphology, and recognition of Swedish (answered in English with a note). Very
 * short or name-only input falls back to the default language.
 */
import type { Lang } from '../reply.js';
import type { ReadLang } from './stem.js';
import { fold } from './text.js';

const folded = (list: string) => new Set(list.split(/\s+/).map(fold));

const FI = folded(
  `mikä mitkä mitä mitä kuka ketkä keitä kenen kenet missä mistä mihin milloin miksi miten millainen millaisia montako monta kuinka paljonko onko ovatko oliko voiko onks onkos ja on ovat oli ei se ne tämä tämän nämä sopimus sopimuksen sopimuksessa sopimukseen sopimuksella osapuolet osapuoli tavoite tavoitteet tavoitteena tavoitellaan painopisteet kerro kerrotko haluan tietää entä entäs myös vai eli kun jos että sekä tai kanssa mukana yritystä yrityksiä uutta uusia mitäs moi hei terve moikka kiitos kiitti okei selvä apua ohje mitä osaat tähän mennessä syntynyt vuonna vuosina asti saakka voimassa rooli tehtävä tekee paljon kaikki jokin joku yli vähintään alle noin siis nyt vielä jo taas sitten olla olen olet olemme niin kyllä joo juu lisää muut muita kuuluuko sen niiden siitä siihen`,
);
const EN = folded(
  `what which who whom whose where when why how is are was were does do did the a an of to in on for with and or about tell me please pls can could would should will many much any there this that these those it its agreement parties party goal goals target focus areas companies company so far yet have has been be by from at as what's who's whats hi hello hey thanks thank you thx help list all new our we i my your do does doing else more their they them`,
);
/** Swedish function and question words (as typed; folded forms too, for "ar", "manga"). */
const SV = folded(`och är vad vilka vilken vilket vem vems hur många mycket när varför finns inte jag vi ni du det den ett som för med av på till från också eller ska skall kan har hade avtalet parterna målet målen talar pratar svenska svenskt tack hej`);
/** Words Swedish shares with English or Finnish: no evidence either way. */
const SV_SHARED = new Set(['on', 'en', 'i', 'for', 'till', 'med', 'kan', 'av']);

/** Finnish case endings on longer words: a weak signal, used only to break ties. */
const FI_SUFFIX = /(ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|iden|itten|ien|nsa|nsä|aan|ään|ista|istä|ineen|tta|ttä|ko|kö)$/;

/** Lower-cased words as typed (diacritics kept: they are evidence). */
function typedWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w !== '');
}

/** What a text's words say of its language, read in one pass. */
export interface LanguageSignals {
  fi: number;
  en: number;
  /** Swedish function words (and "å"), and the English/Finnish ones they compete with. */
  sv: number;
  notSv: number;
}

/** Reads a text's language signals; `evidence` adds words the knowledge base knows in only one language. */
export function languageSignals(text: string, evidence: Partial<Record<ReadLang, number>> = {}): LanguageSignals {
  const s: LanguageSignals = { fi: evidence.fi ?? 0, en: evidence.en ?? 0, sv: evidence.sv ?? 0, notSv: 0 };
  for (const raw of typedWords(text)) {
    const w = fold(raw.replace(/'/g, ''));
    const fi = FI.has(w);
    const en = EN.has(w);
    if (/å/.test(raw)) s.sv += 1;
    if (SV.has(w) && !SV_SHARED.has(w)) s.sv += 1;
    else if (fi || en) s.notSv += 1;
    if (fi) s.fi += 1;
    if (en) s.en += 1;
    if (fi || en || !/^\p{L}+$/u.test(w)) continue;
    // Spelling: Finnish has ä/ö, double letters and vowel endings; English has c, q, w, x, z, th.
    if (raw.length >= 6 && FI_SUFFIX.test(raw)) s.fi += 0.4;
    if (/[äö]/.test(raw)) s.fi += 0.5;
    if (/(aa|ee|ii|oo|uu|yy|kk|tt|pp|ss|ll|nn|mm)/.test(w)) s.fi += 0.3;
    if (w.length >= 4 && /[aeiouy]$/.test(w)) s.fi += 0.2;
    if (/[bcfqwxz]|th|sh|ch|ck/.test(w)) s.en += 0.5;
  }
  return s;
}

/** fi/en from the signals; `fallback` when they give no clear answer. */
export function languageOf(s: LanguageSignals, fallback: Lang): Lang {
  if (s.fi === s.en) return fallback;
  // A weak hint in a one- or two-word message (a name, "KAMK?") is not enough.
  if (Math.max(s.fi, s.en) < 0.8) return fallback;
  return s.fi > s.en ? 'fi' : 'en';
}

/** True when the signals say Swedish: its words outweigh the English and Finnish ones. */
export function swedishBySignals(s: LanguageSignals): boolean {
  return s.sv >= 2 && s.sv > s.notSv;
}

/**
 * Detects fi/en; returns `fallback` when the text gives no clear signal. `evidence` adds
 * words the knowledge base knows in only one language ("kumppanit", "painopisteet").
 */
export function detectLanguage(text: string, fallback: Lang, evidence: Partial<Record<ReadLang, number>> = {}): Lang {
  return languageOf(languageSignals(text, evidence), fallback);
}

/**
 * True for a question written in Swedish: Swedish function words (or "å") outweigh the
 * English and Finnish ones. `evidence.sv` counts words the knowledge base knows only in Swedish.
 */
export function isSwedish(text: string, evidence: Partial<Record<ReadLang, number>> = {}): boolean {
  return swedishBySignals(languageSignals(text, evidence));
}
