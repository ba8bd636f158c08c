/**
 * The neutral reply model. Every command and every answer returns a `Reply`; adapters
 * (console, Slack, Discord) only render it. Nothing in here is platform markup: all text
 * is plain, and adapters escape it for their platform.
 */
import { filledUnits } from './percent.js';

export type Lang = 'en' | 'fi';

/** A text in both user-facing languages. */
export interface Localized {
  en: string;
  fi: string;
}

/** A source a fact comes from. */
export interface Source {
  id: string;
  title: string;
  url: string;
}

/** How a quantitative target is compared: "15" (exactly), "at least 2", "more than 20". */
export type Comparator = 'exactly' | 'at-least' | 'more-than';

/** One progress row, rendered as a text bar (`█████░░░░░ 4 / 15`) by adapters. */
export interface ProgressRow {
  goalId: string;
  label: string;
  /** Counted outcomes (reported + verified; retracted excluded). */
  count: number;
  /** Null for qualitative goals. */
  target: number | null;
  comparator: Comparator | null;
  /** The number that meets the target ("more than 20" → 21). */
  needed: number | null;
  met: boolean;
}

/** A titled block of lines inside a reply. */
export interface ReplySection {
  heading?: string;
  lines: string[];
}

/**
 * A file sent with a reply (an export, a chart). Chat platforms attach every file; a
 * text-only surface (the console) saves data files and shows an image's alt text instead.
 */
export interface ReplyFile {
  filename: string;
  contentType: string;
  data: Buffer;
  /** Alt text / description for images: an image with alt text illustrates the reply, the alt says the same in words. */
  alt?: string;
}

/**
 * A button under a reply, said platform-neutrally; each adapter's render.ts turns it into
 * its platform's button. A click acts as the clicker, exactly as if they had typed it, so a
 * button can never do more than its clicker may.
 */
export type ReplyAction =
  /**
   * Opens the form of a command that has one (`/report`); with `prefill`, pre-filled with the
   * values kept under that reference (`Services.prefills`), since a button cannot carry them.
   */
  | { kind: 'form'; command: string; label: string; style?: 'primary'; prefill?: string }
  /** Runs a command line, e.g. `/remind nothing 2026-12` (kept short: Discord ids hold 100 characters). */
  | { kind: 'command'; line: string; label: string; style?: 'primary' };

export interface Reply {
  /** False when the user's input was rejected (bad command, not allowed...). */
  ok: boolean;
  /** The language the reply is written in. */
  lang: Lang;
  /** False when the bot declines: the question is outside the agreement, or not understood. */
  answered: boolean;
  /** Optional short heading. */
  title?: string;
  /** The answer itself: short and exact. */
  text: string;
  sections: ReplySection[];
  progress: ProgressRow[];
  sources: Source[];
  /** Example questions or "did you mean" offers. */
  suggestions: string[];
  /** Ephemeral replies are shown only to the asker where the platform allows it. */
  visibility: 'public' | 'ephemeral';
  files: ReplyFile[];
  /** Command-specific structured data, exposed as extra fields in console `--json`. */
  data: Record<string, unknown>;
  /**
   * Do not send: the user is over the rate limit and was already told. Adapters send nothing,
   * except where the platform needs an answer to this very request (a Slack form submission
   * shows `text` as its error and stays open).
   */
  silent?: true;
  /**
   * Set when the answer can be rated: adapters show 👍/👎 and turn a click into
   * `/feedback <ref> up|down`.
   */
  feedbackRef?: string;
  /** Buttons under the reply (see `ReplyAction`); the console lists their labels. */
  actions?: ReplyAction[];
}

/** Builds a reply with sensible defaults. */
export function reply(lang: Lang, text: string, extra: Partial<Omit<Reply, 'lang' | 'text'>> = {}): Reply {
  return {
    ok: true,
    answered: true,
    sections: [],
    progress: [],
    sources: [],
    suggestions: [],
    visibility: 'public',
    files: [],
    data: {},
    ...extra,
    lang,
    text,
  };
}

/** A rejection the user caused: shown only to them, never an answer. */
export function errorReply(lang: Lang, text: string, extra: Partial<Omit<Reply, 'lang' | 'text'>> = {}): Reply {
  return reply(lang, text, { ok: false, answered: false, visibility: 'ephemeral', ...extra });
}

/** Picks the text for a language. */
export function tr(lang: Lang, text: Localized): string {
  return text[lang];
}

/** Renders a reply as plain text: the console adapter's format and the basis of `answer` in JSON. */
export function replyToPlainText(r: Reply): string {
  const parts: string[] = [];
  if (r.title) parts.push(r.title);
  if (r.text) parts.push(r.text);
  for (const s of r.sections) {
    parts.push([s.heading, ...s.lines].filter((x): x is string => Boolean(x)).join('\n'));
  }
  if (r.progress.length > 0) parts.push(r.progress.map(progressLine).join('\n'));
  if (r.suggestions.length > 0) parts.push(r.suggestions.map((s) => `• ${s}`).join('\n'));
  if (r.sources.length > 0) {
    const head = r.lang === 'fi' ? 'Lähteet:' : 'Sources:';
    parts.push([head, ...r.sources.map((s) => `- ${s.title}: ${s.url}`)].join('\n'));
  }
  if (r.actions && r.actions.length > 0) parts.push(r.actions.map((a) => `[${a.label}]`).join(' '));
  return parts.join('\n\n');
}

/** A text progress bar, e.g. `█████░░░░░`: full only when the target is met (see `percent.ts`). */
export function progressBar(count: number, needed: number | null, width = 10): string {
  if (needed === null || needed <= 0) return '';
  const filled = filledUnits(count, needed, width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

/** One progress row as text: `Label: █████░░░░░ 4 / 15`. */
export function progressLine(p: ProgressRow): string {
  if (p.target === null) return `${p.label}: ${p.count}`;
  // "more than 20" is shown as ">20": at 20 the bar is not full either (needed is 21).
  const target = p.comparator === 'more-than' ? `>${p.target}` : String(p.target);
  return `${p.label}: ${progressBar(p.count, p.needed)} ${p.count} / ${target}`;
}
