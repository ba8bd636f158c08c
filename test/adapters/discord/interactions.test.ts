import { afterEach, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { errorReply, reply } from '../../../src/core/reply.js';
import { FORM_ID_PREFIX } from '../../../src/adapters/discord/form.js';

const REPORT_MODAL_ID = `${FORM_ID_PREFIX}report`;
import { listFeedback } from '../../../src/store/feedback.js';
import { defaultUser, opt, snowflake } from '../../fakes/discord/fake-discord.js';
import { startHarness, to, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const callback = (id: string) => to('POST', new RegExp(`^/interactions/${id}/[^/]+/callback$`));
const original = (token: string) => (r: { path: string }) => r.path.endsWith(`/${token}/messages/@original`);
const followUp = (token: string) => to('POST', new RegExp(`^/webhooks/\\d+/${token}$`));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Discord slash commands', () => {
  it('answers /ask with an embed, in the user’s language, with mentions disabled', async () => {
    h = await startHarness();
    const { id } = h.fake.chatInput('ask', [opt.string('question', 'Mitkä ovat sopimuksen osapuolet?')], defaultUser, { locale: 'fi' });
    const cb = await h.fake.waitForRequest(callback(id));
    expect(cb.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(cb.body.data.embeds.length).toBeGreaterThan(0);
    expect(h.inbound[0]).toMatchObject({
      platform: 'discord',
      user: `discord:${defaultUser.id}`,
      text: 'Mitkä ovat sopimuksen osapuolet?',
      locale: 'fi',
      conversationId: `discord:${h.fake.guildId}:${h.fake.channelId}`,
    });
  });

  it('leaves the language to the core when the Discord locale is neither Finnish nor English', async () => {
    h = await startHarness();
    const { id } = h.fake.chatInput('ask', [opt.string('question', '/grant discord:1 admin')], defaultUser, { locale: 'sv-SE' });
    await h.fake.waitForRequest(callback(id));
    // A question is never run as a command, even when it starts with a slash.
    expect(h.inbound[0]).toMatchObject({ text: 'grant discord:1 admin', locale: undefined });
  });

  it('turns /report options into the core grammar, quoting values and keeping the spec order', async () => {
    h = await startHarness();
    const { id } = h.fake.chatInput('report', [
      opt.string('title', 'Acme "Rocket" Oy'),
      opt.string('goal', 'companies'),
      opt.string('party', 'KAMK'),
      opt.string('date', '2025-01-02'),
      opt.string('business-id', '1234567-8'),
      opt.string('note', "it's new"),
      opt.boolean('duplicate', true),
    ]);
    await h.fake.waitForRequest(callback(id));
    expect(h.inbound[0]!.text).toBe(`/report companies 'Acme "Rocket" Oy' party=KAMK date=2025-01-02 business-id=1234567-8 note="it's new" duplicate=ok`);
  });

  it('maps /grant and /revoke to platform-qualified users', async () => {
    h = await startHarness();
    const target = snowflake();
    const a = h.fake.chatInput('grant', [opt.user('user', target), opt.string('role', 'reporter')]);
    await h.fake.waitForRequest(callback(a.id));
    const b = h.fake.chatInput('revoke', [opt.user('user', target), opt.string('role', 'admin')]);
    await h.fake.waitForRequest(callback(b.id));
    expect(h.inbound.map((m) => m.text)).toEqual([`/grant discord:${target} reporter`, `/revoke discord:${target} admin`]);
  });

  it('translates /progress, /outcomes, /edit, /retract, /verify, /export and /help', async () => {
    h = await startHarness();
    const sent = [
      h.fake.chatInput('progress', [opt.string('goal', 'technologies')]),
      h.fake.chatInput('outcomes', [opt.string('goal', 'companies'), opt.string('party', 'CSC'), opt.integer('year', 2024), opt.string('status', 'verified')]),
      h.fake.chatInput('edit', [opt.integer('id', 7), opt.string('title', 'New name')]),
      h.fake.chatInput('retract', [opt.integer('id', 7), opt.string('reason', 'reported twice')]),
      h.fake.chatInput('verify', [opt.integer('id', 7)]),
      h.fake.chatInput('export', [opt.string('format', 'json')]),
      h.fake.chatInput('help'),
    ];
    for (const s of sent) await h.fake.waitForRequest(callback(s.id));
    expect(h.inbound.map((m) => m.text)).toEqual([
      '/progress technologies',
      '/outcomes companies party=CSC year=2024 status=verified',
      '/edit 7 title="New name"',
      '/retract 7 "reported twice"',
      '/verify 7',
      '/export json',
      '/help',
    ]);
  });

  it('opens the report form for /report without options, localised, with goals and parties to pick', async () => {
    h = await startHarness();
    const { id } = h.fake.chatInput('report', [], defaultUser, { locale: 'fi' });
    const cb = await h.fake.waitForRequest(callback(id));
    expect(cb.body.type).toBe(InteractionResponseType.Modal);
    const modal = cb.body.data;
    expect(modal.custom_id).toBe(REPORT_MODAL_ID);
    expect(modal.title).toBe('Ilmoita tulos');
    expect(modal.components).toHaveLength(5);
    const goal = modal.components[0].component;
    expect(goal.options.map((o: { value: string }) => o.value)).toEqual(h.app.services.knowledge.current.goals.map((g) => g.id));
    expect(goal.options[0].label).toBe(h.app.services.knowledge.current.goals[0]!.name.fi);
    expect(modal.components[2].component.options.some((o: { value: string }) => o.value === 'KAMK')).toBe(true);
    expect(h.inbound).toHaveLength(0);
  });

  it('pre-fills the form when /report lacks a goal or title', async () => {
    h = await startHarness();
    const { id } = h.fake.chatInput('report', [opt.string('goal', 'companies'), opt.string('link', 'https://example.fi/a')]);
    const cb = await h.fake.waitForRequest(callback(id));
    expect(cb.body.type).toBe(InteractionResponseType.Modal);
    expect(cb.body.data.components[0].component.options.find((o: { value: string }) => o.value === 'companies').default).toBe(true);
    expect(cb.body.data.components[4].component.value).toBe('https://example.fi/a');
  });

  it('reports from the submitted form, splitting the details box into date, link and Business ID', async () => {
    h = await startHarness();
    // The note has a box of its own: beside a 2,000-character link it would overflow the shared one.
    const { id } = h.fake.modalSubmit(REPORT_MODAL_ID, {
      goal: ['companies'],
      title: 'Acme Oy',
      party: ['KAMK'],
      note: 'Spun off from the lab',
      details: 'https://example.fi/news/2024-12-31 1234567-8\n2025-01-02',
    });
    await h.fake.waitForRequest(callback(id));
    expect(h.inbound[0]!.text).toBe('/report companies "Acme Oy" party=KAMK date=2025-01-02 link=https://example.fi/news/2024-12-31 business-id=1234567-8 note="Spun off from the lab"');
  });

  it('suggests parties while typing, matching names and aliases', async () => {
    h = await startHarness();
    const { id } = h.fake.autocomplete('report', [opt.string('goal', 'companies'), opt.string('party', 'kaja', true)]);
    const cb = await h.fake.waitForRequest(callback(id));
    expect(cb.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const values = cb.body.data.choices.map((c: { value: string }) => c.value);
    expect(values).toContain('KAMK');
    expect(values).toContain('Kajaani');
    expect(values).not.toContain('JYU');
    expect(cb.body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('defers a slow answer and edits it in, so the interaction never expires', async () => {
    h = await startHarness({ deferAfterMs: 100, wrap: (handle) => async (m) => (await sleep(400), handle(m)) });
    const { id, token } = h.fake.chatInput('ask', [opt.string('question', 'Who are the parties?')]);
    const cb = await h.fake.waitForRequest(callback(id));
    expect(cb.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && original(token)(r));
    expect(edit.body.embeds.length).toBeGreaterThan(0);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('Discord 👍/👎 on answers', () => {
  it('puts the two buttons under an answer and stores a click through the core, one vote per user and answer', async () => {
    h = await startHarness();
    const asked = h.fake.chatInput('ask', [opt.string('question', 'Who are the parties?')]);
    const cb = await h.fake.waitForRequest(callback(asked.id));
    const buttons = cb.body.data.components[0].components as { custom_id: string; label: string }[];
    expect(buttons.map((b) => b.label)).toEqual(['Helpful', 'Not helpful']);
    expect(buttons.every((b) => b.custom_id.length <= 100)).toBe(true);
    const [up, down] = buttons.map((b) => b.custom_id);

    const click = h.fake.button(up!);
    const thanks = await h.fake.waitForRequest(callback(click.id));
    expect(thanks.body.data.embeds[0].description).toBe('Thanks for the feedback!');
    expect(thanks.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const again = h.fake.button(down!);
    await h.fake.waitForRequest(callback(again.id));

    const rows = listFeedback(h.app.services.store);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user: `discord:${defaultUser.id}`, vote: 'down', question: 'Who are the parties?', platform: 'discord' });
    expect(rows[0]!.answer).toContain('KAMK');
    expect(h.inbound.map((m) => m.text).slice(1)).toEqual([`/feedback ${/:([0-9a-f]+)$/.exec(up!)![1]} up`, `/feedback ${/:([0-9a-f]+)$/.exec(down!)![1]} down`]);
  });

  it('gives no buttons to command replies', async () => {
    h = await startHarness();
    const { id } = h.fake.chatInput('progress');
    const cb = await h.fake.waitForRequest(callback(id));
    expect(cb.body.data.components ?? []).toEqual([]);
  });
});

describe('Discord replies: privacy, failures, files and limits', () => {
  it('replaces a public "thinking…" with an ephemeral follow-up when the slow answer is private', async () => {
    h = await startHarness({ deferAfterMs: 50, wrap: () => async (m) => (await sleep(200), errorReply(m.locale ?? 'en', 'You need the reporter role.')) });
    const { id, token } = h.fake.chatInput('progress');
    const cb = await h.fake.waitForRequest(callback(id));
    expect(cb.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(cb.body.data?.flags ?? 0).toBe(0);
    await h.fake.waitForRequest((r) => r.method === 'DELETE' && original(token)(r));
    const fu = await h.fake.waitForRequest(followUp(token));
    expect(fu.body.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(fu.body.content).toBe('You need the reporter role.');
  });

  it('defers admin commands ephemerally from the start', async () => {
    h = await startHarness({ deferAfterMs: 50, wrap: (handle) => async (m) => (await sleep(200), handle(m)) });
    const { id, token } = h.fake.chatInput('verify', [opt.integer('id', 1)]);
    const cb = await h.fake.waitForRequest(callback(id));
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    await h.fake.waitForRequest((r) => r.method === 'PATCH' && original(token)(r));
  });

  it('answers quick rejections ephemerally', async () => {
    h = await startHarness({ wrap: () => async (m) => errorReply('en', `Unknown goal in ${m.text}`) });
    const { id } = h.fake.chatInput('progress', [opt.string('goal', 'companies')]);
    const cb = await h.fake.waitForRequest(callback(id));
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('sends /export files as attachments', async () => {
    const csv = Buffer.from('id,goal,title\n1,companies,Acme Oy\n');
    h = await startHarness({
      wrap: () => async () => reply('en', 'All outcomes (1).', { visibility: 'ephemeral', files: [{ filename: 'outcomes.csv', contentType: 'text/csv', data: csv }] }),
    });
    const { id } = h.fake.chatInput('export', [opt.string('format', 'csv')]);
    const cb = await h.fake.waitForRequest(callback(id));
    expect(cb.files).toHaveLength(1);
    expect(cb.files[0]!.name).toBe('outcomes.csv');
    expect(cb.files[0]!.data.equals(csv)).toBe(true);
    expect(cb.body.data.attachments).toHaveLength(1);
    expect(cb.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('retries an interaction callback after a 429 from Discord', async () => {
    h = await startHarness();
    h.fake.rateLimit((r) => r.method === 'POST' && r.path.endsWith('/callback'), 0.2);
    const { id } = h.fake.chatInput('help');
    const cb = await h.fake.waitForRequest(callback(id));
    const attempts = h.fake.requests.filter((r) => r.path === cb.path);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.body.rateLimited).toBe(true);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(150);
  });
});
