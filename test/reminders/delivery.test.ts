/**
 * Reminder delivery with a controlled clock and recording DM posters: one DM per due
 * reporter per month, the reasons others get none, /remind off, "nothing this time", users
 * who cannot be DMed, back-off, leases, catching up after downtime, month boundaries.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main.js';
import type { Lang, Reply } from '../../src/core/reply.js';
import { UnreachableError } from '../../src/errors.js';
import { parseMonth } from '../../src/core/reminders/period.js';
import { insertOutcome, retractOutcome } from '../../src/store/outcomes.js';
import { grantRole } from '../../src/store/roles.js';
import { getClaim, takeClaim } from '../../src/store/claims.js';
import { reminderSend, reminderUser } from '../../src/store/reminders.js';
import { MAX_ATTEMPTS } from '../../src/delivery/claims.js';
import type { DmPoster } from '../../src/delivery/dm-poster.js';
import { deliverReminders } from '../../src/delivery/reminders.js';
import { createReminderScheduler, startReminderScheduler } from '../../src/delivery/reminder-scheduler.js';
import { testEnv } from '../helpers/app.js';
import { fields } from '../helpers/store.js';
import { tempDbPath } from '../helpers/temp.js';
import { seedStore } from '../digest/seed.js';

/** A poster that records DMs, fails the next `failNext`, and refuses users in `closed`. */
class RecordingDmPoster implements DmPoster {
  readonly sent: { userId: string; reply: Reply }[] = [];
  readonly closed = new Map<string, string>();
  readonly locales = new Map<string, Lang>();
  failNext = 0;
  private n = 0;
  constructor(readonly platform: 'slack' | 'discord') {}
  async localeOf(userId: string) {
    return this.locales.get(userId);
  }
  async sendDm(userId: string, reply: Reply) {
    const code = this.closed.get(userId);
    if (code) throw new UnreachableError(code);
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('platform unavailable');
    }
    this.sent.push({ userId, reply });
    return { messageId: `${this.platform}-dm-${++this.n}` };
  }
  to(userId: string) {
    return this.sent.filter((s) => s.userId === userId);
  }
}

const TZ = 'Europe/Helsinki';
/** Monday 7 December 2026, 10:00 in Helsinki: the first Monday of the month. */
const FIRST_MONDAY = new Date('2026-12-07T08:00:00.000Z');
const DECEMBER = parseMonth('2026-12', TZ)!;
let clock = FIRST_MONDAY;
const apps: App[] = [];
afterEach(() => {
  while (apps.length) apps.pop()!.close();
});

const DISCORD_USER = '300000000000000001';

function setup(extraEnv: NodeJS.ProcessEnv = {}, opts: { dbPath?: string; grants?: boolean } = {}) {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, cb) => (lines.push(JSON.parse(String(chunk))), cb()) }));
  const dbPath = opts.dbPath ?? tempDbPath();
  const env = { ...testEnv(dbPath), BOT_KNOWLEDGE_DIR: path.resolve(import.meta.dirname, '..', '..', 'knowledge'), ...extraEnv };
  const app = createApp(env, { now: () => clock, log });
  apps.push(app);
  const { store } = app.services;
  if (opts.grants !== false) {
    seedStore(store);
    const at = '2026-11-01T00:00:00.000Z';
    grantRole(store, 'slack:U1', 'reporter', 'console:admin', at, 'KAMK');
    grantRole(store, 'slack:U2', 'reporter', 'console:admin', at);
    // The seed's reports are all by UREPORTER, the latest for KAMK, in November.
    grantRole(store, 'slack:UREPORTER', 'reporter', 'console:admin', at);
    grantRole(store, `discord:${DISCORD_USER}`, 'reporter', 'console:admin', at);
    grantRole(store, 'console:carol', 'reporter', 'console:admin', at);
    // An admin who is not a reporter gets nothing; one who is both gets one reminder.
    grantRole(store, 'slack:UADMIN', 'admin', 'console:admin', at);
    grantRole(store, 'slack:UBOTH', 'admin', 'console:admin', at);
    grantRole(store, 'slack:UBOTH', 'reporter', 'console:admin', at);
  }
  const slack = new RecordingDmPoster('slack');
  const discord = new RecordingDmPoster('discord');
  const scheduler = createReminderScheduler(app.services, [slack, discord], { timers: false })!;
  const say = (user: string, text: string, locale?: Lang) => app.bot.handle({ platform: user.split(':')[0] as 'slack', user, text, ...(locale ? { locale } : {}) });
  return { app, env, dbPath, slack, discord, scheduler, lines, say };
}

