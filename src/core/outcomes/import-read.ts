/**
 * From a file's bytes to rows of named texts: checks the file as a whole (size, encoding,
 * empty, a workbook instead of CSV, the header's columns, JSON that is not an array of
 * objects), then reads each row (CSV record or JSON item) into the outcome fields it gives,
 * with the line it starts on. Nothing here judges a value: `import-rows.ts` does, like /report.
 */
import { isUtf8 } from 'node:buffer';
import { parseCsv, fromCsvCell, type CsvSeparator } from './import-csv.js';
import { columnMeaning, EXPORT_COLUMNS, meaningKey, namesFor, REQUIRED_ARGS, type ColumnMeaning, type StatusColumn } from './import-columns.js';
import type { ImportIssue, ImportProblem } from './import-problems.js';

/**
 * The largest file read. A 10,000-outcome export is about 3 MB, and the agreement's goals
 * count outcomes in the tens to hundreds, so 32 MB is far above any real file while it keeps
 * one mistaken upload (a database dump, a video) from filling the memory.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** One row of the file: what it gives for each field, and where it is. */
export interface RawRow {
  line: number;
  /** JSON only: the item of the array (1-based). */
  item?: number;
  /** Outcome argument name (`OUTCOME_ARGS`) → text; a field left empty is absent. */
  args: Record<string, string>;
  status: Partial<Record<StatusColumn, string>>;
  /** The extra fields: the JSON text (CSV) or the value (JSON) the export wrote. */
  extra?: unknown;
  /** Meaning key → the column or key as the file names it, for problems. */
  headings: Record<string, string>;
  /** What was wrong with the row's shape (its values are checked later). */
  problems: ImportProblem[];
}

export type ImportFormat = 'csv' | 'json';

/** The rows, or why the file as a whole cannot be read. */
export type ReadResult =
  | { ok: true; format: ImportFormat; separator?: CsvSeparator; rows: RawRow[] }
  | { ok: false; format: ImportFormat | null; problems: ImportProblem[] };

const whole = (issue: ImportIssue, line: number | null = null, field: string | null = null): ImportProblem => ({ line, field, issue });
const refused = (format: ImportFormat | null, ...problems: ImportProblem[]): ReadResult => ({ ok: false, format, problems });

/** The first line that is not valid UTF-8 (checked line by line only once the whole file failed). */
function firstBadLine(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (!isUtf8(bytes.subarray(start, i))) return line;
      line++;
      start = i + 1;
    }
  }
  return line;
}

/** Decodes UTF-8 (with or without a BOM), or says why the bytes are not UTF-8 text. */
function decode(bytes: Buffer): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, problem: whole({ code: 'file.utf16' }) };
  // A ZIP (xlsx, ods) or an old binary .xls: a workbook, not its CSV.
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return { ok: false, problem: whole({ code: 'file.workbook' }) };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) return { ok: false, problem: whole({ code: 'file.encoding' }, firstBadLine(bytes)) };
  return { ok: true, text: body.toString('utf8') };
}

/** Puts one value under its meaning; a second heading with the same meaning is a problem. */
function place(row: RawRow, heading: string, m: ColumnMeaning, key: string, value: unknown): void {
  if (row.headings[key] !== undefined) {
    row.problems.push({ line: row.line, ...(row.item !== undefined ? { item: row.item } : {}), field: heading, issue: { code: 'column.twice', other: row.headings[key]! } });
    return;
  }
  row.headings[key] = heading;
  if (m.kind === 'ignored') return;
  if (m.kind === 'extra') {
    if (value !== null && value !== undefined && value !== '') row.extra = value;
    return;
  }
  if (typeof value !== 'string' || value.trim() === '') return;
  if (m.kind === 'arg') row.args[m.name] = value;
  else row.status[m.name] = value;
}

const emptyRow = (line: number, item?: number): RawRow => ({ line, ...(item !== undefined ? { item } : {}), args: {}, status: {}, headings: {}, problems: [] });

