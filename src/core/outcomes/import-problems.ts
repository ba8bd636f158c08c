/**
 * What can be wrong with an import, as values with codes (like `FieldProblem`), and their
 * text in English and Finnish, written in one place. A problem points at the line of the
 * file a row starts on (and for JSON, which item of the array it is) and at the column as
 * the file names it.
 */
import type { Lang } from '../reply.js';
import { clip } from '../i18n.js';
import { describeProblem, type FieldProblem } from './field-messages.js';

/** Problems an import has besides the field checks `/report` shares. */
export type ImportIssue =
  | { code: 'field'; problem: FieldProblem }
  | { code: 'file.too-big'; limit: number }
  | { code: 'file.empty' | 'file.no-rows' | 'file.not-array' | 'file.utf16' | 'file.encoding' | 'file.unclosed-quote' | 'file.workbook' }
  | { code: 'file.not-json'; detail: string }
  | { code: 'column.missing'; names: string[] }
  | { code: 'column.unknown'; names: string[] }
  | { code: 'column.twice'; other: string }
  | { code: 'row.extra-cells'; count: number; limit: number }
  | { code: 'item.not-object' | 'value.not-text' | 'extra.invalid' | 'reason.missing' }
  | { code: 'timestamp.invalid' | 'timestamp.future'; value: string }
  | { code: 'duplicate.file'; other: number; by: 'title' | 'business-id' }
  | { code: 'duplicate.store'; id: number; title: string; reportedBy: string; reportedOn: string; by: 'title' | 'business-id' }
  | { code: 'corrected'; value: string; to: string };

/** One problem (or note) and where it is. */
export interface ImportProblem {
  /** The line of the file the row starts on (1-based); null for the file as a whole. */
  line: number | null;
  /** JSON only: the item of the array (1-based). */
  item?: number;
  /** The column or key as the file names it; null when the problem is not about one field. */
  field: string | null;
  issue: ImportIssue;
}

const q = (s: string) => `"${clip(s, 61)}"`;

/** A duplicate's column in words. */
const byWhat = (by: 'title' | 'business-id', fi: boolean) => (by === 'title' ? (fi ? 'sama tavoite ja otsikko' : 'same goal and title') : fi ? 'sama Y-tunnus' : 'same Business ID');