const statuses = (r: { results: { user: string; status: string }[] }) => Object.fromEntries(r.results.map((x) => [x.user, x.status]));

describe('one reminder per reporter and month', () => {
  it('DMs every due reporter once, nobody else; a second run sends nothing and says why', async () => {
    clock = FIRST_MONDAY;
    const { slack, discord, scheduler } = setup();
    const first = await scheduler.runScheduled();
    expect(first.period).toBe('2026-12');
    expect(statuses(first)).toEqual({
      'console:carol': 'console-user',
      [`discord:${DISCORD_USER}`]: 'sent',
      'slack:U1': 'sent',
      'slack:U2': 'sent',
      'slack:UBOTH': 'sent',
      // Reported in November only: due in December.
      'slack:UREPORTER': 'sent',
    });
    expect(slack.sent.map((s) => s.userId).sort()).toEqual(['U1', 'U2', 'UBOTH', 'UREPORTER']);
    expect(discord.sent.map((s) => s.userId)).toEqual([DISCORD_USER]);

    const second = await scheduler.runScheduled();
    expect(new Set(Object.values(statuses(second)))).toEqual(new Set(['reminded', 'console-user']));
    expect(slack.sent).toHaveLength(4);
    expect(discord.sent).toHaveLength(1);
  });

  it("says what the reporter's party reported, the goals behind pace, and offers the two buttons", async () => {
    clock = FIRST_MONDAY;
    const { slack, scheduler } = setup();
    await scheduler.runScheduled();
    const [u1] = slack.to('U1');
    expect(u1!.reply.title).toBe('Monthly check-in: December 2026');
    expect(u1!.reply.text).toContain('KAMK (your party) has reported 0 outcomes in December 2026 so far, 3 in total (1 verified).');
    const behind = u1!.reply.sections[0]!;
    expect(behind.heading).toBe('Goals behind pace');
    // 6 of 15 companies after 71 of 108 months: a steady pace would have ⌈15 × 71/108⌉ = 10.
    expect(behind.lines).toContain('New companies: 6 of 15; a steady pace would have 10 by now (0.24 a month needed by 31 Dec 2029).');
    expect(u1!.reply.actions).toEqual([
      { kind: 'form', command: 'report', label: 'Report an outcome', style: 'primary' },
      { kind: 'command', line: '/remind nothing 2026-12', label: 'Nothing this time' },
    ]);
    // No party given with the grant: the party of the user's latest report.
    expect(slack.to('UREPORTER')[0]!.reply.text).toContain('KAMK (the party of your latest report) has reported');
    // Neither: the user's own reports.
    expect(slack.to('U2')[0]!.reply.text).toContain('You have reported 0 outcomes in December 2026 so far, 0 in total');
  });

  it("writes in the user's Slack language, else BOT_DEFAULT_LANGUAGE", async () => {
    clock = FIRST_MONDAY;
    const { slack, discord, scheduler } = setup({ BOT_DEFAULT_LANGUAGE: 'fi' });
    slack.locales.set('U1', 'en');
    await scheduler.runScheduled();
    expect(slack.to('U1')[0]!.reply.lang).toBe('en');
    expect(slack.to('U2')[0]!.reply.title).toBe('Kuukauden muistutus: joulukuu 2026');
    expect(discord.sent[0]!.reply.actions!.map((a) => a.label)).toEqual(['Ilmoita tulos', 'Ei mitään tällä kertaa']);
  });
});

