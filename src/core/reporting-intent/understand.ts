/**
 * Reads a plain-words message as a wish to report an outcome ("raportoi uusi yritys:
 * Sensorit Oy, KAMK", "we launched a new service product called Datapalvelu X with CSC"), or
 * as nothing of the kind (null). The reading is built from parts, not a list of sentences:
 *
 * 1. a verb: one that asks to store something (report, raportoi, ilmoitan…), a weaker one
 *    (add, lisää) or one saying an outcome came about (launched, syntyi, perustettiin…);
 *    a question ("how do I report?", "kuka voi raportoida?") is never a wish;
 * 2. a title: "quoted", after "called"/"nimeltä", a company's name ending in a company form
 *    (Oy, Ab, Ltd…), after a colon that follows the goal, or capitalised words right after
 *    the goal;
 * 3. the goal, named in words in either language and inflected ("uuden yrityksen"), outside
 *    the title;
 * 4. a party of the agreement named outside the title (so "Testi Oy" is never the
 *    University of Oulu, OY), and a date, link or Business ID when written.
 *
 * Pure: the knowledge base in, what was understood out. Nothing is checked against the
 * outcome rules here (see `suggest.ts`).
 */
import type { Goal, KnowledgeBase, Party } from '../knowledge/schema.js';
import { exactParty } from '../outcomes/resolve.js';
import { stem } from '../answer/stem.js';
import {
  ADD_VERBS_EN, ADD_WORDS_FI, COMPANY_FORMS, EVENT_STEMS_FI, EVENT_VERBS_EN, FILLERS, fold, NAMING_WORDS, NEW_WORDS, NOT_VERBS_FI, OUTCOME_WORDS,
  POLITE_OPENINGS, QUESTION_WORDS, REPORT_STEMS_FI, REPORT_VERBS_EN, TITLE_STOPS, VERB_LEADS_EN, WE_WORDS,
} from './words.js';

/** What a message says about the outcome to report; every part is optional. */
export interface Understood {
  goal?: Goal;
  /** The title as written (a company's or product's name). */
  title?: string;
  party?: Party;
  /** A date as written (`15.11.2025`, `eilen`, `2025-11-15`). */
  date?: string;
  link?: string;
  businessId?: string;
}

/** One word, quoted value or punctuation mark of the message, with its place. */
interface Token {
  text: string;
  /** Folded (`fold`), hyphens removed: for matching. */
  key: string;
  start: number;
  end: number;
  quoted: boolean;
  punct: boolean;
}

/** Words (inner `:`/`.` kept when a letter or digit follows: KAMK:n, 15.11.2025), quoted values, punctuation. */
const TOKEN = /"([^"]*)"|“([^”"]*)[”"]|„([^”"]*)[”"]|([\p{L}\p{N}](?:[\p{L}\p{N}&'’+\-]|[.:/](?=[\p{L}\p{N}]))*)|([,;:()[\]?!])/gu;
const LINK = /https?:\/\/[^\s<>"]+/g;
const BUSINESS_ID = /^\d{7}-\d$/;
const DATE = /^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.(\d{4})?)$/;
const DATE_WORDS: ReadonlySet<string> = new Set(['today', 'tanaan', 'yesterday', 'eilen']);
/** Interrogatives that make the text a question wherever they stand before the verb ("tell me how to report"). */
const INTERROGATIVES: ReadonlySet<string> = new Set(['how', 'what', 'who', 'which', 'when', 'where', 'why', 'whether', 'miten', 'mita', 'mika', 'mitka', 'kuka', 'ketka', 'kuinka', 'montako', 'milloin', 'missa', 'miksi', 'mihin', 'kenen']);
/** A title longer than this is not a name but a paragraph (the title field holds 200). */
const MAX_TITLE_WORDS = 12;
/** The most words a party's name is tried with ("Kajaanin ammattikorkeakoulu Oy" has 3). */
const MAX_PARTY_WORDS = 4;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const quotedText = m[1] ?? m[2] ?? m[3];
    let t = quotedText ?? m[4] ?? m[5]!;
    let end = m.index + m[0].length;
    // "15.11." (a date this year) keeps its closing dot; "1.5" without one is a number.
    if (/^\d{1,2}\.\d{1,2}$/.test(t) && text[end] === '.') {
      t += '.';
      end++;
    }
    tokens.push({ text: t, key: fold(t).replace(/-/g, ''), start: m.index, end, quoted: quotedText !== undefined, punct: m[5] !== undefined });
  }
  return tokens;
}

