/**
 * Discord input → the core's text grammar. Slash-command options, modal fields and mention
 * text all become one line such as `/report companies "Acme Oy" party=KAMK`, so the core
 * validates Discord input exactly as it validates console input.
 */
import type { CommandSpec } from './commands.js';

/** An option value as Discord delivers it. */
export type OptionValue = string | number | boolean;

/**
 * Quotes a value for the core tokenizer, which has no escape character: it picks a quote
 * pair that does not occur in the value. A value containing every kind of quote has its
 * straight double quotes replaced by the look-alike ″ (double prime), which the tokenizer
 * treats as an ordinary character.
 */
export function quote(value: string): string {
  if (value !== '' && !/[\s"'“”„‘’]/.test(value)) return value;
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('’')) return `‘${value}’`;
  return `"${value.replace(/["”]/g, '″')}"`;
}

/** A question for the core: never a command, even when it starts with a slash. */
export function questionText(text: string): string {
  return text.replace(/^[\s/]+/, '').trim();
}

/** What the core tokenizer reads as a named `key=value` pair. */
const KEY_VALUE = /^[A-Za-z][A-Za-z0-9_-]*=/;

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
    // A positional value that reads as key=value (a title "x=1") would be taken as a named
    // field by the core tokenizer, so it goes in as `name=value` instead.
    if (o.placement === 'positional' && !KEY_VALUE.test(text)) parts.push(quote(text));
    else if (o.placement === 'positional') parts.push(`${o.name}=${quote(text)}`);
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
