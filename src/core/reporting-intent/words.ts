/**
 * The words that tell a reporting intent, in English and Finnish, folded (lower case, ä → a,
 * ö → o, å → a) so that text typed without Finnish letters reads the same. Each list is one
 * role in the reading of `understand.ts`: a verb that asks to report, a verb that says
 * something came about, the "new" that marks an outcome, words that end a title, words that
 * make the text a question.
 */

/** Lower case, Finnish and Swedish letters folded to ASCII, for matching only. */
export function fold(word: string): string {
  return word.toLowerCase().replace(/[äå]/g, 'a').replace(/ö/g, 'o');
}

/**
 * Verbs that ask to store something: English base forms (position-checked in
 * `understand.ts`: "the annual report" is no request), Finnish stems of every form
 * (raportoi, raportoida, raportoin, ilmoitan, kirjatkaa…).
 */
export const REPORT_VERBS_EN: ReadonlySet<string> = new Set(['report', 'reporting', 'register', 'record', 'submit', 'file']);
export const REPORT_STEMS_FI: readonly string[] = ['raportoi', 'raportoid', 'ilmoita', 'ilmoitt', 'ilmoitam', 'ilmoitan', 'kirjaa', 'kirjat', 'kirjaan', 'tallenna', 'tallent'];
/** Nouns that share a verb's stem ("raportointi", "ilmoitus"): a topic, not a request. */
export const NOT_VERBS_FI: readonly string[] = ['raportoint', 'ilmoitus', 'ilmoituks', 'kirjaami', 'kirjaus', 'tallennu'];

/** Weaker verbs ("add", "lisää" is also "more"): they count only with a goal and a title. */
export const ADD_VERBS_EN: ReadonlySet<string> = new Set(['add', 'log', 'enter']);
export const ADD_WORDS_FI: ReadonlySet<string> = new Set(['lisaa', 'lisata', 'lisaan', 'lisaisin', 'lisatkaa', 'lisaamme']);

/** Verbs saying an outcome came about: they count with a goal, and a title or "we … new". */
export const EVENT_VERBS_EN: ReadonlySet<string> = new Set([
  'launched', 'founded', 'started', 'established', 'created', 'opened', 'spun', 'commercialised', 'commercialized',
  'released', 'introduced', 'formed', 'incorporated', 'set', 'built',
]);
export const EVENT_STEMS_FI: readonly string[] = [
  'syntyi', 'syntyn', 'perustet', 'perustim', 'perusti', 'lanseera', 'julkaisim', 'julkaist', 'avasim', 'avattiin',
  'kaynnistim', 'kaynnistet', 'kaupallistim', 'kaupallistet', 'aloitti', 'aloitim', 'saimme', 'kehitimme', 'teimme',
];

/** "new" in the forms it takes before a goal ("uuden yrityksen", "uusia palveluja"). */
export const NEW_WORDS: ReadonlySet<string> = new Set(['new', 'uusi', 'uuden', 'uutta', 'uusia', 'uudet', 'uusien', 'uudesta', 'uuteen', 'uudella', 'uusista']);

/** First-person subjects: "we launched…", "meillä syntyi…". */
export const WE_WORDS: ReadonlySet<string> = new Set(['we', 'i', 'our', 'us', 'meilla', 'meille', 'me', 'mina', 'perustimme', 'olemme', 'meidan']);

/** Words introducing a title: "called X", "nimeltä X". */
export const NAMING_WORDS: ReadonlySet<string> = new Set(['called', 'named', 'titled', 'nimelta', 'nimeltaan', 'niminen', 'nimisen', 'nimella', 'otsikolla']);

/** Words that end a title run: a party or a date comes next. */
export const TITLE_STOPS: ReadonlySet<string> = new Set([
  'with', 'by', 'for', 'at', 'from', 'together', 'party', 'date', 'on', 'today', 'yesterday', 'kanssa', 'yhdessa', 'osapuoli', 'osapuolena', 'tanaan', 'eilen', 'pvm',
]);

/** Company-form suffixes: "Testi Oy" is a company's name, never the University of Oulu (OY). */
export const COMPANY_FORMS: ReadonlySet<string> = new Set(['oy', 'oyj', 'ab', 'abp', 'ltd', 'ky', 'tmi', 'ay', 'inc', 'gmbh', 'llc', 'plc', 'as', 'aps', 'sa']);

/** Words that make text a question, wherever they come before the verb. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  'how', 'what', 'who', 'whom', 'whose', 'which', 'when', 'where', 'why', 'whether', 'can', 'could', 'may', 'should', 'do', 'does', 'did', 'is', 'are',
  'was', 'were', 'will', 'would', 'has', 'have', 'list', 'show', 'tell', 'explain',
  'miten', 'mita', 'mika', 'mitka', 'kuka', 'ketka', 'kenen', 'kenelle', 'kuinka', 'montako', 'paljonko', 'milloin', 'missa', 'mista', 'miksi', 'mihin',
  'nayta', 'listaa', 'kerro', 'selita',
]);

/** Openings of a request to the bot, which may end in "?" ("could you record…?"). */
export const POLITE_OPENINGS: readonly (readonly string[])[] = [
  ['can', 'you'], ['could', 'you'], ['would', 'you'], ['will', 'you'], ['please'], ['pls'], ['voisitko'], ['voitko'], ['voisitteko'], ['voitteko'], ['ole', 'hyva'], ['hei'], ['hi'], ['hey'],
];

/** Words before an English report verb that keep it a verb ("I want to report", "please record"). */
export const VERB_LEADS_EN: ReadonlySet<string> = new Set(['to', 'i', 'we', 'please', 'pls', 'me', 'us', 'just', 'also', "i'll", "we'll", 'ill', 'lets', "let's", 'and']);

/** Objects that make a bare report verb about outcomes ("report an outcome", "raportoi tulos"). */
export const OUTCOME_WORDS: readonly string[] = ['outcome', 'result', 'achievement', 'tulos', 'tulokse', 'tuloks', 'saavutu', 'saavutuks'];

/** Words that carry nothing after a report verb: "I want to report (something)". */
export const FILLERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'it', 'this', 'something', 'one', 'jotain', 'jotakin', 'taman', 'tama', 'asian', 'asia']);
