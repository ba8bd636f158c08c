/**
 * Bilingual rejections for bad fields: each names the field and says how to fix it.
 * Validation produces a `FieldProblem` (a value); this turns it into text.
 */
import type { Lang } from '../reply.js';
import { clip, moreNote } from '../i18n.js';

/** What is wrong with one field. */
export interface FieldProblem {
  field: string;
  code:
    | 'missing'
    | 'title.length'
    | 'date.invalid'
    | 'date.early'
    | 'date.future'
    | 'link.invalid'
    | 'business-id.format'
    | 'business-id.check'
    | 'reason.length'
    | 'too-long'
    | 'too-short'
    | 'flag.value'
    | 'id.invalid'
    | 'ids.count'
    | 'user.invalid'
    | 'choice.invalid'
    | 'integer.invalid'
    | 'unexpected'
    | 'unknown-field'
    | 'unknown-goal'
    | 'unknown-party'
    | 'empty'
    | 'year.invalid'
    | 'status.invalid'
    | 'char.unsafe'
    | 'char.line-break';
  /** The value given (for lengths: how many characters it has). */
  value?: string;
  suggestions?: string[];
  allowed?: string[];
  /** The length limits of the field, for length problems. */
  min?: number;
  max?: number;
  /** For character problems: the character (`U+202E RIGHT-TO-LEFT OVERRIDE`) and its position, from 1. */
  char?: string;
  at?: number;
}

/** A value quoted in a message, shortened: messages name the value, they need not repeat all of it. */
const q = (s: string | undefined) => `"${clip(s ?? '', 61)}"`;

/** A number as the language writes it (2,000 / 2000). */
const num = (n: number | undefined, fi: boolean) => (n === undefined ? '?' : fi ? String(n) : n.toLocaleString('en-GB'));

