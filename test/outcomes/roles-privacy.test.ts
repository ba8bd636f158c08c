/**
 * Who holds power is for admins to see (issue 11 item 9): a refusal says "ask an admin" and
 * never lists admin ids; `/roles` shows a non-admin only their own roles. And the last admin
 * stays (item 10): without BOT_ADMINS, nobody can revoke the last stored admin, themselves
 * included; admins from BOT_ADMINS are always admins and `/roles` says so.
 */
import { describe, expect, it } from 'vitest';
import { makeTestBot } from '../helpers/app.js';
import { replyToPlainText } from '../../src/core/reply.js';
import { storedRoles } from '../../src/store/roles.js';

const ADMIN = 'console:admin';
const SECOND = 'slack:U0SECOND';
const REP = 'discord:81234567';
const STRANGER = 'console:stranger';

describe('refusals and /roles do not reveal who the admins are', () => {
  const t = makeTestBot();

  it('a refusal says to ask an admin and names no admin, in English and Finnish', async () => {
    await t.say(ADMIN, `/grant ${SECOND} admin`);
    for (const text of ['/report companies "Sneaky Oy"', '/grant console:x reporter', '/verify 1', '/digest subscribe', '/export']) {
      for (const locale of ['en', 'fi'] as const) {
        const r = await t.say(STRANGER, text, { locale });
        if (r.ok) continue;
        const shown = replyToPlainText(r);
        expect(shown, text).not.toContain(ADMIN);
        expect(shown, text).not.toContain(SECOND);
      }
    }
    const en = await t.say(STRANGER, '/report companies "Sneaky Oy"');
    expect(en.text).toContain('Ask an admin to grant it.');
    const fi = await t.say(STRANGER, '/report companies "Sneaky Oy"', { locale: 'fi' });
    expect(fi.text).toContain('Pyydä roolia ylläpitäjältä.');
  });

  it('a reporter refused another reporter’s outcome learns nothing about the admins', async () => {
    await t.say(ADMIN, `/grant ${REP} reporter`);
    await t.say(ADMIN, '/grant console:rep2 reporter');
    const stored = await t.say('console:rep2', '/report companies "Theirs Oy"');
    const id = (stored.data.outcome as { id: number }).id;
    const r = await t.say(REP, `/edit ${id} note="mine now"`);
    expect(r.ok).toBe(false);
    expect(replyToPlainText(r)).not.toContain(ADMIN);
    expect(replyToPlainText(r)).not.toContain(SECOND);
  });

  it('/roles shows a non-admin only their own roles, with where they come from', async () => {
    const mine = replyToPlainText(await t.say(REP, '/roles'));
    expect(mine).toContain(`Your roles (${REP}): reporter (granted by ${ADMIN}`);
    expect(mine).not.toContain(SECOND);
    expect(mine).not.toContain('console:rep2');
    expect(mine).not.toMatch(/All roles/);
    const none = replyToPlainText(await t.say(STRANGER, '/roles'));
    expect(none).toContain('You (console:stranger) have no roles');
    expect(none).toContain('Ask an admin to make you a reporter.');
    expect(none).not.toContain(ADMIN);
    expect(none).not.toContain(REP);
  });

  it('/roles shows an admin everyone’s roles, BOT_ADMINS marked as always admins', async () => {
    const all = await t.say(ADMIN, '/roles');
    const text = replyToPlainText(all);
    expect(text).toContain(`Your roles (${ADMIN}): admin (BOT_ADMINS: always an admin; change it in the configuration)`);
    expect(all.sections[0]!.lines).toEqual(
      expect.arrayContaining([`${ADMIN}: admin (BOT_ADMINS: always an admin; change it in the configuration)`, expect.stringMatching(new RegExp(`^${SECOND}: admin \\(granted by ${ADMIN}`)), expect.stringMatching(new RegExp(`^${REP}: reporter`))]),
    );
    const stored = replyToPlainText(await t.say(SECOND, '/roles'));
    expect(stored).toContain('All roles');
    expect(stored).toContain(REP);
  });
});

describe('the last admin stays', () => {
  it('without BOT_ADMINS, the last stored admin cannot be revoked, not even by themselves', async () => {
    const t = makeTestBot({ admins: '' });
    // Without BOT_ADMINS nobody is an admin; the first one is stored as an operator would (a grant in the database).
    t.app.services.store.db.prepare("INSERT INTO roles (user_id, role, granted_by, granted_at) VALUES ('console:first', 'admin', 'operator', '2025-01-01T00:00:00.000Z')").run();
    const self = await t.say('console:first', '/revoke console:first admin');
    expect(self.ok).toBe(false);
    expect(self.data.error).toBe('last-admin');
    expect(self.text).toContain('You are the last admin, so the role was not removed');
    const fi = await t.say('console:first', '/revoke console:first admin', { locale: 'fi' });
    expect(fi.text).toContain('Olet viimeinen ylläpitäjä');
    expect(storedRoles(t.app.services.store, 'console:first')).toEqual(['admin']);

    // With a second admin, either may go — but then the other is the last.
    expect((await t.say('console:first', '/grant console:second admin')).ok).toBe(true);
    expect((await t.say('console:second', '/revoke console:first admin')).ok).toBe(true);
    const last = await t.say('console:second', '/revoke console:second admin');
    expect(last.ok).toBe(false);
    expect(last.data.error).toBe('last-admin');
    expect(storedRoles(t.app.services.store, 'console:second')).toEqual(['admin']);
  });

  it('with BOT_ADMINS, stored admins may all go (the configured ones stay), and a configured one cannot be revoked', async () => {
    const t = makeTestBot();
    await t.say(ADMIN, `/grant ${SECOND} admin`);
    expect((await t.say(ADMIN, `/revoke ${SECOND} admin`)).ok).toBe(true);
    const configured = await t.say(ADMIN, `/revoke ${ADMIN} admin`);
    expect(configured.ok).toBe(false);
    expect(configured.text).toContain('BOT_ADMINS');
    expect((await t.say(ADMIN, '/roles')).data.roles).toEqual(['admin']);
  });
});
