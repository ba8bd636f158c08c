/**
 * Language detection between Finnish and English from function words, question words and
 * Finnish morphology. Very short or name-only input falls back to the default language.
 */
import type { Lang } from '../reply.js';
import { words } from './text.js';

const FI = new Set(
  `mikä mitkä mitä mitä kuka ketkä keitä kenen kenet missä mistä mihin milloin miksi miten millainen millaisia montako monta kuinka paljonko onko ovatko oliko voiko onks onkos ja on ovat oli ei se ne tämä tämän nämä sopimus sopimuksen sopimuksessa sopimukseen sopimuksella osapuolet osapuoli tavoite tavoitteet tavoitteena tavoitellaan painopisteet kerro kerrotko haluan tietää entä myös vai eli kun jos että sekä tai kanssa mukana yritystä yrityksiä uutta uusia mitäs moi hei terve moikka kiitos apua ohje mitä osaat tähän mennessä syntynyt vuonna vuosina asti saakka voimassa rooli tehtävä tekee paljon kaikki jokin joku yli vähintään alle noin siis nyt vielä jo taas sitten olla olen olet olemme niin kyllä joo juu`.split(/\s+/),
);
const EN = new Set(
  `what which who whom whose where when why how is are was were does do did the a an of to in on for with and or about tell me please pls can could would should will many much any there this that these those it its agreement parties party goal goals target focus areas companies company so far yet have has been be by from at as what's who's whats hi hello hey thanks thank you help list all new our we i my your do does doing`.split(/\s+/),
);

/** Finnish case endings on longer words: a weak signal, used only to break ties. */
const FI_SUFFIX = /(ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|iden|itten|ien|nsa|nsä|aan|ään|ista|istä|ineen|tta|ttä|ko|kö)$/;

/**
 * Detects fi/en; returns `fallback` when the text gives no clear signal. `evidence` adds
 * words the knowledge base knows in only one language ("kumppanit", "painopisteet").
 */
export function detectLanguage(text: string, fallback: Lang, evidence: Record<Lang, number> = { en: 0, fi: 0 }): Lang {
  const ws = words(text);
  let fi = evidence.fi;
  let en = evidence.en;
  for (const w of ws) {
    if (FI.has(w)) fi += 1;
    if (EN.has(w)) en += 1;
    if (FI.has(w) || EN.has(w) || !/^\p{L}+$/u.test(w)) continue;
    // Spelling: Finnish has ä/ö, double letters and vowel endings; English has c, q, w, x, z, th.
    if (w.length >= 6 && FI_SUFFIX.test(w)) fi += 0.4;
    if (/[äö]/.test(w)) fi += 0.5;
    if (/(aa|ee|ii|oo|uu|yy|kk|tt|pp|ss|ll|nn|mm)/.test(w)) fi += 0.3;
    if (w.length >= 4 && /[aeiouyäö]$/.test(w)) fi += 0.2;
    if (/[bcfqwxz]|th|sh|ch|ck/.test(w)) en += 0.5;
  }
  if (fi === en) return fallback;
  // A weak hint in a one- or two-word message (a name, "KAMK?") is not enough.
  if (Math.max(fi, en) < 0.8) return fallback;
  return fi > en ? 'fi' : 'en';
}
