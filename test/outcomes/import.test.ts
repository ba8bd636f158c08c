/**
 * Importing outcomes (src/core/outcomes/import.ts) on real SQLite files: the round trip from
 * /export back into an empty database, statuses kept, audit entries, the per-goal counts,
 * duplicates in the database and within the file, all-or-nothing, --skip-invalid, dry runs,
 * and problems pointing at the line (or JSON item) they are on.
 */
import { describe, expect, it } from 'vitest';
import { importOutcomes, type ImportOptions } from '../../src/core/outcomes/import.js';
import { describeImportProblem, type ImportProblem } from '../../src/core/outcomes/import-problems.js';
import { allOutcomes, type Outcome } from '../../src/store/outcomes.js';
import { auditCount, outcomeHistory } from '../../src/store/audit.js';
import type { Store } from '../../src/store/store.js';
import { makeTestBot, TEST_NOW, type TestBot } from '../helpers/app.js';

const ADMIN = 'console:admin';

/** Imports `content` (text or bytes) as `user` into the bot's database. */
function importInto(bot: TestBot, fileName: string, content: string | Buffer, opts: ImportOptions = {}, user = ADMIN) {
  return importOutcomes(bot.app.services, { user, fileName, bytes: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') }, opts);
}

/** The problems as the CLI prints them. */
const lines = (ps: ImportProblem[]) => ps.map((p) => describeImportProblem('en', p));

/** An outcome without what may differ after an import (its id, and when it last changed). */
const comparable = ({ id: _id, updatedAt: _u, ...o }: Outcome) => o;

/** The kept counts against counting the rows themselves. */
function countsAgree(store: Store): void {
  const kept = store.db.prepare('SELECT goal_id, status, party_key, year, n FROM goal_counts WHERE n > 0 ORDER BY 1, 2, 3, 4').all();
  const counted = store.db
    .prepare("SELECT goal_id, status, COALESCE(party_id, '') AS party_key, CAST(substr(happened_on, 1, 4) AS INTEGER) AS year, COUNT(*) AS n FROM outcomes GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
    .all();
  expect(kept).toEqual(counted);
}

/** The reply's file data of /export in `format`. */
async function exported(bot: TestBot, format: 'csv' | 'json'): Promise<Buffer> {
  const r = await bot.say(ADMIN, `/export ${format}`);
  expect(r.ok).toBe(true);
  return r.files[0]!.data;
}

const HEADER = 'goalId,title,partyId,happenedOn,status,link,businessId,description';

describe('round trip: export, import into an empty database, export again', () => {
  const source = makeTestBot();

  it('seeds outcomes of every status, with awkward texts', async () => {
    await source.say(ADMIN, '/grant console:riikka reporter');
    const reports = [
      '/report companies "Acme Oy" party=KAMK date=2023-03-01 business-id=0112038-9',
      '/report companies "-20 % energia Oy" party=Kajaani date=2024-02-02 note="two\nlines; a comma, and ""quotes"""',
      `/report companies "=SUM(A1) Oy" date=2024-09-15 link=https://example.fi/a?b=1,2`,
      `/report technologies "'=quoted formula" party=CSC date=2025-01-31`,
      '/report technologies "Edge AI – ääkköset ÅÄÖ 🚀" party=JYU-Vuokatti date=2025-05-20 note=" tabbed\tnote "',
      '/report companies "Acme Oy" party=KAMK date=2024-01-01 duplicate=ok',
    ];
    for (const text of reports) expect((await source.say('console:riikka', text)).ok, text).toBe(true);
    expect((await source.say(ADMIN, '/verify 1')).ok).toBe(true);
    expect((await source.say(ADMIN, '/verify 3')).ok).toBe(true);
    expect((await source.say(ADMIN, '/retract 3 reason="reported twice, by mistake"')).ok).toBe(true);
    expect((await source.say(ADMIN, '/retract 6 reason="same as #1"')).ok).toBe(true);
    const all = allOutcomes(source.app.services.store);
    expect(all.map((o) => o.status)).toEqual(['verified', 'reported', 'retracted', 'reported', 'reported', 'retracted']);
    // #3 was verified before it was retracted: both are kept.
    expect(all[2]!.verifiedBy).toBe(ADMIN);
  });

  for (const format of ['csv', 'json'] as const) {
    it(`gives the same outcomes back (${format})`, async () => {
      const file = await exported(source, format);
      const target = makeTestBot();
      // The clock moves on: the import happens later than the export.
      const r = importInto(target, `/somewhere/kajaani-outcomes.${format}`, file);
      expect(lines(r.problems)).toEqual([]);
      expect(r).toMatchObject({ ok: true, format, rows: 6, valid: 6, stored: 6, skipped: 0 });
      const store = target.app.services.store;
      expect(allOutcomes(store).map(comparable)).toEqual(allOutcomes(source.app.services.store).map(comparable));
      expect(await exported(target, format)).toEqual(file);
      countsAgree(store);
      expect(auditCount(store)).toBe(6);
    });
  }

  it('adds no second copy when the same export is imported again: every counted row is a duplicate', async () => {
    const file = await exported(source, 'csv');
    const target = makeTestBot();
    expect(importInto(target, 'a.csv', file).stored).toBe(6);
    const again = importInto(target, 'a.csv', file);
    expect(again).toMatchObject({ ok: false, stored: 0 });
    // #2's note spans lines 3–4, so #3…#6 start on lines 5…8. #1, #2, #4, #5 are counted; the
    // retracted #3 and #6 (lines 5 and 8) are never duplicates.
    expect(again.problems.map((p) => [p.line, p.field, p.issue.code])).toEqual([
      [2, 'businessId', 'duplicate.store'],
      [3, 'title', 'duplicate.store'],
      [6, 'title', 'duplicate.store'],
      [7, 'title', 'duplicate.store'],
    ]);
    expect(allOutcomes(target.app.services.store)).toHaveLength(6);
  });
});

describe('what an import stores', () => {
  it('keeps statuses and who did what; fills in the importer for rows that name nobody; audits each row with file and line', async () => {
    const bot = makeTestBot();
    const csv = [
      'goalId,title,happenedOn,status,reportedBy,reportedAt,verifiedBy,verifiedAt,retractedBy,retractedAt,retractReason',
      'companies,Old Oy,2022-02-02,verified,slack:U123,2022-02-03T10:00:00.000Z,discord:81234567,2022-03-01T08:00:00+02:00,,,',
      'companies,Plain Oy,2022-05-05,,,,,,,,',
      'technologies,Gone tech,2023-01-01,retracted,,,,,,,not in the area',
      'technologies,Vouched tech,2023-04-04,vahvistettu,,,,,,,',
    ].join('\n');
    const r = importInto(bot, 'history/2022.csv', csv);
    expect(lines(r.problems)).toEqual([]);
    const [old, plain, gone, vouched] = allOutcomes(bot.app.services.store);
    const now = TEST_NOW.toISOString();
    expect(old).toMatchObject({ status: 'verified', reportedBy: 'slack:U123', reportedAt: '2022-02-03T10:00:00.000Z', verifiedBy: 'discord:81234567', verifiedAt: '2022-03-01T06:00:00.000Z' });
    expect(plain).toMatchObject({ status: 'reported', reportedBy: ADMIN, reportedAt: now, verifiedBy: null, retractedBy: null });
    expect(gone).toMatchObject({ status: 'retracted', retractedBy: ADMIN, retractedAt: now, retractReason: 'not in the area' });
    expect(vouched).toMatchObject({ status: 'verified', verifiedBy: ADMIN, verifiedAt: now });
    const history = outcomeHistory(bot.app.services.store, gone!.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'import', actor: ADMIN, at: now, after: { title: 'Gone tech', status: 'retracted', importedFrom: { file: '2022.csv', line: 4 } } });
    const shown = await bot.say('console:anyone', `/history ${gone!.id}`);
    // /history shows the time in BOT_TIMEZONE as people write it (issue 12), the source beside it.
    expect(shown.text + JSON.stringify(shown.sections)).toMatch(new RegExp(`"[^"]*2025 \\d{1,2}[.:]\\d{2} ${ADMIN} imported from 2022\\.csv, line 4"`));
    countsAgree(bot.app.services.store);
  });

  it('keeps the per-goal counts right: progress counts imported reported and verified rows, not retracted ones', async () => {
    const bot = makeTestBot();
    await bot.say(ADMIN, '/report companies "Before Oy" party=KAMK date=2024-01-01');
    const rows = Array.from({ length: 30 }, (_, i) => `companies,Company ${i} Oy,${i % 2 ? 'KAMK' : 'CSC'},202${(i % 4) + 1}-03-0${(i % 9) + 1},${['reported', 'verified', 'retracted'][i % 3]},,,${i % 3 === 2 ? 'twice' : ''}`);
    const r = importInto(bot, 'c.csv', ['goalId,title,partyId,happenedOn,status,link,businessId,retractReason', ...rows].join('\n'));
    expect(lines(r.problems)).toEqual([]);
    expect(r.stored).toBe(30);
    countsAgree(bot.app.services.store);
    const progress = await bot.say('console:anyone', '/progress companies');
    // 1 before + 20 counted (10 reported, 10 verified) of the 30 imported.
    expect(progress.text + JSON.stringify(progress.sections)).toMatch(/21 of 15/);
  });

  it('reads the fields by their /report names too, in any case, and notes a misspelt goal it corrected', () => {
    const bot = makeTestBot();
    const r = importInto(bot, 'fi.csv', 'Tavoite;Otsikko;Osapuoli;PVM;Y-tunnus;Linkki\ncompnies;Kainuu Oy;kamk;2024-04-04;0112038-9;https://example.fi\n');
    expect(lines(r.problems)).toEqual([]);
    expect(lines(r.notes)).toEqual(['line 2, Tavoite: took "compnies" to mean companies.']);
    expect(allOutcomes(bot.app.services.store)[0]).toMatchObject({ goalId: 'companies', partyId: 'KAMK', happenedOn: '2024-04-04', businessId: '0112038-9', link: 'https://example.fi' });
  });
});

describe('problems, by line and field', () => {
  it('checks every row like /report and stores nothing when any fails (one transaction)', () => {
    const bot = makeTestBot();
    const csv = [
      HEADER,
      'companies,Good Oy,KAMK,2024-01-01,,,,',
      'companies,Bad date Oy,KAMK,2026-13-01,,,,',
      'unicorns,X,Nowhere,2024-01-01,,ftp://x,1234567-2,',
      'companies,"Spans',
      'two lines Oy",KAMK,2019-12-31,,,,',
      'companies,Future Oy,,2025-06-16,,,,',
      ',,,,,,,x',
    ].join('\r\n');
    const r = importInto(bot, 'bad.csv', csv);
    expect(r).toMatchObject({ ok: false, stored: 0, skipped: 0, rows: 6, valid: 1 });
    expect(lines(r.problems)).toEqual([
      'line 3, happenedOn: "2026-13-01" is not a real date. Write it like 2024-05-31 or 31.5.2024, or today or yesterday.',
      expect.stringMatching(/^line 4, goalId: I don't know the goal "unicorns"/),
      'line 4, title: must be 2–200 characters (it has 1). Put it in quotes, e.g. "Acme Oy".',
      'line 4, partyId: "Nowhere" is not a party of the agreement. The parties are: Kajaani, Sotkamo, TEM, OKM, OY, OY-MITY, JYU, JYU-Vuokatti, KAMK, CSC, VTT-MIKES, Kainuu, ELY.',
      'line 4, link: "ftp://x" is not an http(s) address. Give a link starting with https://',
      'line 4, businessId: the check digit of 1234567-2 is wrong. Check the ID, e.g. at ytj.fi.',
      'line 5, title: this field is one line; it has a line break (U+000D CARRIAGE RETURN) at character 6. Write it on one line.',
      'line 5, happenedOn: 2019-12-31 is before the agreement period. Give a date on or after 2021-01-01.',
      'line 7, happenedOn: 2025-06-16 is in the future. Report an outcome once it has happened.',
      'line 8, goalId: missing.',
      'line 8, title: must be 2–200 characters (it has 0). Put it in quotes, e.g. "Acme Oy".',
      'line 8, happenedOn: missing.',
    ]);
    const store = bot.app.services.store;
    expect(allOutcomes(store)).toEqual([]);
    expect(auditCount(store)).toBe(0);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM goal_counts').get()).toEqual({ n: 0 });
  });

  it('with --skip-invalid stores the valid rows and reports the others', () => {
    const bot = makeTestBot();
    const r = importInto(bot, 'mixed.csv', [HEADER, 'companies,Good Oy,KAMK,2024-01-01,,,,', 'companies,Bad Oy,KAMK,someday,,,,', 'technologies,Also good,,2024-02-02,,,,'].join('\n'), { skipInvalid: true });
    expect(r).toMatchObject({ ok: true, stored: 2, skipped: 1, valid: 2 });
    expect(lines(r.problems)).toEqual(['line 3, happenedOn: "someday" is not a real date. Write it like 2024-05-31 or 31.5.2024, or today or yesterday.']);
    expect(allOutcomes(bot.app.services.store).map((o) => o.title)).toEqual(['Good Oy', 'Also good']);
    expect(outcomeHistory(bot.app.services.store, 2)[0]!.after).toMatchObject({ importedFrom: { file: 'mixed.csv', line: 4 } });
    countsAgree(bot.app.services.store);
  });

  it('a dry run checks everything, duplicates included, and stores nothing', async () => {
    const bot = makeTestBot();
    await bot.say(ADMIN, '/report companies "Stored Oy" date=2024-01-01');
    const csv = [HEADER, 'companies,New Oy,,2024-01-01,,,,', 'companies,stored oy,,2024-02-02,,,,'].join('\n');
    const r = importInto(bot, 'd.csv', csv, { dryRun: true });
    expect(r).toMatchObject({ ok: false, dryRun: true, stored: 0, valid: 1 });
    expect(lines(r.problems)).toEqual([
      'line 3, title: same goal and title as #1 "Stored Oy", already stored (reported by console:admin on 2025-06-15). If it really is another outcome, use --allow-duplicates.',
    ]);
    const clean = importInto(bot, 'd.csv', [HEADER, 'companies,New Oy,,2024-01-01,,,,'].join('\n'), { dryRun: true });
    expect(clean).toMatchObject({ ok: true, dryRun: true, stored: 0, valid: 1, problems: [] });
    expect(allOutcomes(bot.app.services.store)).toHaveLength(1);
    expect(auditCount(bot.app.services.store)).toBe(1);
  });

  it('finds duplicates within the file by title and by Business ID; --allow-duplicates or duplicate=ok stores them', () => {
    const bot = makeTestBot();
    const csv = [
      'goalId,title,happenedOn,businessId,status,retractReason,duplicate',
      'companies,Acme Oy,2024-01-01,0112038-9,,,',
      'companies,ACME  oy.,2024-02-01,,,,',
      'companies,Other name Oy,2024-03-01,0112038-9,,,',
      'companies,Acme Oy,2024-04-01,,retracted,entered twice,',
      'companies,Acme Oy,2024-05-01,,,,ok',
      'technologies,Acme Oy,2024-06-01,,,,',
    ].join('\n');
    const r = importInto(bot, 'dups.csv', csv);
    expect(lines(r.problems)).toEqual([
      'line 3, title: same goal and title as line 2. If it really is another outcome, use --allow-duplicates.',
      'line 4, businessId: same Business ID as line 2. If it really is another outcome, use --allow-duplicates.',
    ]);
    expect(r.stored).toBe(0);
    const allowed = importInto(bot, 'dups.csv', csv, { allowDuplicates: true });
    expect(allowed).toMatchObject({ ok: true, stored: 6, problems: [] });
    countsAgree(bot.app.services.store);
  });

  it('refuses a user who is not an admin, and stores nothing', async () => {
    const bot = makeTestBot();
    await bot.say(ADMIN, '/grant console:riikka reporter');
    const r = importInto(bot, 'x.csv', [HEADER, 'companies,Good Oy,KAMK,2024-01-01,,,,'].join('\n'), {}, 'console:riikka');
    expect(r).toMatchObject({ ok: false, refused: 'forbidden', stored: 0 });
    expect(allOutcomes(bot.app.services.store)).toEqual([]);
    await bot.say(ADMIN, '/grant console:riikka admin');
    expect(importInto(bot, 'x.csv', [HEADER, 'companies,Good Oy,KAMK,2024-01-01,,,,'].join('\n'), {}, 'console:riikka').stored).toBe(1);
  });

  it('checks status, people and times, and a retracted row needs its reason', () => {
    const bot = makeTestBot();
    const csv = [
      'goalId,title,happenedOn,status,reportedBy,reportedAt,retractReason',
      'companies,A Oy,2024-01-01,approved,Anna Virtanen,yesterday,',
      'companies,B Oy,2024-01-01,retracted,,2030-01-01T00:00:00Z,',
      'companies,C Oy,2024-01-01,retracted,,,no',
    ].join('\n');
    expect(lines(importInto(bot, 's.csv', csv).problems)).toEqual([
      'line 2, status: "approved" is not a status. Use reported, verified or retracted.',
      'line 2, reportedBy: "Anna Virtanen" is not a user. Give the user as a platform id (slack:…, discord:… or console:…).',
      'line 2, reportedAt: "yesterday" is not a timestamp. The form is 2025-06-15T09:00:00.000Z.',
      'line 3, reportedAt: 2030-01-01T00:00:00.000Z is in the future.',
      'line 3, retractReason: a retracted outcome needs its reason (retractReason).',
      'line 4, retractReason: give a reason (3–500 characters), e.g. reason="reported twice".',
    ]);
  });

  it('points at JSON items by number and the line each starts on', () => {
    const bot = makeTestBot();
    const json = `[\n  {"goalId": "companies", "title": "Fine Oy", "happenedOn": "2024-01-01"},\n  {\n    "goalId": "companies",\n    "title": "Bad Oy",\n    "happenedOn": "2026-13-01"\n  },\n  "text",\n  {"goalId": "companies", "title": {"nested": 1}, "happenedOn": "2024-01-01", "colour": "red", "extra": {"x": "y"}}\n]\n`;
    const r = importInto(bot, 'items.json', json);
    expect(lines(r.problems)).toEqual([
      'item 2 (line 3), happenedOn: "2026-13-01" is not a real date. Write it like 2024-05-31 or 31.5.2024, or today or yesterday.',
      'item 3 (line 8): the item must be an object ({"goalId": …, "title": …}).',
      'item 4 (line 9), title: the value must be text or a number.',
      expect.stringMatching(/^item 4 \(line 9\), colour: unknown column; nothing is stored/),
      expect.stringMatching(/^item 4 \(line 9\), extra\.x: unknown field\./),
    ]);
    expect(r.stored).toBe(0);
  });
});

describe('files that cannot be imported as a whole', () => {
  const bot = makeTestBot();
  const refusal = (name: string, content: string | Buffer) => lines(importInto(bot, name, content).problems);

  it.each([
    ['an empty file', 'e.csv', '', ['the file: the file is empty.']],
    ['only a BOM and blank lines', 'e.csv', '\uFEFF\r\n\r\n', ['the file: the file is empty.']],
    ['only a header', 'h.csv', `${HEADER}\r\n`, ['the file: the file holds no outcomes (only a header).']],
    ['an empty JSON array', 'e.json', '[]', ['the file: the file holds no outcomes (only a header).']],
    ['JSON that is not an array', 'o.json', '{"goalId": "companies"}', ['the file: the JSON must be an array of outcomes ([{…}, …]) as /export json writes it.']],
    ['broken JSON', 'b.json', '[\n{"goalId": "companies",\n}\n]', [expect.stringMatching(/^line 3: not valid JSON \(/)]],
    ['an unclosed quote', 'q.csv', `${HEADER}\ncompanies,"Open Oy,KAMK,2024-01-01\ncompanies,X,,2024-01-01`, ['line 2: a quote opens on this line and never closes.']],
  ])('%s', (_what, name, content, expected) => {
    expect(refusal(name, content)).toEqual(expected);
  });

  it('names a missing required column, an unknown column and a column given twice, on the header line', () => {
    expect(refusal('c.csv', 'title,partyId,happenedOn,Bussines ID,party\nAcme,KAMK,2024-01-01,1,KAMK\n')).toEqual([
      expect.stringMatching(/^line 1, Bussines ID: unknown column; nothing is stored, so that it is not lost unnoticed\. Remove it or name it one of: goalId, title, partyId/),
      'line 1, party: the same field twice (also as "partyId").',
      'line 1, goalId: column missing. Name it one of: goalId, goal, tavoite.',
    ]);
  });

  it('refuses text that is not UTF-8, naming the line, and UTF-16', () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\ncompanies,Good Oy,KAMK,2024-01-01,,,,\ncompanies,`), Buffer.from([0x4b, 0xe4, 0x72]), Buffer.from(' Oy,KAMK,2024-01-01,,,,\n')]);
    expect(refusal('latin1.csv', latin1)).toEqual(['line 3: this line is not UTF-8 text (ä and ö would be garbled). Save the file as "CSV UTF-8" and import that.']);
    expect(refusal('u16.csv', Buffer.from(`\uFEFF${HEADER}`, 'utf16le'))).toEqual(['the file: the file is UTF-16. Save it as "CSV UTF-8 (Comma delimited)" and import that.']);
  });

  it('refuses an Excel workbook with how to save it as CSV, and a file over the size cap', () => {
    expect(refusal('book.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).toEqual([expect.stringMatching(/^the file: this is an Excel .*Save it as "CSV UTF-8"/)]);
    expect(refusal('big.csv', Buffer.alloc(32 * 1024 * 1024 + 1, 0x41))).toEqual(['the file: the file is over 32 MB. Split it and import the parts one by one.']);
    expect(allOutcomes(bot.app.services.store)).toEqual([]);
  });
});
