/**
 * Unsafe characters in titles and notes (issue 11 item 11): control characters, line breaks
 * in a title, bidi controls and invisible characters are refused, naming the character and
 * where it is, in English and Finnish, and nothing is stored. Ordinary text, emoji (ZWJ
 * sequences, flags, skin tones) and a note's own line breaks are fine; text is stored NFC.
 * Duplicates compare a confusable-folded key, also for rows stored before the rule (migration).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeTestBot } from '../helpers/app.js';
import { tempDbPath } from '../helpers/temp.js';
import { listOutcomes } from '../../src/store/outcomes.js';
import { openStore } from '../../src/store/store.js';
import { migrations } from '../../src/store/migrations.js';
import { validateRecord } from '../../src/core/commands/validate.js';
import { reportCommand } from '../../src/core/commands/report.js';
import { titleKey } from '../../src/core/outcomes/normalise.js';

const ADMIN = 'console:admin';

/** Each refused character, where it sits in the title, and the name the refusal gives it. */
const REFUSED: [string, string, string][] = [
  ['Acme\u202eyO', 'U+202E', 'RIGHT-TO-LEFT OVERRIDE'],
  ['Acme\u2066Oy\u2069', 'U+2066', 'LEFT-TO-RIGHT ISOLATE'],
  ['Acme\u200fOy', 'U+200F', 'RIGHT-TO-LEFT MARK'],
  ['Acme\u200bOy', 'U+200B', 'ZERO WIDTH SPACE'],
  ['Acme\u200cOy', 'U+200C', 'ZERO WIDTH NON-JOINER'],
  ['Acme\u200dOy', 'U+200D', 'ZERO WIDTH JOINER'],
  ['Acme\u2060Oy', 'U+2060', 'WORD JOINER'],
  ['Acme\ufeffOy', 'U+FEFF', 'ZERO WIDTH NO-BREAK SPACE'],
  ['Acme\u0007Oy', 'U+0007', 'control character'],
  ['Acme\u001bOy', 'U+001B', 'control character'],
  ['Acme\u0085Oy', 'U+0085', 'NEXT LINE'],
];