describe('who gets none', () => {
  it('skips a reporter who reported in the month (a retracted report does not count), and counts from local midnight on the 1st', async () => {
    const { app, slack, scheduler } = setup();
    const { store } = app.services;
    // 30 Nov 23:30 in Helsinki is still November.
    insertOutcome(store, fields({ title: 'Late November Oy' }), 'slack:U1', '2026-11-30T21:30:00.000Z');
    // 1 Dec 00:00 in Helsinki is December.
    insertOutcome(store, fields({ title: 'Early December Oy' }), 'slack:U2', '2026-11-30T22:00:00.000Z');
    const gone = insertOutcome(store, fields({ title: 'Mistake Oy' }), 'slack:UBOTH', '2026-12-02T10:00:00.000Z');
    if (!gone.ok) throw new Error('insert failed');
    retractOutcome(store, gone.outcome.id, 'typo', 'slack:UBOTH', '2026-12-02T10:05:00.000Z');
    // 1 Dec 00:30 in Helsinki: already December's period.
    clock = new Date('2026-11-30T22:30:00.000Z');
    const report = await scheduler.runScheduled();
    expect(report.period).toBe('2026-12');
    expect(statuses(report)).toMatchObject({ 'slack:U1': 'sent', 'slack:U2': 'reported', 'slack:UBOTH': 'sent' });
    expect(slack.to('U2')).toHaveLength(0);
  });

  it('sends none after /remind off, and again after /remind on', async () => {
    clock = FIRST_MONDAY;
    const { slack, scheduler, say } = setup();
    const off = await say('slack:U1', '/muistutus pois', 'fi');
    expect(off.text).toBe('Muistutukset ovat sinulta pois päältä. Komento /remind on palauttaa ne.');
    expect(statuses(await scheduler.runScheduled())['slack:U1']).toBe('opted-out');
    expect(slack.to('U1')).toHaveLength(0);
    const on = await say('slack:U1', '/remind on');
    expect(on.text).toContain('Check-in reminders are on again. Next reminder: Monday, 4 January 2027 at 10:00 (Europe/Helsinki)');
    expect(statuses(await scheduler.runScheduled())['slack:U1']).toBe('sent');
  });

  it('"nothing this time" thanks and records the answer; typed before the run, no reminder comes that month', async () => {
    clock = new Date('2026-12-03T12:00:00.000Z');
    const { app, slack, scheduler, say } = setup();
    const early = await say('slack:U2', '/remind nothing');
    expect(early.text).toBe('Thank you! Noted: nothing to report for December 2026.');
    clock = FIRST_MONDAY;
    expect(statuses(await scheduler.runScheduled())).toMatchObject({ 'slack:U2': 'answered', 'slack:U1': 'sent' });
    expect(slack.to('U2')).toHaveLength(0);
    // The button on U1's reminder sends the line the reminder carries.
    const line = (slack.to('U1')[0]!.reply.actions![1] as { line: string }).line;
    const thanks = await say('slack:U1', line, 'fi');
    expect(thanks.text).toBe('Kiitos! Kirjattu: joulukuu 2026 ei raportoitavaa.');
    expect(reminderSend(app.services.store, '2026-12', 'slack:U1')).toMatchObject({ status: 'done', messageId: 'slack-dm-1', answer: 'nothing', answeredAt: FIRST_MONDAY.toISOString() });
    expect((await say('slack:U1', line)).text).toBe('Already noted: nothing to report for December 2026. Thank you!');
    expect((await say('slack:U1', '/remind')).sections[0]!.lines[0]).toBe('December 2026: you said there is nothing to report.');
    expect((await say('slack:U1', '/remind nothing 2027-01')).ok).toBe(false);
  });
});