/** One problem as a sentence in the user's language. */
export function describeProblem(lang: Lang, p: FieldProblem): string {
  const fi = lang === 'fi';
  const f = p.field;
  const sugg = p.suggestions && p.suggestions.length > 0 ? (fi ? ` Tarkoititko: ${p.suggestions.join(', ')}?` : ` Did you mean: ${p.suggestions.join(', ')}?`) : '';
  const allowed = (p.allowed ?? []).join(', ');
  switch (p.code) {
    case 'missing':
      return fi ? `${f}: puuttuu. ${p.value ?? ''}`.trim() : `${f}: missing. ${p.value ?? ''}`.trim();
    case 'empty':
      return fi ? `${f}: tyhjä arvo. Anna arvo tai jätä kenttä pois.` : `${f}: empty value. Give a value or leave the field out.`;
    case 'title.length':
      return fi
        ? `${f}: otsikossa pitää olla ${p.min}–${p.max} merkkiä (nyt ${p.value}). Laita otsikko lainausmerkkeihin, esim. "Acme Oy".`
        : `${f}: must be ${p.min}–${p.max} characters (it has ${p.value}). Put it in quotes, e.g. "Acme Oy".`;
    case 'too-short':
      return fi ? `${f}: pitää olla vähintään ${num(p.min, fi)} merkkiä (nyt ${p.value}).` : `${f}: must be at least ${num(p.min, fi)} characters (it has ${p.value}).`;
    case 'too-long':
      return fi ? `${f}: saa olla enintään ${num(p.max, fi)} merkkiä.` : `${f}: must be at most ${num(p.max, fi)} characters.`;
    case 'reason.length':
      return fi ? `${f}: kerro syy (${p.min}–${p.max} merkkiä), esim. reason="kirjattu kahdesti".` : `${f}: give a reason (${p.min}–${p.max} characters), e.g. reason="reported twice".`;
    case 'date.invalid':
      return fi
        ? `${f}: ${q(p.value)} ei ole oikea päivämäärä. Kirjoita esim. 31.5.2024, 2024-05-31, tänään tai eilen.`
        : `${f}: ${q(p.value)} is not a real date. Write it like 2024-05-31 or 31.5.2024, or today or yesterday.`;
    case 'date.early':
      return fi ? `${f}: ${p.value} on ennen sopimuskauden alkua. Anna päivä 2021-01-01 tai myöhemmin.` : `${f}: ${p.value} is before the agreement period. Give a date on or after 2021-01-01.`;
    case 'date.future':
      return fi ? `${f}: ${p.value} on tulevaisuudessa. Raportoi tulos vasta kun se on tapahtunut.` : `${f}: ${p.value} is in the future. Report an outcome once it has happened.`;
    case 'link.invalid':
      return fi ? `${f}: ${q(p.value)} ei ole http(s)-osoite. Anna linkki muodossa https://…` : `${f}: ${q(p.value)} is not an http(s) address. Give a link starting with https://`;
    case 'business-id.format':
      return fi ? `${f}: ${q(p.value)} ei ole Y-tunnus. Muoto on 1234567-8.` : `${f}: ${q(p.value)} is not a Finnish Business ID. The form is 1234567-8.`;
    case 'business-id.check':
      return fi ? `${f}: Y-tunnuksen ${p.value} tarkistusnumero ei täsmää. Tarkista tunnus esim. YTJ:stä (ytj.fi).` : `${f}: the check digit of ${p.value} is wrong. Check the ID, e.g. at ytj.fi.`;
    case 'flag.value':
      return fi ? `${f}: ainoa sallittu arvo on ${f}=ok.` : `${f}: the only accepted value is ${f}=ok.`;
    case 'id.invalid':
      return fi ? `${f}: ${q(p.value)} ei ole tuloksen numero. Anna numero, esim. 12 tai #12.` : `${f}: ${q(p.value)} is not an outcome number. Give the number, e.g. 12 or #12.`;
    case 'ids.count':
      return fi ? `${f}: enintään ${p.max} numeroa kerralla (nyt ${p.value}).` : `${f}: at most ${p.max} numbers at a time (you gave ${p.value}).`;
    case 'user.invalid':
      return fi
        ? `${f}: ${q(p.value)} ei ole käyttäjätunnus. Anna käyttäjä alustan tunnuksena (slack:…, discord:… tai console:…).`
        : `${f}: ${q(p.value)} is not a user. Give the user as a platform id (slack:…, discord:… or console:…).`;
    case 'choice.invalid':
      if (p.suggestions && p.suggestions.length > 0) {
        const guess = p.suggestions.join(fi ? ' tai ' : ' or ');
        return fi ? `${f}: tuntematon arvo ${q(p.value)} – tarkoititko ${guess}? Vaihtoehdot: ${allowed}.` : `${f}: unknown ${f} ${q(p.value)} — did you mean ${guess}?`;
      }
      return fi ? `${f}: ${q(p.value)} ei käy. Vaihtoehdot: ${allowed}.` : `${f}: ${q(p.value)} is not one of ${allowed}.`;
    case 'integer.invalid':
      return fi ? `${f}: ${q(p.value)} ei ole kelvollinen luku.` : `${f}: ${q(p.value)} is not a valid number.`;
    case 'unexpected':
      return fi
        ? `${q(p.value)}: en tiedä, mihin tämä kuuluu. Laita välilyöntejä sisältävä teksti lainausmerkkeihin ("Acme Oy") ja muut kentät muodossa kenttä=arvo.`
        : `${q(p.value)}: I don't know where this goes. Put text with spaces in quotes ("Acme Oy") and give other fields as field=value.`;
    case 'unknown-field':
      return fi ? `${f}: tuntematon kenttä. Sallitut kentät: ${allowed}.` : `${f}: unknown field. The fields are: ${allowed}.`;
    case 'year.invalid':
      return fi ? `${f}: ${q(p.value)} ei ole vuosi. Anna vuosi muodossa VVVV, esim. year=2025.` : `${f}: ${q(p.value)} is not a year. Give it as YYYY, e.g. year=2025.`;
    case 'status.invalid':
      return fi ? `${f}: ${q(p.value)} ei ole tila. Tilat: reported, verified, retracted.` : `${f}: ${q(p.value)} is not a status. Use reported, verified or retracted.`;
    case 'char.line-break':
      return fi
        ? `${f}: tässä kentässä ei voi olla rivinvaihtoa (${p.char}, merkki ${p.at}). Kirjoita se yhdelle riville.`
        : `${f}: this field is one line; it has a line break (${p.char}) at character ${p.at}. Write it on one line.`;
    case 'char.unsafe':
      return fi
        ? `${f}: merkki ${p.at} on ${p.char}, näkymätön tai tekstin suuntaa muuttava merkki, jolla tekstiä voi naamioida. Poista se (kirjoita teksti uudelleen liittämisen sijaan).`
        : `${f}: character ${p.at} is ${p.char}, an invisible or direction-changing character that can disguise text. Remove it (type the text rather than paste it).`;
    case 'unknown-goal':
      return fi ? `${f}: en tunne tavoitetta ${q(p.value)}.${sugg} Kaikki tavoitteet: /progress` : `${f}: I don't know the goal ${q(p.value)}.${sugg} All goals: /progress`;
    case 'unknown-party':
      if (sugg) return fi ? `${f}: en tunne osapuolta ${q(p.value)}.${sugg}` : `${f}: I don't know the party ${q(p.value)}.${sugg}`;
      return fi
        ? `${f}: ${q(p.value)} ei ole sopimuksen osapuoli. Osapuolet: ${allowed || 'KAMK, CSC, Kajaani…'}.`
        : `${f}: ${q(p.value)} is not a party of the agreement. The parties are: ${allowed || 'KAMK, CSC, Kajaani…'}.`;
  }
}

const HEADS = {
  stored: { en: 'Please fix these; nothing was stored:', fi: 'Tarkista nämä, mitään ei tallennettu:' },
  changed: { en: 'Please fix these; nothing was changed:', fi: 'Tarkista nämä, mitään ei muutettu:' },
  listed: { en: 'Please fix these:', fi: 'Tarkista nämä:' },
};

/**
 * Problems listed in one refusal. A line as hostile as `/outcomes a=1 b=2 …` with hundreds
 * of bad fields once made a reply of 11 messages; the first few say what is wrong, and a
 * form still gets every problem on its field (`Reply.data.problems`).
 */
export const MAX_PROBLEMS_LISTED = 8;

/** A heading ("nothing was stored/changed") plus one line per problem, at most `MAX_PROBLEMS_LISTED`. */
export function describeProblems(lang: Lang, problems: FieldProblem[], outcome: keyof typeof HEADS = 'stored'): string {
  const head = HEADS[outcome][lang];
  const shown = problems.slice(0, MAX_PROBLEMS_LISTED).map((p) => `- ${describeProblem(lang, p)}`);
  const more = problems.length > MAX_PROBLEMS_LISTED ? [moreNote(lang, problems.length - MAX_PROBLEMS_LISTED)] : [];
  return [head, ...shown, ...more].join('\n');
}
