/**
 * Issue 12 items 2 and 3 in chat: `/help <command>` from the spec, a Finnish name for every
 * command, and `/lang` stored per user — through `kajaani-bot console --json` (the built CLI),
 * and through the core with a platform locale, as Slack and Discord call it.
 */
import { describe, expect, it } from 'vitest';
import { commands, findCommand } from '../../../src/core/commands/index.js';
import { usageLine } from '../../../src/core/commands/spec.js';
import { userLanguage } from '../../../src/store/user-settings.js';
import { cliPlace } from '../../helpers/cli.js';
import { makeTestBot } from '../../helpers/app.js';

const place = cliPlace();

describe('/help <command>', () => {
  it("shows one command's usage and two examples in the user's language, by any of its names", async () => {
    const report = findCommand('report')!;
    const [en, slash, alias, fi, unknown] = await place.chat('admin', ['/help report', '/help /report', '/help /raportoi', '/ohje raportoi', '/help nosuch']);
    for (const r of [en, slash, alias]) {
      expect(r).toMatchObject({ ok: true, lang: 'en', help: 'report' });
      expect(r!.reply).toContain(usageLine(report, 'en'));
      for (const example of report.examples.en.slice(0, 2)) expect(r!.reply).toContain(example);
      expect(r!.reply).toContain('/raportoi');
    }
    expect(fi).toMatchObject({ ok: true, lang: 'fi', help: 'report' });
    expect(fi!.reply).toContain(usageLine(report, 'fi'));
    for (const example of report.examples.fi.slice(0, 2)) expect(fi!.reply).toContain(example);
    expect(unknown).toMatchObject({ ok: false });
    expect(unknown!.reply).toMatch(/There is no command \/nosuch\. The commands are: .*\/report/);
  });

  it('still lists every command with /help alone, pointing at /help <command>', async () => {
    const [r] = await place.chat('admin', ['/help']);
    expect(r!.reply).toContain('/help <command>');
    for (const c of commands.filter((x) => !x.hidden && x.name !== 'ask')) expect(r!.reply).toContain(`/${c.name}`);
  });
});

describe('Finnish names', () => {
  it('every command has one, and no name is taken twice', () => {
    const names = commands.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const c of commands) {
      expect(c.aliases.length, c.name).toBeGreaterThan(0);
      for (const a of c.aliases) {
        expect(a, c.name).toMatch(/^[a-zäö][a-zäö-]*$/);
        expect(findCommand(a)).toBe(c);
      }
    }
  });

  it('each works through the console and answers in Finnish', async () => {
    const out = await place.chat('admin', ['/apua', '/ohje', '/edistyminen', '/tilanne yritykset', '/tulokset', '/roolit', '/kieli', '/historia 99']);
    for (const r of out) expect(r.lang, r.reply).toBe('fi');
    expect(out.slice(0, 7).map((r) => r.ok)).toEqual([true, true, true, true, true, true, true]);
    expect(out[7]!.reply).toContain('Tulosta #99 ei ole');
  });
});

describe('/lang', () => {
  it('a Finnish reporter with /lang fi gets Finnish for /report yritykset "Mittari Oy" and the next report, and after a restart', async () => {
    await place.chat('admin', ['/grant console:riikka reporter']);
    const [set, first, next, question, shown] = await place.chat('riikka', [
      '/lang fi',
      '/report yritykset "Mittari Oy" party=KAMK date=2025-03-01',
      '/report companies "Sensor Oy" party=KAMK date=2025-03-02',
      'How many companies so far?',
      '/lang',
    ]);
    expect(set).toMatchObject({ ok: true, lang: 'fi', language: 'fi' });
    expect(first).toMatchObject({ ok: true, lang: 'fi' });
    expect(first!.reply).toMatch(/^Tallennettu #\d+: "Mittari Oy" tavoitteeseen uudet yritykset/);
    expect(next).toMatchObject({ ok: true, lang: 'fi' });
    expect(next!.reply).toMatch(/^Tallennettu #\d+: "Sensor Oy"/);
    // A question clearly in English still gets English.
    expect(question!.lang).toBe('en');
    expect(shown!.reply).toContain('Kielesi on suomi');
    // A new console process is a new conversation, not a new setting.
    const [later] = await place.chat('riikka', ['/progress']);
    expect(later!.lang).toBe('fi');
    const [cleared, after] = await place.chat('riikka', ['/lang auto', '/report companies "Third Oy" party=KAMK date=2025-03-03']);
    expect(cleared).toMatchObject({ ok: true, language: null });
    expect(after!.lang).toBe('en');
  });

  it('refuses a language it does not speak, with the choices', async () => {
    const [r] = await place.chat('someone', ['/lang sv']);
    expect(r!.ok).toBe(false);
    expect(r!.reply).toMatch(/lang: "sv" is not one of fi, en, auto/);
  });
});

describe('/lang against the platform locale (as Slack and Discord send it)', () => {
  const t = makeTestBot();

  it('overrides the locale for commands; users who never set it keep their locale', async () => {
    await t.say('console:admin', '/grant slack:UFI reporter');
    const before = await t.say('slack:UFI', '/report yritykset "Mittari Oy" party=KAMK', { locale: 'en' });
    expect(before.lang).toBe('en');
    expect((await t.say('slack:UFI', '/lang fi', { locale: 'en' })).lang).toBe('fi');
    expect(userLanguage(t.app.services.store, 'slack:UFI')).toBe('fi');
    const after = await t.say('slack:UFI', '/report companies "Mittari Two Oy" party=KAMK', { locale: 'en' });
    expect(after.lang).toBe('fi');
    // A question whose words do not tell follows the setting; a clear English one stays English.
    expect((await t.say('slack:UFI', 'KAMK?', { locale: 'en' })).lang).toBe('fi');
    expect((await t.say('slack:UFI', 'Who are the parties of the agreement?', { locale: 'en' })).lang).toBe('en');
    // Someone else, with no setting, keeps their platform's locale.
    expect((await t.say('slack:UOTHER', '/progress', { locale: 'en' })).lang).toBe('en');
    expect((await t.say('slack:UOTHER2', '/progress', { locale: 'fi' })).lang).toBe('fi');
  });

  it('survives a restart (stored in SQLite)', async () => {
    t.restart();
    expect(userLanguage(t.app.services.store, 'slack:UFI')).toBe('fi');
    expect((await t.say('slack:UFI', '/roles', { locale: 'en' })).lang).toBe('fi');
  });
});