describe('titles and notes refuse characters that disguise text', () => {
  const t = makeTestBot();

  it.each(REFUSED)('refuses %j, naming %s and its position, and stores nothing', async (title, code, name) => {
    const r = await t.say(ADMIN, `/report companies "${title}"`);
    expect(r.ok).toBe(false);
    expect(r.text).toContain(`${code} ${name}`);
    expect(r.text).toMatch(/character 5\b/);
    const fi = await t.say(ADMIN, `/report companies "${title}"`, { locale: 'fi' });
    expect(fi.text).toContain(code);
    expect(fi.text).toMatch(/merkki 5\b|merkki 5,/);
    expect(listOutcomes(t.app.services.store)).toHaveLength(0);
  });

  it('refuses a line break in a title (in a typed command and in a form’s record), and in /edit', () => {
    const record = validateRecord(reportCommand, { goal: 'companies', title: 'Acme Oy\n#12 Fake Oy' }, { today: '2025-06-15' });
    expect(record.ok).toBe(false);
    if (record.ok) return;
    expect(record.problems).toEqual([expect.objectContaining({ field: 'title', code: 'char.line-break', at: 8 })]);
    const lf = validateRecord(reportCommand, { goal: 'companies', title: 'Acme\u2028Oy' }, { today: '2025-06-15' });
    expect(lf.ok).toBe(false);
  });

  it('says which character and where in English and Finnish', async () => {
    const en = await t.say(ADMIN, '/report companies "Acme\u202eyO Oy"');
    expect(en.text).toContain('title: character 5 is U+202E RIGHT-TO-LEFT OVERRIDE');
    const fi = await t.say(ADMIN, '/report companies "Acme\u202eyO Oy"', { locale: 'fi' });
    expect(fi.text).toContain('title: merkki 5 on U+202E RIGHT-TO-LEFT OVERRIDE');
    const note = await t.say(ADMIN, '/report companies "Acme Oy" note="fine\u200btext"');
    expect(note.ok).toBe(false);
    expect(note.text).toContain('note: character 5 is U+200B ZERO WIDTH SPACE');
  });

  it('lets a note have line breaks (CRLF stored as LF) and tabs, but not other controls', () => {
    const ok = validateRecord(reportCommand, { goal: 'companies', title: 'Acme Oy', note: 'first line\r\nsecond\tline' }, { today: '2025-06-15' });
    expect(ok).toMatchObject({ ok: true, values: { note: 'first line\nsecond\tline' } });
    const bad = validateRecord(reportCommand, { goal: 'companies', title: 'Acme Oy', note: 'bell\u0007' }, { today: '2025-06-15' });
    expect(bad).toMatchObject({ ok: false, problems: [{ field: 'note', code: 'char.unsafe', at: 5 }] });
  });

  it('accepts ordinary spaces, accents, and emoji: ZWJ sequences, flags, keycaps, skin tones, tag flags', async () => {
    const titles = ['Ääni & Kuva Oy', 'Team 👩‍💻 Kajaani', 'Family 👨‍👩‍👧‍👦 Oy', 'Suomi 🇫🇮 Oy', 'Keycap 1️⃣ Oy', 'Wave 👋🏽 Oy', 'Scotland 🏴󠁧󠁢󠁳󠁣󠁴󠁿 Ltd', 'No\u00a0break Oy'];
    for (const title of titles) expect((await t.say(ADMIN, `/report technologies "${title}"`)).ok, title).toBe(true);
    expect(listOutcomes(t.app.services.store, { goalId: 'technologies' }).map((o) => o.title).sort()).toEqual([...titles].sort());
  });

  it('stores text in NFC, so the same words typed two ways are one title', async () => {
    const decomposed = 'Pa\u0308a\u0308 Oy';
    const r = await t.say(ADMIN, `/report companies "${decomposed}"`);
    expect(r.ok).toBe(true);
    const id = (r.data.outcome as { id: number }).id;
    expect(listOutcomes(t.app.services.store).find((o) => o.id === id)!.title).toBe('Pää Oy');
  });
});

describe('duplicates compare look-alike characters as the same', () => {
  const t = makeTestBot();

  it('takes a Cyrillic "Аcme Oy" (or Greek, or a digit zero) for the "Acme Oy" already reported', async () => {
    expect((await t.say(ADMIN, '/report companies "Acme Oy"')).ok).toBe(true);
    for (const lookalike of ['\u0410cme Oy', 'Acme \u041ey', '\u0391cme Oy', 'Acme 0y', 'ACME  oy.']) {
      const r = await t.say(ADMIN, `/report companies "${lookalike}"`);
      expect(r.ok, lookalike).toBe(false);
      expect(r.data).toMatchObject({ error: 'duplicate', duplicateOf: [1] });
    }
    expect((await t.say(ADMIN, '/report companies "Acne Oy"')).ok).toBe(true);
  });

  it('recomputes the keys of rows stored before (a version 6 file), so an old "Аcme Oy" is found', () => {
    const file = tempDbPath();
    mkdirSync(path.dirname(file), { recursive: true });
    const v6 = new Database(file);
    for (const m of migrations.filter((x) => x.version <= 6)) v6.exec(m.sql);
    // The key version 6 made: lower case, punctuation to spaces; the Cyrillic А stayed.
    v6.prepare(
      `INSERT INTO outcomes (goal_id, title, title_key, party_id, happened_on, reported_by, reported_at, updated_at)
       VALUES ('companies', ?, ?, 'KAMK', '2024-05-01', 'console:a', 'T', 'T')`,
    ).run('\u0410cme Oy', '\u0430cme oy');
    v6.pragma('user_version = 6');
    v6.close();

    const store = openStore(file);
    expect(store.db.prepare('SELECT title_key FROM outcomes').pluck().get()).toBe(titleKey('Acme Oy'));
    store.close();
  });
});
