/**
 * The answer to a failure the user did not cause: a short apology with a reference id, the
 * same id the log line carries, so a report from a user leads straight to the error. The core
 * uses it for failures inside a command, the adapters for failures around the core.
 */
import { randomUUID } from 'node:crypto';
import { errorReply, type Lang, type Reply } from './reply.js';

/** A new reference id: 8 hex characters, short enough to read out, unique enough to grep. */
export function newReference(): string {
  return randomUUID().slice(0, 8);
}

/** The apology text with its reference. */
export function apologyText(lang: Lang, reference: string): string {
  return lang === 'fi' ? `Pahoittelut, jokin meni vikaan. Viitenumero: ${reference}.` : `Sorry, something went wrong on my side. Reference: ${reference}.`;
}

/** The apology as a reply (shown only to the asker), with the reference in `data`. */
export function apologyReply(lang: Lang, reference: string): Reply {
  return errorReply(lang, apologyText(lang, reference), { data: { reference } });
}
