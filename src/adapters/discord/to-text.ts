/**
 * Discord input → the core's text grammar. Slash-command options, modal fields and mention
 * text all become one line such as `/report companies "Acme Oy" party=KAMK`, so the core
 * validates Discord input exactly as it validates console input.
 */
import type { CommandSpec } from './commands.js';
import { quote } from '../../core/commands/parse.js';

/** An option value as Discord delivers it. */
export type OptionValue = string | number | boolean;


/** A question for the core: never a command, even when it starts with a slash. */
export function questionText(text: string): string {
  return text.replace(/^[\s/]+/, '').trim();
}

/**
 * Builds the core command line from a spec and the option values the user gave. Positional
 * values follow the spec's order, so `/report title:X goal:companies` still reads
 * `/report companies X`.
 */
export function commandText(spec: CommandSpec, values: ReadonlyMap<string, OptionValue>): string {
  const parts = [`/${spec.name}`];
  for (const o of spec.options) {
    const v = values.get(o.name);
    if (v === undefined || v === '') continue;
    if (o.placement === 'text') return questionText(String(v));
    const text = o.type === 'user' ? `discord:${String(v)}` : String(v);
    // `quote` keeps a value with "=" (a title "x=1") one positional token.
    if (o.placement === 'positional') parts.push(quote(text));
    else if (o.placement === 'named') parts.push(`${o.name}=${quote(text)}`);
    else if (v === true) parts.push(`${o.name}=ok`);
  }
  return parts.join(' ');
}

/** A Finnish Business ID (Y-tunnus): seven digits, a dash, a check digit. */
const BUSINESS_ID = /\b\d{7}-\d\b/;
const URL = /\bhttps?:\/\/\S+/i;

/**
 * Splits the report form's free "details" field into link, Business ID and note: a form
 * has room for five fields, so the three optional ones share one.
 */
export function splitDetails(details: string): { link?: string; businessId?: string; note?: string } {
  let rest = details;
  const link = URL.exec(rest)?.[0];
  if (link) rest = rest.replace(link, ' ');
  const businessId = BUSINESS_ID.exec(rest)?.[0];
  if (businessId) rest = rest.replace(businessId, ' ');
  const note = rest.replace(/\s+/g, ' ').trim();
  return { link, businessId, note: note === '' ? undefined : note };
}

/** Joins link, Business ID and note back into the details field (to pre-fill the form). */
export function joinDetails(values: ReadonlyMap<string, OptionValue>): string {
  return ['link', 'business-id', 'note']
    .map((k) => values.get(k))
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .join('\n');
}
