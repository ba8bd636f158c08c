/**
 * The CSV reader (src/core/outcomes/import-csv.ts): RFC 4180 quoting, comma or semicolon,
 * CRLF / LF / CR, the line each record starts on, and the inverse of the export's cells.
 */
import { describe, expect, it } from 'vitest';
import { detectSeparator, fromCsvCell, parseCsv } from '../../src/core/outcomes/import-csv.js';
import { csvCell, toCsv } from '../../src/core/outcomes/csv.js';

const cells = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`unclosed quote on line ${r.line}`);
  return r.records.map((x) => [x.line, ...x.cells]);
};

describe('parseCsv', () => {
  it('reads quoted separators, doubled quotes and line breaks inside fields, and keeps the line each record starts on', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nplain,"",last\r\n"three\nmore\nlines",2,3\n4,5,6';
    expect(cells(text)).toEqual([
      [1, 'a', 'b', 'c'],
      [2, 'x, y', 'say "hi"', 'two\r\nlines'],
      [4, 'plain', '', 'last'],
      [5, 'three\nmore\nlines', '2', '3'],
      [8, '4', '5', '6'],
    ]);
  });

  it('takes the semicolon when the header has more of them (Excel in a Finnish locale)', () => {
    expect(detectSeparator('goalId;title;note\r\n')).toBe(';');
    expect(detectSeparator('goalId,title;x,y\n')).toBe(',');
    expect(detectSeparator('"a;b;c",d\n')).toBe(',');
    expect(cells('goalId;title;note\r\ncompanies;"Oy; Ab";1,5\r\n')).toEqual([
      [1, 'goalId', 'title', 'note'],
      [2, 'companies', 'Oy; Ab', '1,5'],
    ]);
  });

  it('follows a first "sep=" line and counts it as line 1', () => {
    const r = parseCsv('sep=;\r\na;b\r\n1,5;2\r\n');
    expect(r).toEqual({ ok: true, separator: ';', records: [{ line: 2, cells: ['a', 'b'] }, { line: 3, cells: ['1,5', '2'] }] });
  });

  it('treats LF, CRLF and a lone CR as line ends, and a trailing separator as one more empty field', () => {
    expect(cells('a,b\rc,d\ne,f\r\ng,')).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd'],
      [3, 'e', 'f'],
      [4, 'g', ''],
    ]);
  });

  it('keeps stray quotes as spreadsheets read them, and reports an unclosed quote on the line it opens', () => {
    expect(cells('a,b\n5" screen,"quoted"tail\n')).toEqual([
      [1, 'a', 'b'],
      [2, '5" screen', 'quotedtail'],
    ]);
    expect(parseCsv('a,b\n1,2\n3,"open\n4,5\n')).toEqual({ ok: false, line: 3 });
  });
});

describe('the export and the import agree on every cell', () => {
  const values = ['plain', '', 'with, comma', 'semi;colon', 'say "hi"', 'two\r\nlines', 'one\nline', '=SUM(A1)', '+358 40', '-20 %', '@home', '\ttab', "'=already quoted", "''-twice", "'plain apostrophe", "it's", 'ÅÄÖ 🚀'];

  it.each(values)('%j survives csvCell → parseCsv → fromCsvCell', (v) => {
    const r = parseCsv(`h\r\n${csvCell(v)}\r\n`);
    expect(r.ok && r.records.length === 2 ? fromCsvCell(r.records[1]!.cells[0]!) : r).toBe(v === '' ? '' : v);
  });

  it('reads a whole export (BOM removed by the caller) back into the same table', () => {
    const rows = [values, [...values].reverse()];
    const bytes = toCsv(values.map((_, i) => `c${i}`), rows);
    const r = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(r.ok && r.records.slice(1).map((x) => x.cells.map(fromCsvCell))).toEqual(rows);
  });
});