/** The message of an import-only issue. */
function importMessage(lang: Lang, issue: Exclude<ImportIssue, { code: 'field' }>): string {
  const fi = lang === 'fi';
  switch (issue.code) {
    case 'file.too-big':
      return fi
        ? `tiedosto on yli ${issue.limit / 1024 / 1024} Mt. Jaa se osiin ja tuo osat erikseen.`
        : `the file is over ${issue.limit / 1024 / 1024} MB. Split it and import the parts one by one.`;
    case 'file.empty':
      return fi ? 'tiedosto on tyhjä.' : 'the file is empty.';
    case 'file.no-rows':
      return fi ? 'tiedostossa ei ole yhtään tulosta (vain otsikkorivi).' : 'the file holds no outcomes (only a header).';
    case 'file.not-array':
      return fi ? 'JSON-tiedoston pitää olla taulukko tuloksia ([{…}, …]), kuten /export json sen kirjoittaa.' : 'the JSON must be an array of outcomes ([{…}, …]) as /export json writes it.';
    case 'file.utf16':
      return fi
        ? 'tiedosto on UTF-16-muodossa. Tallenna se muodossa "CSV UTF-8 (pilkuin erotettu)" ja tuo uudelleen.'
        : 'the file is UTF-16. Save it as "CSV UTF-8 (Comma delimited)" and import that.';
    case 'file.encoding':
      return fi
        ? 'rivi ei ole UTF-8-tekstiä (ä ja ö menisivät rikki). Tallenna tiedosto muodossa "CSV UTF-8" ja tuo uudelleen.'
        : 'this line is not UTF-8 text (ä and ö would be garbled). Save the file as "CSV UTF-8" and import that.';
    case 'file.unclosed-quote':
      return fi ? 'lainausmerkki aukeaa tällä rivillä eikä sulkeudu koskaan.' : 'a quote opens on this line and never closes.';
    case 'file.workbook':
      return fi
        ? 'tämä on Excel- tai laskentataulukkotiedosto. Tallenna se muodossa "CSV UTF-8" (Tiedosto → Tallenna nimellä) ja tuo CSV.'
        : 'this is an Excel (or other spreadsheet) workbook. Save it as "CSV UTF-8" (File → Save As) and import the CSV.';
    case 'file.not-json':
      return fi ? `ei kelvollista JSONia (${issue.detail}).` : `not valid JSON (${issue.detail}).`;
    case 'column.missing':
      return fi ? `sarake puuttuu. Anna se jollakin näistä nimistä: ${issue.names.join(', ')}.` : `column missing. Name it one of: ${issue.names.join(', ')}.`;
    case 'column.unknown':
      return fi
        ? `tuntematon sarake; mitään ei tallennettu, jottei se katoa huomaamatta. Poista se tai nimeä se: ${issue.names.join(', ')}.`
        : `unknown column; nothing is stored, so that it is not lost unnoticed. Remove it or name it one of: ${issue.names.join(', ')}.`;
    case 'column.twice':
      return fi ? `sama kenttä kahdesti (myös ${q(issue.other)}).` : `the same field twice (also as ${q(issue.other)}).`;
    case 'row.extra-cells':
      return fi ? `rivillä on ${issue.count} kenttää, otsikossa ${issue.limit}.` : `the row has ${issue.count} fields, the header ${issue.limit}.`;
    case 'item.not-object':
      return fi ? 'alkion pitää olla olio ({"goalId": …, "title": …}).' : 'the item must be an object ({"goalId": …, "title": …}).';
    case 'value.not-text':
      return fi ? 'arvon pitää olla tekstiä tai luku.' : 'the value must be text or a number.';
    case 'extra.invalid':
      return fi ? 'lisäkenttien pitää olla JSON-olio, kuten vienti sen kirjoittaa ({"nimi": "arvo"}).' : 'extra fields must be a JSON object as the export writes them ({"name": "value"}).';
    case 'reason.missing':
      return fi ? 'peruttu tulos tarvitsee syyn (retractReason).' : 'a retracted outcome needs its reason (retractReason).';
    case 'timestamp.invalid':
      return fi ? `${q(issue.value)} ei ole aikaleima. Muoto on 2025-06-15T09:00:00.000Z.` : `${q(issue.value)} is not a timestamp. The form is 2025-06-15T09:00:00.000Z.`;
    case 'timestamp.future':
      return fi ? `${issue.value} on tulevaisuudessa.` : `${issue.value} is in the future.`;
    case 'duplicate.file':
      return fi
        ? `${byWhat(issue.by, fi)} kuin rivillä ${issue.other}. Jos se on eri tulos, käytä --allow-duplicates.`
        : `${byWhat(issue.by, fi)} as line ${issue.other}. If it really is another outcome, use --allow-duplicates.`;
    case 'duplicate.store':
      return fi
        ? `${byWhat(issue.by, fi)} kuin jo tallennettu #${issue.id} ${q(issue.title)} (raportoi ${issue.reportedBy} ${issue.reportedOn}). Jos se on eri tulos, käytä --allow-duplicates.`
        : `${byWhat(issue.by, fi)} as #${issue.id} ${q(issue.title)}, already stored (reported by ${issue.reportedBy} on ${issue.reportedOn}). If it really is another outcome, use --allow-duplicates.`;
    case 'corrected':
      return fi ? `tulkitsin ${q(issue.value)} tarkoittavan ${issue.to}.` : `took ${q(issue.value)} to mean ${issue.to}.`;
  }
}

/** The problem's message without where it is (the JSON output's `message`). */
export function importProblemMessage(lang: Lang, p: ImportProblem): string {
  if (p.issue.code !== 'field') return importMessage(lang, p.issue);
  const field = p.field ?? p.issue.problem.field;
  const text = describeProblem(lang, { ...p.issue.problem, field });
  return text.startsWith(`${field}: `) ? text.slice(field.length + 2) : text;
}

/** Where a problem is: "line 7" (CSV), "item 3 (line 14)" (JSON), or "the file". */
export function importProblemPlace(lang: Lang, p: Pick<ImportProblem, 'line' | 'item'>): string {
  const fi = lang === 'fi';
  if (p.item !== undefined) return fi ? `alkio ${p.item} (rivi ${p.line})` : `item ${p.item} (line ${p.line})`;
  if (p.line !== null) return fi ? `rivi ${p.line}` : `line ${p.line}`;
  return fi ? 'tiedosto' : 'the file';
}

/** One problem as a line: `line 7, date: "2026-13-01" is not a real date. …`. */
export function describeImportProblem(lang: Lang, p: ImportProblem): string {
  const place = importProblemPlace(lang, p);
  return p.field === null ? `${place}: ${importProblemMessage(lang, p)}` : `${place}, ${p.field}: ${importProblemMessage(lang, p)}`;
}
