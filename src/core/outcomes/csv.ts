/**
 * CSV that opens cleanly in a spreadsheet: UTF-8 with a BOM (Excel then reads ä/ö right),
 * CRLF line ends and RFC 4180 quoting, and cells starting with = + - @ (or a tab/CR) prefixed
 * with ' so a spreadsheet never runs them as formulas (CSV injection). A value that itself
 * starts with ' before such a character gets one more, so an import can take exactly one
 * off again (`import-csv.ts`, `fromCsvCell`) and every value comes back as it was.
 */

const FORMULA_START = /^'*[=+\-@\t\r]/;

/** One cell: neutralised against formula injection, then quoted when needed. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV document (header + rows) as bytes, with the UTF-8 BOM. */
export function toCsv(header: string[], rows: unknown[][]): Buffer {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