const isWord = (t: Token | undefined): t is Token => t !== undefined && !t.punct && !t.quoted;
const capitalised = (t: Token) => /^[\p{Lu}\p{N}]/u.test(t.text);
const isDate = (t: Token) => DATE.test(t.text) || DATE_WORDS.has(t.key);
const isCompanyForm = (t: Token | undefined) => isWord(t) && COMPANY_FORMS.has(t.key) && /^\p{Lu}/u.test(t.text);
const startsWithAny = (key: string, stems: readonly string[]) => stems.some((s) => key.startsWith(s));

/** Two words that are one word inflected: same stem, or a shared root with a short ending ("yritys", "yrityksen"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (stem(a, 'en') === stem(b, 'en') || stem(a, 'fi') === stem(b, 'fi')) return true;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  const short = Math.min(a.length, b.length);
  // Finnish endings add at most ~6 letters ("yrity|ksiltä"); a longer tail is another word ("yrityspalvelut").
  return p >= 4 && p >= short - 2 && Math.max(a.length, b.length) - p <= 6;
}

type VerbKind = 'report' | 'add' | 'event';

/** The kind of verb at `i`, if it is one; English report verbs only where a verb stands ("the report" is a noun). */
function verbAt(tokens: Token[], i: number, lead: number): VerbKind | null {
  const t = tokens[i];
  if (!isWord(t)) return null;
  const prev = tokens[i - 1];
  const verbPlace = i === lead || (isWord(prev) && VERB_LEADS_EN.has(prev.key));
  if (REPORT_VERBS_EN.has(t.key) && verbPlace) return 'report';
  if (startsWithAny(t.key, REPORT_STEMS_FI) && !startsWithAny(t.key, NOT_VERBS_FI)) return 'report';
  if ((ADD_VERBS_EN.has(t.key) && verbPlace) || ADD_WORDS_FI.has(t.key)) return 'add';
  if (EVENT_VERBS_EN.has(t.key) || startsWithAny(t.key, EVENT_STEMS_FI)) return 'event';
  return null;
}

/** How many tokens open the message as a request to the bot ("could you", "hei,"): they may end it with "?". */
function politeLead(tokens: Token[]): number {
  let at = 0;
  for (let changed = true; changed; ) {
    changed = false;
    while (tokens[at]?.punct) at++;
    for (const words of POLITE_OPENINGS) {
      if (words.every((w, k) => isWord(tokens[at + k]) && tokens[at + k]!.key === w)) {
        at += words.length;
        changed = true;
        break;
      }
    }
  }
  while (tokens[at]?.punct) at++;
  return at;
}

/** A question: a question word or a Finnish -ko/-kö question first, or a "?" at the end of a non-request. */
function isQuestion(text: string, tokens: Token[], lead: number): boolean {
  const first = tokens[lead];
  if (lead === 0 && text.trimEnd().endsWith('?')) return true;
  if (!isWord(first)) return false;
  return QUESTION_WORDS.has(first.key) || (/^\p{L}{3,}ko$/u.test(first.key) && !startsWithAny(first.key, REPORT_STEMS_FI));
}

/** The title run from `s`: up to punctuation, a stop word, a date or Business ID, or just after a company form. */
function titleRun(tokens: Token[], s: number, blocked: ReadonlySet<number>): [number, number] | null {
  let e = s;
  while (e < tokens.length && e - s < MAX_TITLE_WORDS) {
    const t = tokens[e]!;
    if (!isWord(t) || blocked.has(e) || TITLE_STOPS.has(t.key) || isDate(t) || BUSINESS_ID.test(t.text)) break;
    e++;
    if (isCompanyForm(t) && e - 1 > s) break;
  }
  return e > s ? [s, e] : null;
}

