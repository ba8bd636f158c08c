/**
 * "Share in channel" and 👍/👎 after a restart (issue 11 item 20): the answers behind the
 * buttons live in memory, so after the bot restarts a click on an old answer's button says
 * the answer has expired and to ask again (in the clicker's language), privately; nothing is
 * shared, no apology, no error in the log. The app is really restarted between answer and click:
 * the first app is stopped and a new one started on the same database and fake Slack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToApp } from '../../fakes/slack/fake-slack.js';
import { buttonClick, slashCommand } from '../../fakes/slack/payloads.js';
import { SECRET, startHarness, type Harness } from './harness.js';

const FORM = 'application/x-www-form-urlencoded';
let first: Harness;
let second: Harness;
let share = '';
let vote = '';

const buttonValue = (body: Record<string, unknown>, actionId: string): string => {
  const blocks = (body.blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[];
  const button = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).find((e) => e.action_id === actionId);
  if (!button?.value) throw new Error(`no ${actionId} button`);
  return button.value;
};

const click = (h: Harness, actionId: string, value: string, id: string, user = 'U200') =>
  postToApp(h.url, new URLSearchParams({ payload: JSON.stringify(buttonClick(actionId, value, { user, responseUrl: h.fake.responseUrl(id) })) }).toString(), FORM, { secret: SECRET });

beforeAll(async () => {
  first = await startHarness();
  // The answer travels in the slash command's acknowledgement (issue 14 item 1).
  const ack = await postToApp(first.url, new URLSearchParams(slashCommand('who are the parties?', { responseUrl: first.fake.responseUrl('answer') })).toString(), FORM, { secret: SECRET });
  const answer = JSON.parse(ack.text) as Record<string, unknown>;
  share = buttonValue(answer, 'kajaani_share');
  vote = buttonValue(answer, 'kajaani_feedback_up');
  // The restart: this process's app goes, a new one starts on the same file and workspace.
  await first.stopApp();
  second = await startHarness({ restartOf: first });
});
afterAll(async () => {
  await second?.close();
  await first?.fake.stop();
});

describe('buttons of an answer given before a restart', () => {
  it('"Share in channel" says the answer has expired and to ask again, privately, and shares nothing', async () => {
    expect((await click(second, 'kajaani_share', share, 'share-en')).status).toBe(200);
    const post = await second.fake.waitForResponse('share-en');
    expect(post.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(post.body.text)).toBe('This answer has expired, so it cannot be shared. Please ask again.');
    await new Promise((r) => setTimeout(r, 200));
    expect(second.fake.responses.filter((r) => r.id === 'share-en')).toHaveLength(1);
    expect(second.fake.responses.some((r) => r.body.response_type === 'in_channel')).toBe(false);
  });

  it('says it in Finnish to a Finnish user', async () => {
    second.fake.locales.set('U300', 'fi-FI');
    await click(second, 'kajaani_share', share, 'share-fi', 'U300');
    const post = await second.fake.waitForResponse('share-fi');
    expect(String(post.body.text)).toBe('Vastaus on vanhentunut, joten sitä ei voi jakaa. Kysy uudelleen.');
  });

  it('a 👍 on it is answered (not stored), not failed', async () => {
    await click(second, 'kajaani_feedback_up', vote, 'vote');
    const post = await second.fake.waitForResponse('vote');
    expect(JSON.stringify(post.body)).toContain('That answer is no longer available, so the feedback was not stored');
    expect(second.app.services.store.db.prepare('SELECT COUNT(*) FROM feedback').pluck().get()).toBe(0);
  });

  it('logs no error and apologises nowhere', () => {
    expect(second.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
    expect(JSON.stringify(second.fake.responses)).not.toMatch(/Reference|Viitenumero/);
  });
});
