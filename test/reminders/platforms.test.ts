/**
 * Reminders on the real platform clients against the local fakes on 127.0.0.1:
 * `kajaani-bot remind run|preview` DMing through Slack's conversations.open + chat.postMessage
 * and Discord's DM channel + message, users who cannot be DMed, and the buttons: the report
 * button opens the report form (Slack views.open, Discord modal), a submitted form stores the
 * report, and "Nothing this time" thanks and records.
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord.js';
import { openStore } from '../../src/store/store.js';
import { grantRole } from '../../src/store/roles.js';
import { listOutcomes } from '../../src/store/outcomes.js';
import { getClaim } from '../../src/store/claims.js';
import { reminderSend, reminderUser } from '../../src/store/reminders.js';
import { remindCli } from '../../src/cli-remind.js';
import { monthOf } from '../../src/core/reminders/period.js';
import { deliverReminders } from '../../src/delivery/reminders.js';
import { createSlackDmPoster } from '../../src/adapters/slack/dm-poster.js';
import { createDiscordDmPoster } from '../../src/adapters/discord/dm-poster.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { buttonClick, reportSubmission } from '../fakes/slack/payloads.js';
import { postToApp } from '../fakes/slack/fake-slack.js';
import { FakeDiscord, defaultUser, snowflake } from '../fakes/discord/fake-discord.js';
import { testEnv } from '../helpers/app.js';
import { tempDbPath } from '../helpers/temp.js';
import { seedStore } from '../digest/seed.js';
import { SECRET, startHarness as startSlackHarness } from '../adapters/slack/harness.js';
import { startHarness as startDiscordHarness, to } from '../adapters/discord/harness.js';

function capture(): { stream: Writable; text: () => string } {
  let out = '';
  return { stream: new Writable({ write: (c, _e, cb) => ((out += String(c)), cb()) }), text: () => out };
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  const out = capture();
  const err = capture();
  const code = await remindCli(args, env, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

type Block = { type: string; block_id?: string; elements?: { type: string; action_id?: string; value?: string; text?: { text: string }; style?: string }[]; text?: { text: string } };
const buttonsOf = (blocks: Block[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe('kajaani-bot remind against fake Slack and fake Discord', () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  const discordUser = snowflake();
  const discordClosed = snowflake();
  beforeAll(async () => {
    slack = await FakeSlack.start();
    discord = await FakeDiscord.start();
  });
  afterAll(async () => {
    await slack.stop();
    await discord.close();
  });

  function envFor(dbPath: string): NodeJS.ProcessEnv {
    return {
      ...testEnv(dbPath),
      BOT_KNOWLEDGE_DIR: path.resolve(import.meta.dirname, '..', '..', 'knowledge'),
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-test-token',
      DISCORD_API_URL: discord.apiUrl,
    };
  }

  it('DMs each reporter once on each platform, records who cannot be DMed, and a second run changes nothing', async () => {
    const dbPath = tempDbPath();
    const store = openStore(dbPath);
    seedStore(store);
    const at = '2026-01-01T00:00:00.000Z';
    grantRole(store, 'slack:U1', 'reporter', 'console:admin', at, 'KAMK');
    grantRole(store, 'slack:UFI', 'reporter', 'console:admin', at, 'CSC');
    grantRole(store, 'slack:UBOT', 'reporter', 'console:admin', at);
    grantRole(store, 'slack:UGONE', 'reporter', 'console:admin', at);
    grantRole(store, `discord:${discordUser}`, 'reporter', 'console:admin', at, 'KAMK');
    grantRole(store, `discord:${discordClosed}`, 'reporter', 'console:admin', at);
    store.close();
    slack.locales.set('UFI', 'fi-FI');
    slack.dmErrors.set('UBOT', 'cannot_dm_bot');
    slack.dmErrors.set('UGONE', 'user_not_found');
    discord.closedDms.add(discordClosed);
    const env = envFor(dbPath);
    const period = monthOf(new Date(), 'Europe/Helsinki').label;

    const preview = await cli(['preview', '--json'], env);
    expect(preview.code).toBe(0);
    const planned = JSON.parse(preview.out) as { period: string; reporters: { user: string; status: string; reminder?: { actions: unknown[] } }[] };
    expect(planned.period).toBe(period);
    expect(planned.reporters.map((r) => [r.user, r.status])).toContainEqual(['slack:U1', 'due']);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(0);

    const first = await cli(['run', '--json'], env);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as { results: { user: string; status: string; error?: string }[] };
    expect(Object.fromEntries(report.results.map((r) => [r.user, r.error ? `${r.status}:${r.error}` : r.status]))).toEqual({
      [`discord:${discordClosed}`]: 'unreachable:50007',
      [`discord:${discordUser}`]: 'sent',
      'slack:U1': 'sent',
      'slack:UBOT': 'unreachable:cannot_dm_bot',
      'slack:UFI': 'sent',
      'slack:UGONE': 'unreachable:user_not_found',
    });

    // Slack: the DM channel from conversations.open, then the message with its two buttons.
    expect(slack.callsOf('conversations.open').map((c) => c.args.users)).toEqual(expect.arrayContaining(['U1', 'UFI', 'UBOT', 'UGONE']));
    const posts = slack.callsOf('chat.postMessage');
    expect(posts.map((p) => p.args.channel).sort()).toEqual(['DU1', 'DUFI']);
    const u1 = posts.find((p) => p.args.channel === 'DU1')!.args;
    const blocks = u1.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringMatching(/^Monthly check-in: \w+ \d{4}$/) } });
    expect(JSON.stringify(blocks)).toContain('KAMK (your party) has reported');
    expect(buttonsOf(blocks).map((b) => [b.action_id, b.value, b.text?.text, b.style])).toEqual([
      ['kajaani_open_report', 'report', 'Report an outcome', 'primary'],
      ['kajaani_command', `/remind nothing ${period}`, 'Nothing this time', undefined],
    ]);
    const fi = posts.find((p) => p.args.channel === 'DUFI')!.args;
    expect(buttonsOf(fi.blocks as Block[]).map((b) => b.text?.text)).toEqual(['Ilmoita tulos', 'Ei mitään tällä kertaa']);
    expect(String(fi.text)).toMatch(/^Kuukauden muistutus: /);

    // Discord: the DM channel, then one message with embeds and the buttons, no mentions parsed.
    const opened = discord.requests.filter((r) => r.method === 'POST' && r.path === '/users/@me/channels');
    expect(opened.map((r) => r.body.recipient_id).sort()).toEqual([discordClosed, discordUser].sort());
    const dm = discord.requests.find((r) => r.method === 'POST' && r.path === `/channels/${discordUser.slice(0, -3)}999/messages`)!;
    expect(dm.body.allowed_mentions).toEqual({ parse: [] });
    expect(dm.body.embeds[0].title).toMatch(/^Monthly check-in: /);
    expect(dm.body.components[0].components.map((c: { custom_id: string; label: string; style: number }) => [c.custom_id, c.label, c.style])).toEqual([
      ['kajaani:open:report', 'Report an outcome', 1],
      [`kajaani:cmd:/remind nothing ${period}`, 'Nothing this time', 2],
    ]);

    const check = openStore(dbPath);
    expect(reminderUser(check, 'slack:UGONE')).toMatchObject({ unreachableError: 'user_not_found' });
    expect(getClaim(check, 'reminder', period, `discord:${discordClosed}`)).toMatchObject({ status: 'unreachable', lastError: '50007' });
    expect(getClaim(check, 'reminder', period, 'slack:U1')!.messageId).toMatch(/^DU1:1700000000\.\d+$/);
    check.close();

    const opens = slack.callsOf('conversations.open').length;
    const discordCalls = discord.requests.length;
    const second = await cli(['run'], env);
    expect(second.code).toBe(0);
    expect(second.out).toContain('slack:U1: skipped: already reminded this period');
    expect(second.out).toContain('slack:UBOT: skipped: cannot be DMed');
    expect(slack.callsOf('conversations.open')).toHaveLength(opens);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(2);
    expect(discord.requests).toHaveLength(discordCalls);

    const text = await cli(['preview'], env);
    expect(text.out).toContain(`slack:UGONE: skipped: cannot be DMed (user_not_found, since `);
  });

  it('explains itself: --help, a bad period, a future month', async () => {
    const env = envFor(tempDbPath());
    expect((await cli(['--help'], env)).out).toContain('kajaani-bot remind preview [--period 2026-12] [--json]');
    expect((await cli(['run', '--help'], env)).code).toBe(0);
    const bad = await cli(['preview', '--period', '2026-13'], env);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--period must be a month such as');
    const future = await cli(['run', '--period', '2999-01'], env);
    expect(future.code).toBe(2);
    expect(future.err).toContain('is in the future');
    expect((await cli(['send'], env)).code).toBe(2);
  });
});

describe('the reminder buttons in Slack', () => {
  it('opens the report modal, stores the submitted report, and thanks for "nothing this time"', async () => {
    const h = await startSlackHarness();
    try {
      const { services } = h.app;
      grantRole(services.store, 'slack:U777', 'reporter', 'console:admin', '2025-01-01T00:00:00.000Z', 'KAMK');
      const period = monthOf(services.now(), 'Europe/Helsinki');
      const poster = createSlackDmPoster({ token: 'xoxb-test-token', apiUrl: h.fake.apiUrl, log: pino({ level: 'silent' }) });
      const report = await deliverReminders(services, [poster], period);
      expect(report.results).toEqual([expect.objectContaining({ user: 'slack:U777', status: 'sent' })]);
      const post = await h.fake.waitForCall('chat.postMessage');
      expect(post.args.channel).toBe('DU777');
      const [reportButton, nothingButton] = buttonsOf(post.args.blocks as Block[]);

      const interactive = (payload: Record<string, unknown>) => postToApp(h.url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', { secret: SECRET });
      const before = h.fake.callsOf('views.open').length;
      await interactive(buttonClick(reportButton!.action_id!, reportButton!.value!, { user: 'U777', channel: 'DU777', responseUrl: h.fake.responseUrl('dm-report') }));
      const opened = await h.fake.waitForCall('views.open', before + 1);
      const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: { block_id: string }[] };
      expect(view.callback_id).toBe('kajaani_report');
      expect(view.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining(['goal', 'title', 'party', 'date']));

      await interactive(reportSubmission({ goal: 'companies', title: 'Reminded Oy', party: 'KAMK', date: '2025-03-01' }, view.private_metadata, 'U777'));
      const confirmation = await h.fake.waitForResponse('dm-report');
      expect(JSON.stringify(confirmation.body)).toContain('Reminded Oy');
      expect(listOutcomes(services.store, { goalId: 'companies' }).filter((o) => o.title === 'Reminded Oy').map((o) => o.reportedBy)).toEqual(['slack:U777']);

      await interactive(buttonClick(nothingButton!.action_id!, nothingButton!.value!, { user: 'U777', channel: 'DU777', responseUrl: h.fake.responseUrl('dm-nothing') }));
      const thanks = await h.fake.waitForResponse('dm-nothing');
      expect(String(thanks.body.text)).toMatch(/^Thank you! Noted: nothing to report for \w+ \d{4}\.$/);
      expect(reminderSend(services.store, period.label, 'slack:U777')).toMatchObject({ status: 'done', answer: 'nothing' });
    } finally {
      await h.close();
    }
  });
});

describe('the reminder buttons in Discord', () => {
  it('opens the report modal from the DM, stores the submitted report, and thanks for "nothing this time"', async () => {
    const h = await startDiscordHarness();
    try {
      const { services } = h.app;
      const user = `discord:${defaultUser.id}`;
      grantRole(services.store, user, 'reporter', 'console:admin', '2025-01-01T00:00:00.000Z');
      const period = monthOf(services.now(), 'Europe/Helsinki');
      const poster = createDiscordDmPoster({ token: 'fake-token', apiUrl: h.fake.apiUrl });
      expect((await deliverReminders(services, [poster], period)).results).toEqual([expect.objectContaining({ user, status: 'sent' })]);
      const dm = await h.fake.waitForRequest(to('POST', /^\/channels\/\d+\/messages$/));
      const [reportButton, nothingButton] = dm.body.components[0].components as { custom_id: string }[];

      const click = h.fake.button(reportButton!.custom_id, defaultUser, { dm: true });
      const modal = await h.fake.waitForRequest(to('POST', new RegExp(`^/interactions/${click.id}/[^/]+/callback$`)));
      expect(modal.body.type).toBe(InteractionResponseType.Modal);
      expect(modal.body.data.custom_id).toBe('kajaani:form:report');

      const submit = h.fake.modalSubmit('kajaani:form:report', { goal: ['companies'], title: 'Reminded Discord Oy', party: ['KAMK'], date: '2025-01-02' }, defaultUser, { dm: true });
      const stored = await h.fake.waitForRequest(to('POST', new RegExp(`^/interactions/${submit.id}/[^/]+/callback$`)));
      expect(JSON.stringify(stored.body)).toContain('Reminded Discord Oy');
      expect(listOutcomes(services.store, { goalId: 'companies' }).filter((o) => o.title === 'Reminded Discord Oy').map((o) => o.reportedBy)).toEqual([user]);

      const nothing = h.fake.button(nothingButton!.custom_id, defaultUser, { dm: true });
      const thanks = await h.fake.waitForRequest(to('POST', new RegExp(`^/interactions/${nothing.id}/[^/]+/callback$`)));
      expect(JSON.stringify(thanks.body)).toMatch(/Thank you! Noted: nothing to report for \w+ \d{4}\./);
      expect(reminderSend(services.store, period.label, user)).toMatchObject({ status: 'done', answer: 'nothing' });
    } finally {
      await h.close();
    }
  });
});