/** The capitalised name that a company form ends ("Acme Data Oy"), if the form at `j` ends one. */
function companyName(tokens: Token[], j: number, verb: number): [number, number] | null {
  let s = j;
  while (s - 1 > verb && j - (s - 1) <= 5 && isWord(tokens[s - 1]) && capitalised(tokens[s - 1]!)) s--;
  return s < j ? [s, j + 1] : null;
}

interface GoalMatch {
  goal: Goal;
  from: number;
  to: number;
}

/** A goal's names as folded words, without a leading "new"/"uudet" (it is read on its own). */
function goalPhrases(kb: KnowledgeBase): { goal: Goal; words: string[] }[] {
  return kb.goals.flatMap((goal) =>
    [goal.name.en, goal.name.fi, ...goal.aliases.en, ...goal.aliases.fi].map((name) => {
      const words = name.split(/\s+/).map((w) => fold(w).replace(/[^\p{L}\p{N}&]/gu, ''));
      while (words.length > 1 && (NEW_WORDS.has(words[0]!) || words[0] === 'the')) words.shift();
      return { goal, words: words.filter(Boolean) };
    }),
  );
}

/** The goal named by the most words (then the earliest), outside `blocked` tokens. */
function findGoal(kb: KnowledgeBase, tokens: Token[], blocked: ReadonlySet<number>): GoalMatch | null {
  let best: GoalMatch | null = null;
  for (const { goal, words } of goalPhrases(kb)) {
    if (words.length === 0) continue;
    for (let i = 0; i + words.length <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) ok = isWord(tokens[i + k]) && !blocked.has(i + k) && sameWord(tokens[i + k]!.key, words[k]!);
      if (!ok) continue;
      const better = !best || words.length > best.to - best.from || (words.length === best.to - best.from && i < best.from);
      if (better) best = { goal, from: i, to: i + words.length };
    }
  }
  return best;
}

/**
 * A party named outside `blocked`: the longest name from the leftmost place. A name written
 * in lower case counts only as a party's short id ("kamk"), a place in the locative
 * ("Kajaanissa", "in Kajaani") is where, not who, and "Oy" is a company form, never OY.
 */
function findParty(kb: KnowledgeBase, tokens: Token[], blocked: ReadonlySet<number>): Party | undefined {
  const ids = new Set(kb.parties.flatMap((p) => [fold(p.id), fold(p.shortName)]).filter((id) => id !== 'oy'));
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(MAX_PARTY_WORDS, tokens.length - i); n >= 1; n--) {
      const run = tokens.slice(i, i + n);
      if (run.some((t, k) => !isWord(t) || blocked.has(i + k))) continue;
      if (run[0]!.key === 'oy' && run[0]!.text !== 'OY') continue;
      if (/ss[aä]$/.test(run[n - 1]!.key) || (isWord(tokens[i - 1]) && tokens[i - 1]!.key === 'in')) continue;
      const name = run.map((t) => t.text.replace(/:\p{L}+$/u, '')).join(' ');
      const party = exactParty(kb, name);
      if (party && (capitalised(run[0]!) || (n === 1 && ids.has(fold(name))))) return party;
    }
  }
  return undefined;
}

