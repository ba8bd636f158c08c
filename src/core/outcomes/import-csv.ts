/**
 * Reading CSV as spreadsheets write it (RFC 4180): fields separated by a comma, or by a
 * semicolon as Excel writes in a Finnish locale (where the comma is the decimal mark);
 * quoted fields may hold separators, doubled quotes and line breaks; lines end in CRLF, LF
 * or a lone CR. Each record keeps the line it starts on, so problems can point at it.
 * The inverse of `csv.ts`, including its guard against formula injection (`fromCsvCell`).
 */

/** The separators a file may use. */
export type CsvSeparator = ',' | ';';

/** One record (row) and the line of the file it starts on (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** The records, or where a quoted field opened and never closed (it would swallow the rest of the file). */
export type CsvParse = { ok: true; separator: CsvSeparator; records: CsvRecord[] } | { ok: false; line: number };

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Excel may start a file with `sep=;` to say which separator it uses. */
const SEP_LINE = /^sep=([,;])\r?\n?/i;

/** The separator of the header line: the one it uses more of, outside quotes (comma on a tie). */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** Line breaks in `text[from, to)`: CRLF counts once, a lone CR or LF once. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/** The index of the next separator or line end at or after `i`. */
function fieldEnd(text: string, i: number, sep: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === sep || c === LF || c === CR) break;
    j++;
  }
  return j;
}

/**
 * Parses `text` (already decoded, without a BOM). The separator is detected from the header
 * line unless the file names it on a first `sep=` line (which is then skipped). Text after a
 * closing quote and a quote inside an unquoted field are kept as written, as spreadsheets
 * read them; only an unclosed quote is an error.
 */
export function parseCsv(text: string): CsvParse {
  let i = 0;
  let line = 1;
  let separator: CsvSeparator;
  const named = SEP_LINE.exec(text);
  if (named) {
    separator = named[1] as CsvSeparator;
    i = named[0].length;
    line = 2;
  } else {
    separator = detectSeparator(text);
  }
  const sep = separator.charCodeAt(0);
  const records: CsvRecord[] = [];
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const opened = line;
        let cell = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) return { ok: false, line: opened };
          if (text.charCodeAt(q + 1) === QUOTE) {
            cell += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          cell += text.slice(from, q);
          line += lineBreaks(text, i + 1, q);
          i = q + 1;
          break;
        }
        const end = fieldEnd(text, i, sep);
        cells.push(cell + text.slice(i, end));
        i = end;
      } else {
        const end = fieldEnd(text, i, sep);
        cells.push(text.slice(i, end));
        i = end;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === sep) {
        i++;
        if (i < n) continue;
        // A separator just before the end of the file leaves one more, empty, field.
        cells.push('');
        break;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    records.push({ line: start, cells });
  }
  return { ok: true, separator, records };
}

/** A cell `csv.ts` prefixed with `'` so a spreadsheet would not run it as a formula. */
const GUARDED = /^'+[=+\-@\t\r]/;

/** A cell's value with the formula guard of `csv.ts` taken off again (`'=x` → `=x`, `''=x` → `'=x`). */
export function fromCsvCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