describe('users the bot cannot DM', () => {
  it('records the refusal, logs it once, and skips the user in later runs and months until /remind on', async () => {
    clock = FIRST_MONDAY;
    const { app, slack, discord, scheduler, lines, say } = setup();
    slack.closed.set('U2', 'cannot_dm_bot');
    discord.closed.set(DISCORD_USER, '50007');
    const first = await scheduler.runScheduled();
    expect(first.results.filter((r) => r.status === 'unreachable').map((r) => [r.user, r.error])).toEqual([
      [`discord:${DISCORD_USER}`, '50007'],
      ['slack:U2', 'cannot_dm_bot'],
    ]);
    expect(getClaim(app.services.store, 'reminder', '2026-12', 'slack:U2')).toMatchObject({ status: 'unreachable', attempts: 0, lastError: 'cannot_dm_bot' });
    expect(reminderUser(app.services.store, 'slack:U2')).toMatchObject({ unreachableSince: FIRST_MONDAY.toISOString(), unreachableError: 'cannot_dm_bot' });
    const logged = () => lines.filter((l) => String(l.msg).startsWith('reminder: the platform refuses DMs'));
    expect(logged().map((l) => l.user)).toEqual([`discord:${DISCORD_USER}`, 'slack:U2']);

    // The next run and the next month: skipped without another attempt, nothing more logged.
    expect(statuses(await scheduler.runScheduled())['slack:U2']).toBe('unreachable');
    clock = new Date('2027-01-04T08:00:00.000Z');
    expect(statuses(await scheduler.runScheduled())).toMatchObject({ 'slack:U2': 'unreachable', [`discord:${DISCORD_USER}`]: 'unreachable', 'slack:U1': 'sent' });
    expect(logged()).toHaveLength(2);
    expect(lines.filter((l) => l.level === 40 || l.level === 50).length).toBe(2);

    const status = await say('slack:U2', '/remind');
    expect(status.sections[0]!.lines).toContain('A reminder could not be delivered (cannot_dm_bot, since 2026-12-07). /remind on tries again next time.');
    await say('slack:U2', '/remind on');
    slack.closed.delete('U2');
    expect(statuses(await scheduler.runScheduled())['slack:U2']).toBe('sent');
  });
});

describe('platform errors and other processes', () => {
  it('retries a failed DM after its back-off (not before), and gives up after the last attempt', async () => {
    clock = FIRST_MONDAY;
    const { app, slack, scheduler, lines } = setup();
    slack.failNext = 1;
    const first = await scheduler.runScheduled();
    const failed = first.results.find((r) => r.status === 'failed')!;
    expect(failed).toMatchObject({ error: 'platform unavailable', nextAttemptAt: '2026-12-07T08:01:00.000Z' });
    expect(lines.some((l) => l.msg === 'reminder failed; will retry' && l.user === failed.user && l.attempts === 1)).toBe(true);
    clock = new Date('2026-12-07T08:00:30.000Z');
    expect(await scheduler.retry()).toEqual([]);
    expect(statuses(await scheduler.runScheduled())[failed.user]).toBe('waiting-retry');
    clock = new Date('2026-12-07T08:01:00.000Z');
    const [retried] = await scheduler.retry();
    expect(retried!.results).toEqual([expect.objectContaining({ user: failed.user, status: 'sent' })]);
    expect(getClaim(app.services.store, 'reminder', '2026-12', failed.user)).toMatchObject({ status: 'done', attempts: 1, lastError: null });

    slack.failNext = 100;
    clock = new Date('2027-01-04T08:00:00.000Z');
    await scheduler.runScheduled();
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock = new Date(clock.getTime() + 2 * 60 * 60_000);
      await scheduler.retry();
    }
    expect(lines.filter((l) => l.msg === 'reminder failed; giving up' && l.user === 'slack:U1')).toHaveLength(1);
    expect(statuses(await scheduler.runScheduled())['slack:U1']).toBe('abandoned');
  });

  it('stops retrying a failed DM once the user has reported', async () => {
    clock = FIRST_MONDAY;
    const { app, slack, scheduler } = setup();
    slack.failNext = 10;
    await scheduler.runScheduled();
    insertOutcome(app.services.store, fields({ title: 'Reported meanwhile Oy' }), 'slack:U1', '2026-12-07T08:00:10.000Z');
    clock = new Date('2026-12-07T08:05:00.000Z');
    slack.failNext = 0;
    const [retried] = await scheduler.retry();
    expect(statuses(retried!)['slack:U1']).toBe('reported');
    expect(getClaim(app.services.store, 'reminder', '2026-12', 'slack:U1')).toMatchObject({ status: 'abandoned', lastError: 'no longer due: reported' });
    expect(slack.to('U1')).toHaveLength(0);
  });

  it('leaves a reminder another live process is sending, and takes over one whose lease ran out', async () => {
    clock = FIRST_MONDAY;
    const { app, slack, scheduler } = setup();
    takeClaim(app.services.store, 'reminder', { period: '2026-12', key: 'slack:U1', owner: 'other-process', now: clock.toISOString(), leaseUntil: '2026-12-07T08:05:00.000Z' });
    expect(statuses(await scheduler.runScheduled())['slack:U1']).toBe('in-progress');
    expect(slack.to('U1')).toHaveLength(0);
    clock = new Date('2026-12-07T08:05:01.000Z');
    expect(statuses(await scheduler.runScheduled())['slack:U1']).toBe('sent');
    expect(slack.to('U1')).toHaveLength(1);
  });
});

