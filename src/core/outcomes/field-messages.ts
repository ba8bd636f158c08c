/**
 * Bilingual rejections for bad fields: each names the field and says how to fix it.
 * Validation produces a `FieldProblem` (a value); this turns it into text.
 */
import type { Lang } from '../reply.js';

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
    | 'note.length'
    | 'reason.length'
    | 'duplicate.value'
    | 'unknown-field'
    | 'unknown-goal'
    | 'unknown-party'
    | 'empty'
    | 'year.invalid'
    | 'status.invalid';
  /** The value given, suggestions, limits... */
  value?: string;
  suggestions?: string[];
  allowed?: string[];
}

const q = (s: string | undefined) => `"${(s ?? '').length > 60 ? `${[...(s ?? '')].slice(0, 60).join('')}…` : (s ?? '')}"`;

/** One problem as a sentence in the user's language. */
export function describeProblem(lang: Lang, p: FieldProblem): string {
  const fi = lang === 'fi';
  const sugg = p.suggestions && p.suggestions.length > 0 ? (fi ? ` Tarkoititko: ${p.suggestions.join(', ')}?` : ` Did you mean: ${p.suggestions.join(', ')}?`) : '';
  switch (p.code) {
    case 'missing':
      return fi ? `${p.field}: puuttuu. ${p.value ?? ''}`.trim() : `${p.field}: missing. ${p.value ?? ''}`.trim();
    case 'empty':
      return fi ? `${p.field}: tyhjä arvo. Anna arvo tai jätä kenttä pois.` : `${p.field}: empty value. Give a value or leave the field out.`;
    case 'title.length':
      return fi
        ? `title: otsikossa pitää olla 2–200 merkkiä (nyt ${p.value}). Laita otsikko lainausmerkkeihin, esim. "Acme Oy".`
        : `title: must be 2–200 characters (it has ${p.value}). Put it in quotes, e.g. "Acme Oy".`;
    case 'date.invalid':
      return fi ? `date: ${q(p.value)} ei ole oikea päivämäärä. Kirjoita muodossa VVVV-KK-PP, esim. 2024-05-31.` : `date: ${q(p.value)} is not a real date. Write it as YYYY-MM-DD, e.g. 2024-05-31.`;
    case 'date.early':
      return fi ? `date: ${p.value} on ennen sopimuskauden alkua. Anna päivä 2021-01-01 tai myöhemmin.` : `date: ${p.value} is before the agreement period. Give a date on or after 2021-01-01.`;
    case 'date.future':
      return fi ? `date: ${p.value} on tulevaisuudessa. Raportoi tulos vasta kun se on tapahtunut.` : `date: ${p.value} is in the future. Report an outcome once it has happened.`;
    case 'link.invalid':
      return fi ? `link: ${q(p.value)} ei ole http(s)-osoite. Anna linkki muodossa https://…` : `link: ${q(p.value)} is not an http(s) address. Give a link starting with https://`;
    case 'business-id.format':
      return fi ? `business-id: ${q(p.value)} ei ole Y-tunnus. Muoto on 1234567-8.` : `business-id: ${q(p.value)} is not a Finnish Business ID. The form is 1234567-8.`;
    case 'business-id.check':
      return fi ? `business-id: Y-tunnuksen ${p.value} tarkistusnumero ei täsmää. Tarkista tunnus esim. YTJ:stä (ytj.fi).` : `business-id: the check digit of ${p.value} is wrong. Check the ID, e.g. at ytj.fi.`;
    case 'note.length':
      return fi ? 'note: lisätieto saa olla enintään 2000 merkkiä.' : 'note: must be at most 2,000 characters.';
    case 'reason.length':
      return fi ? 'reason: kerro syy (3–500 merkkiä), esim. reason="kirjattu kahdesti".' : 'reason: give a reason (3–500 characters), e.g. reason="reported twice".';
    case 'duplicate.value':
      return fi ? 'duplicate: ainoa sallittu arvo on duplicate=ok.' : 'duplicate: the only accepted value is duplicate=ok.';
    case 'unknown-field':
      return fi
        ? `${p.field}: tuntematon kenttä. Sallitut kentät: ${(p.allowed ?? []).join(', ')}.`
        : `${p.field}: unknown field. The fields are: ${(p.allowed ?? []).join(', ')}.`;
    case 'year.invalid':
      return fi ? `year: ${q(p.value)} ei ole vuosi. Anna vuosi muodossa VVVV, esim. year=2025.` : `year: ${q(p.value)} is not a year. Give it as YYYY, e.g. year=2025.`;
    case 'status.invalid':
      return fi ? `status: ${q(p.value)} ei ole tila. Tilat: reported, verified, retracted.` : `status: ${q(p.value)} is not a status. Use reported, verified or retracted.`;
    case 'unknown-goal':
      return fi ? `goal: en tunne tavoitetta ${q(p.value)}.${sugg} Kaikki tavoitteet: /progress` : `goal: I don't know the goal ${q(p.value)}.${sugg} All goals: /progress`;
    case 'unknown-party':
      return fi ? `party: en tunne osapuolta ${q(p.value)}.${sugg} Osapuolten tunnukset ovat esim. KAMK, CSC, Kajaani.` : `party: I don't know the party ${q(p.value)}.${sugg} Party ids are e.g. KAMK, CSC, Kajaani.`;
  }
}

const HEADS = {
  stored: { en: 'Please fix these; nothing was stored:', fi: 'Tarkista nämä, mitään ei tallennettu:' },
  changed: { en: 'Please fix these; nothing was changed:', fi: 'Tarkista nämä, mitään ei muutettu:' },
  listed: { en: 'Please fix these:', fi: 'Tarkista nämä:' },
};

/** A heading ("nothing was stored/changed") plus one line per problem. */
export function describeProblems(lang: Lang, problems: FieldProblem[], outcome: keyof typeof HEADS = 'stored'): string {
  const head = HEADS[outcome][lang];
  return [head, ...problems.map((p) => `- ${describeProblem(lang, p)}`)].join('\n');
}