/** CSV: the header's columns are checked once, then each record becomes a row. */
function readCsv(text: string): ReadResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return refused('csv', whole({ code: 'file.unclosed-quote' }, parsed.line));
  // Blank lines, and lines of separators only (as Excel writes below a table), are not rows.
  const records = parsed.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...body] = records;
  if (!header) return refused('csv', whole({ code: 'file.empty' }));
  const headings = header.cells.map((h) => h.trim());
  while (headings.length > 0 && headings[headings.length - 1] === '') headings.pop();
  const meanings = headings.map((h) => columnMeaning(h));
  const problems: ImportProblem[] = [];
  const seen = new Map<string, string>();
  headings.forEach((h, i) => {
    const m = meanings[i];
    if (!m) problems.push(whole({ code: 'column.unknown', names: [...EXPORT_COLUMNS] }, header.line, h === '' ? `(column ${i + 1})` : h));
    else if (seen.has(meaningKey(m))) problems.push(whole({ code: 'column.twice', other: seen.get(meaningKey(m))! }, header.line, h));
    else seen.set(meaningKey(m), h);
  });
  for (const arg of REQUIRED_ARGS) {
    if (!seen.has(`arg:${arg}`)) problems.push(whole({ code: 'column.missing', names: namesFor(arg) }, header.line, namesFor(arg)[0]!));
  }
  if (problems.length > 0) return refused('csv', ...problems);
  if (body.length === 0) return refused('csv', whole({ code: 'file.no-rows' }));
  const keys = meanings.map((m) => meaningKey(m!));
  const rows = body.map((r) => {
    const row = emptyRow(r.line);
    headings.forEach((h, i) => place(row, h, meanings[i]!, keys[i]!, fromCsvCell(r.cells[i] ?? '')));
    const beyond = r.cells.slice(headings.length).filter((c) => c.trim() !== '').length;
    if (beyond > 0) row.problems.push({ line: r.line, field: null, issue: { code: 'row.extra-cells', count: r.cells.length, limit: headings.length } });
    return row;
  });
  return { ok: true, format: 'csv', separator: parsed.separator, rows };
}

/** The line each top-level item of a JSON array starts on (the text is valid JSON). */
function itemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '\n') line++;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (expectItem && depth === 1 && c !== ']') lines.push(line);
    expectItem = false;
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectItem = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectItem = true;
  }
  return lines;
}

/** Where JSON.parse stopped, as a line of the text (its message gives a position). */
function jsonErrorLine(text: string, message: string): number | null {
  const at = /position (\d+)/.exec(message);
  if (at) return text.slice(0, Number(at[1])).split('\n').length;
  const line = /line (\d+)/.exec(message);
  return line ? Number(line[1]) : null;
}

/** A JSON value as the text of a field: text and numbers as written, null as absent. */
function jsonText(v: unknown): string | undefined | null {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** JSON: an array of objects, each read by its keys. */
function readJson(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    return refused('json', whole({ code: 'file.not-json', detail: message.replace(/^[^:]*JSON[^:]*: /, '').slice(0, 120) }, jsonErrorLine(text, message)));
  }
  if (!Array.isArray(data)) return refused('json', whole({ code: 'file.not-array' }));
  if (data.length === 0) return refused('json', whole({ code: 'file.no-rows' }));
  const lines = itemLines(text);
  const rows = data.map((item: unknown, i) => {
    const row = emptyRow(lines[i] ?? 1, i + 1);
    const at = { line: row.line, item: i + 1 };
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      row.problems.push({ ...at, field: null, issue: { code: 'item.not-object' } });
      return row;
    }
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const m = columnMeaning(key);
      if (!m) {
        row.problems.push({ ...at, field: key, issue: { code: 'column.unknown', names: [...EXPORT_COLUMNS] } });
        continue;
      }
      if (m.kind === 'extra' || m.kind === 'ignored') {
        place(row, key, m, meaningKey(m), value);
        continue;
      }
      const t = jsonText(value);
      if (t === null) row.problems.push({ ...at, field: key, issue: { code: 'value.not-text' } });
      else place(row, key, m, meaningKey(m), t ?? '');
    }
    return row;
  });
  return { ok: true, format: 'json', rows };
}

/** The format a file is read as: by its extension, else JSON when it starts like JSON. */
function formatOf(fileName: string, text: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** Reads an import file's bytes into rows, or the problems with the file as a whole. */
export function readImportFile(fileName: string, bytes: Buffer): ReadResult {
  if (bytes.length > MAX_IMPORT_BYTES) return refused(null, whole({ code: 'file.too-big', limit: MAX_IMPORT_BYTES }));
  const decoded = decode(bytes);
  if (!decoded.ok) return refused(null, decoded.problem);
  if (decoded.text.trim() === '') return refused(null, whole({ code: 'file.empty' }));
  const format = formatOf(fileName, decoded.text);
  return format === 'json' ? readJson(decoded.text) : readCsv(decoded.text);
}