describe('the schedule in the running bot', () => {
  it('catches up a run missed earlier this month for reporters granted before it, once; not one from last month', async () => {
    clock = new Date('2026-12-09T12:00:00.000Z');
    const { app, dbPath, env } = setup();
    grantRole(app.services.store, 'slack:ULATE', 'reporter', 'console:admin', '2026-12-08T09:00:00.000Z');
    const restarted = setup(env, { dbPath, grants: false });
    const report = (await restarted.scheduler.catchUp())!;
    expect(report.period).toBe('2026-12');
    expect(restarted.slack.sent.map((s) => s.userId).sort()).toEqual(['U1', 'U2', 'UBOTH', 'UREPORTER']);
    expect(restarted.lines.some((l) => l.msg === 'sent reminders missed while the bot was down' && l.sent === 5)).toBe(true);
    const again = setup(env, { dbPath, grants: false });
    await again.scheduler.catchUp();
    expect(again.slack.sent.length + again.discord.sent.length).toBe(0);
    // 2 January: December's run is over, January's has not come.
    clock = new Date('2027-01-02T12:00:00.000Z');
    expect(await setup(env, { dbPath, grants: false }).scheduler.catchUp()).toBeNull();
  });

  it('starts with the next first Monday, and not at all with REMINDER_CRON=off', async () => {
    clock = new Date('2027-01-04T07:59:00.000Z');
    const { app, slack, discord } = setup();
    const s = startReminderScheduler(app, [slack, discord])!;
    try {
      expect(s.nextRun()?.toISOString()).toBe('2027-01-04T08:00:00.000Z');
    } finally {
      s.stop();
    }
    const off = setup({ REMINDER_CRON: 'off' });
    expect(startReminderScheduler(off.app, [off.slack])).toBeNull();
    expect(off.lines.some((l) => l.msg === 'check-in reminders are off (REMINDER_CRON=off)')).toBe(true);
    expect((await off.say('slack:U1', '/remind')).text).toBe('Check-in reminders are switched off for everyone (REMINDER_CRON=off); yours will come when they are switched on.');
  });

  it('delivers a month given explicitly, and reports a platform without a poster', async () => {
    clock = FIRST_MONDAY;
    const { app, slack } = setup();
    const report = await deliverReminders(app.services, [slack], DECEMBER);
    expect(statuses(report)[`discord:${DISCORD_USER}`]).toBe('no-poster');
    expect(getClaim(app.services.store, 'reminder', '2026-12', `discord:${DISCORD_USER}`)).toBeNull();
  });
});
