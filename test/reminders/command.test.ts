/**
 * `/remind` and a reporter's party on `/grant`, through the real bot (bot.handle) on a real
 * SQLite file: the state and next date in the user's language, who gets none and why, the
 * Finnish names, and the party a reminder speaks for.
 */
import { describe, expect, it } from 'vitest';
import { makeTestBot } from '../helpers/app.js';
import { listGrants } from '../../src/store/roles.js';
import { reminderUser } from '../../src/store/reminders.js';
import { roleHistory } from '../../src/store/audit.js';

/** Wednesday 2 December 2026, 12:00 in Helsinki. */
const NOW = new Date('2026-12-02T10:00:00.000Z');

describe('/remind', () => {
  const t = makeTestBot({ now: () => NOW });

  it('shows a reporter that reminders are on, with the next date in BOT_TIMEZONE and their language', async () => {
    await t.say('console:admin', '/grant slack:U1 reporter');
    const en = await t.say('slack:U1', '/remind');
    expect(en.text).toBe(
      'Check-in reminders are on for you. Next reminder: Monday, 7 December 2026 at 10:00 (Europe/Helsinki), unless you have reported something in December 2026 by then.',
    );
    expect(en.visibility).toBe('ephemeral');
    const fi = await t.say('slack:U1', '/muistutus', { locale: 'fi' });
    expect(fi.text).toBe(
      'Muistutukset ovat sinulle päällä. Seuraava muistutus: maanantaina 7. joulukuuta 2026 klo 10.00 (Europe/Helsinki), jos et ole raportoinut mitään joulukuussa 2026 siihen mennessä.',
    );
  });

  it('turns off and on with the English or Finnish words, stored per user', async () => {
    await t.say('console:admin', '/grant slack:U2 reporter');
    expect((await t.say('slack:U2', '/remind off')).text).toBe('Check-in reminders are off for you. /remind on turns them back on.');
    expect(reminderUser(t.app.services.store, 'slack:U2')).toMatchObject({ optedOut: true });
    t.restart();
    expect((await t.say('slack:U2', '/remind')).text).toBe('Check-in reminders are off for you. /remind on turns them back on.');
    expect((await t.say('slack:U2', '/muistuta päälle', { locale: 'fi' })).text).toMatch(/^Muistutukset ovat taas päällä\. Seuraava muistutus: maanantaina 7\. joulukuuta 2026/);
    expect(reminderUser(t.app.services.store, 'slack:U2')).toMatchObject({ optedOut: false });
    const bad = await t.say('slack:U2', '/remind sometimes');
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain('off');
  });

  it('tells admins who are not reporters, and console users, that they get none', async () => {
    await t.say('console:admin', '/grant slack:UADMIN admin');
    expect((await t.say('slack:UADMIN', '/remind')).text).toMatch(/^You are not a reporter in the bot, so you get no check-in reminders/);
    await t.say('console:admin', '/grant console:carol reporter');
    expect((await t.say('console:carol', '/remind')).text).toBe('Reminders are direct messages in Slack or Discord; console users get none.');
    // A reporter only through a Discord server role is not in the roles table the reminders read.
    expect((await t.say('discord:81234567', '/remind', { platformRoles: ['reporter'] })).text).toMatch(/^You report through a Discord server role, and the bot cannot list the members of a role/);
  });

  it('says when the month has been reported or answered', async () => {
    await t.say('console:admin', '/grant slack:U3 reporter');
    await t.say('slack:U3', '/report companies "Remind Test Oy" date=2026-12-01');
    expect((await t.say('slack:U3', '/remind')).sections[0]!.lines[0]).toBe('December 2026: you have reported 1, so no reminder comes.');
  });

  it('is listed in /help', async () => {
    const help = await t.say('slack:U1', '/help');
    expect(help.sections[0]!.lines.some((l) => l.startsWith('/remind [off|on|nothing]'))).toBe(true);
  });
});

describe("a reporter's party, given with /grant", () => {
  const t = makeTestBot({ now: () => NOW });

  it('is stored with the grant, shown by /roles, changed (and audited) by granting again', async () => {
    expect((await t.say('console:admin', '/grant slack:U1 reporter party=kamk')).text).toBe('Granted: slack:U1 is now a reporter for KAMK.');
    expect((await t.say('console:admin', '/myonna slack:U2 raportoija osapuoli=KAMK', { locale: 'fi' })).text).toBe('Myönnetty: slack:U2 on nyt reporter (osapuoli KAMK).');
    expect(listGrants(t.app.services.store).map((g) => [g.user, g.partyId])).toEqual([
      ['slack:U1', 'KAMK'],
      ['slack:U2', 'KAMK'],
    ]);
    const roles = await t.say('console:admin', '/roles');
    expect(roles.sections[0]!.lines).toContain('slack:U1: reporter, KAMK (granted by console:admin on 2 Dec 2026)');

    expect((await t.say('console:admin', '/grant slack:U1 reporter party=CSC')).text).toBe('slack:U1 now reports for CSC.');
    const changes = roleHistory(t.app.services.store, 'slack:U1').filter((a) => a.action === 'grant');
    expect(changes.map((a) => [(a.before as { partyId: string } | null)?.partyId ?? null, (a.after as { partyId: string }).partyId])).toEqual([
      [null, 'KAMK'],
      ['KAMK', 'CSC'],
    ]);
    expect((await t.say('console:admin', '/grant slack:U1 reporter')).text).toMatch(/^slack:U1 already has the reporter role for CSC .*Nothing changed\.$/);
  });

  it('refuses a party the agreement does not have, and stores nothing', async () => {
    const r = await t.say('console:admin', '/grant slack:U9 reporter party=Nokia');
    expect(r.ok).toBe(false);
    expect(listGrants(t.app.services.store).some((g) => g.user === 'slack:U9')).toBe(false);
  });
});
