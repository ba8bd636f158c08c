/**
 * Form pre-fills behind the "Open the filled-in form" button of a reporting suggestion: the
 * values understood from a user's words, kept here under a random reference because a
 * Discord custom_id holds only 100 characters (a Slack button value 2,000). The button
 * carries the reference; a click after a restart or expiry finds nothing and the adapter
 * says the suggestion has expired. Nothing here is ever stored: a form's submit goes through
 * the normal command path.
 */
import { ExpiringRefs } from '../expiring-refs.js';

/**
 * A suggestion is acted on within minutes of being shown; an hour is generous, and a stale
 * suggestion (the day and the user's mind have moved on) is better written again.
 */
const PREFILL_TTL_MS = 60 * 60 * 1000;
/** Bounds memory however many suggestions a busy workspace asks for within the hour. */
const MAX_PREFILLS = 1000;

/** The command whose form a reference opens, and the form's values (argument name → canonical value). */
export interface Prefill {
  command: string;
  values: Readonly<Record<string, string>>;
}

/** A bounded, short-lived memory of form pre-fills by reference. */
export class FormPrefills {
  private readonly entries: ExpiringRefs<Prefill>;

  constructor(now: () => number = Date.now) {
    this.entries = new ExpiringRefs(PREFILL_TTL_MS, MAX_PREFILLS, now);
  }

  /** Remembers `prefill` (a copy) and returns its reference: 12 hex characters. */
  remember(prefill: Prefill): string {
    return this.entries.remember({ command: prefill.command, values: { ...prefill.values } });
  }

  /** The pre-fill behind `ref`, unless unknown (a restart) or older than an hour. */
  get(ref: string): Prefill | undefined {
    return this.entries.get(ref);
  }
}

/** What a click on an expired suggestion's button says. */
export const PREFILL_EXPIRED = {
  en: 'This suggestion has expired. Please write what you want to report again.',
  fi: 'Ehdotus on vanhentunut. Kirjoita raportoitava asia uudelleen.',
} as const;