/** What `text` says about an outcome to report, or null when it is no wish to report (a question, a remark). */
export function understandReport(text: string, kb: KnowledgeBase): Understood | null {
  const link = text.match(LINK)?.[0]?.replace(/[.,;:!?)]+$/, '');
  // Links are read on their own: blanked (same length, so places stay) before the words are.
  const tokens = tokenize(text.replace(LINK, (m) => ' '.repeat(m.length)));
  const lead = politeLead(tokens);
  if (isQuestion(text, tokens, lead)) return null;

  let verb = -1;
  let kind: VerbKind | null = null;
  for (let i = lead; i < tokens.length && kind === null; i++) {
    if (isWord(tokens[i]) && INTERROGATIVES.has(tokens[i]!.key)) return null;
    kind = verbAt(tokens, i, lead);
    if (kind) verb = i;
  }
  if (kind === null) return null;

  // The title, where it is written unmistakably: quoted, named, or a company's name.
  const blocked = new Set<number>([verb]);
  let title: [number, number] | null = null;
  const quoted = tokens.findIndex((t, i) => i > lead && t.quoted && t.text.trim() !== '');
  if (quoted >= 0) title = [quoted, quoted + 1];
  const naming = tokens.findIndex((t, i) => i > lead && isWord(t) && NAMING_WORDS.has(t.key));
  if (!title && naming >= 0) title = titleRun(tokens, naming + 1, blocked);
  if (!title) {
    const form = tokens.findIndex((t, i) => i > verb && isCompanyForm(t));
    if (form >= 0) title = companyName(tokens, form, verb);
  }
  const block = (span: [number, number] | null) => {
    if (span) for (let i = span[0]; i < span[1]; i++) blocked.add(i);
  };
  block(title);
  if (naming >= 0) blocked.add(naming);

  const goalMatch = findGoal(kb, tokens, blocked);
  if (goalMatch) block([goalMatch.from, goalMatch.to]);
  if (!title) {
    // After a colon that follows the goal (or the verb): "uusi yritys: Sensorit Oy, KAMK".
    const after = goalMatch?.to ?? verb + 1;
    const colon = tokens.findIndex((t, i) => i >= after && t.punct && t.text === ':');
    if (colon >= 0) title = titleRun(tokens, colon + 1, blocked);
    // Capitalised words right after the goal: "raportoi uusi yritys Sensorit".
    else if (goalMatch && isWord(tokens[goalMatch.to]) && capitalised(tokens[goalMatch.to]!) && !isDate(tokens[goalMatch.to]!)) {
      let e = goalMatch.to;
      while (e < tokens.length && isWord(tokens[e]) && capitalised(tokens[e]!) && !isDate(tokens[e]!) && !TITLE_STOPS.has(tokens[e]!.key)) e++;
      const words = tokens.slice(goalMatch.to, e).map((t) => t.text).join(' ');
      // A party's name alone is who, not what ("report a new company KAMK").
      if (!exactParty(kb, words)) title = [goalMatch.to, e];
    }
    block(title);
  }
  // A party written last in an unmarked title ("Sensorit Oy KAMK" is cut after the form; "Datapalvelu X CSC" here).
  if (title && title[1] - title[0] >= 2 && !tokens[title[0]]!.quoted) {
    const last = tokens[title[1] - 1]!;
    const bare = last.text.replace(/:\p{L}+$/u, '');
    if (bare === bare.toUpperCase() && !isCompanyForm(last) && exactParty(kb, bare)) {
      blocked.delete(title[1] - 1);
      title = [title[0], title[1] - 1];
    }
  }

  const party = findParty(kb, tokens, blocked);
  const dateTok = tokens.find((t, i) => !blocked.has(i) && !t.quoted && isDate(t));
  const bid = tokens.find((t) => !t.quoted && BUSINESS_ID.test(t.text));
  const titleText = title ? (tokens[title[0]]!.quoted ? tokens[title[0]]!.text.trim() : text.slice(tokens[title[0]]!.start, tokens[title[1] - 1]!.end).trim()) : undefined;

  // Whether the words make a wish to report, by the verb's strength.
  const keys = tokens.filter(isWord).map((t) => t.key);
  const isNew = keys.some((k) => NEW_WORDS.has(k));
  const named = titleText !== undefined;
  if (kind === 'add' && !(goalMatch && named)) return null;
  if (kind === 'event' && !(goalMatch && (named || (isNew && keys.some((k) => WE_WORDS.has(k)))))) return null;
  if (kind === 'report') {
    const rest = tokens.slice(verb + 1).filter((t) => !t.punct && !FILLERS.has(t.key));
    const aboutOutcome = keys.some((k) => startsWithAny(k, OUTCOME_WORDS));
    if (!goalMatch && !named && !isNew && !aboutOutcome && rest.length > 0) return null;
  }
  return {
    ...(goalMatch ? { goal: goalMatch.goal } : {}),
    ...(titleText ? { title: titleText } : {}),
    ...(party ? { party } : {}),
    ...(dateTok ? { date: dateTok.text } : {}),
    ...(link ? { link } : {}),
    ...(bid ? { businessId: bid.text } : {}),
  };
}
