/**
 * The columns an import reads: the `/export` names (goalId, happenedOn, status, reportedBy…),
 * the outcome fields' own names and aliases as `/report` takes them (goal, date, y-tunnus…),
 * in any case and with or without spaces, dashes or underscores ("Business ID"). Each maps to
 * one meaning; an unknown column is refused rather than dropped, so a misspelt "bussinesId"
 * never loses every Business ID of a file unnoticed.
 */
import { OUTCOME_ARGS } from './fields.js';

/** The status columns of the export, kept on import. */
export const STATUS_COLUMNS = ['status', 'reportedBy', 'reportedAt', 'verifiedBy', 'verifiedAt', 'retractedBy', 'retractedAt', 'retractReason'] as const;
export type StatusColumn = (typeof STATUS_COLUMNS)[number];

/** What a column holds. */
export type ColumnMeaning =
  /** An outcome field, by its argument name in `OUTCOME_ARGS` (checked like `/report`). */
  | { kind: 'arg'; name: string }
  | { kind: 'status'; name: StatusColumn }
  /** The export's object of fields without a column of their own. */
  | { kind: 'extra' }
  /** Read and left alone: the old id (the outcome gets a new one) and the last change time (it is the import's). */
  | { kind: 'ignored'; name: string };

/** The export's names for the outcome fields (see export.ts) → the argument each fills. */
const EXPORT_NAMES: Record<string, string> = { goalId: 'goal', partyId: 'party', happenedOn: 'date', businessId: 'business-id', description: 'note' };

/** The fields every row needs; an import has no "today" default for the date: a past outcome needs its own. */
export const REQUIRED_ARGS = ['goal', 'title', 'date'] as const;

/** A heading in the form it is matched in: lower case, without spaces, dashes, dots or underscores. */
const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/[\s_.-]+/g, '');

const MEANINGS: ReadonlyMap<string, ColumnMeaning> = (() => {
  const m = new Map<string, ColumnMeaning>();
  for (const a of OUTCOME_ARGS) for (const k of [a.name, a.nameFi, ...(a.keyAliases ?? [])]) m.set(norm(k), { kind: 'arg', name: a.name });
  for (const [k, name] of Object.entries(EXPORT_NAMES)) m.set(norm(k), { kind: 'arg', name });
  for (const name of STATUS_COLUMNS) m.set(norm(name), { kind: 'status', name });
  m.set('tila', { kind: 'status', name: 'status' });
  m.set('extra', { kind: 'extra' });
  for (const name of ['id', 'updatedAt']) m.set(norm(name), { kind: 'ignored', name });
  return m;
})();

/** What a column (or a JSON key) holds, or undefined for an unknown one. */
export function columnMeaning(heading: string): ColumnMeaning | undefined {
  return MEANINGS.get(norm(heading));
}

/** One name per meaning, for messages: the export's column names. */
export const EXPORT_COLUMNS: readonly string[] = [
  'goalId', 'title', 'partyId', 'happenedOn', 'link', 'businessId', 'description', ...STATUS_COLUMNS, 'extra', 'id',
];

/** Names a required field's column may have, for "column missing". */
export function namesFor(arg: string): string[] {
  const exportName = Object.entries(EXPORT_NAMES).find(([, a]) => a === arg)?.[0];
  const spec = OUTCOME_ARGS.find((a) => a.name === arg);
  return [...new Set([...(exportName ? [exportName] : []), arg, ...(spec ? [spec.nameFi, ...(spec.keyAliases ?? [])] : [])])];
}

/** The key a meaning is known by in a row (so two headings meaning the same thing are caught). */
export function meaningKey(m: ColumnMeaning): string {
  return m.kind === 'extra' ? 'extra' : `${m.kind}:${m.name}`;
}
