/**
 * Issue 12 item 6 on Slack, end to end (real Bolt against the fake Slack): a wish to report
 * written in a DM gets the /report line and a button; the button opens the report form
 * pre-filled with what was understood (views.open's view holds the values); the submit
 * stores through /report as the clicker; a non-reporter gets no button; after a restart the
 * button says the suggestion has expired, privately, and opens nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventCallback, buttonClick, message, reportSubmission } from '../../fakes/slack/payloads.js';
import { listOutcomes } from '../../../src/store/outcomes.js';
import { grantRole } from '../../../src/store/roles.js';
import { SECRET, startHarness, type Harness } from './harness.js';

const FORM = 'application/x-www-form-urlencoded';
type Element = { type: string; action_id?: string; value?: string; initial_option?: { value: string }; initial_value?: string; initial_date?: string };
type Block = { type: string; block_id?: string; element?: Element; elements?: Element[] };

let h: Harness;
let seq = 0;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A DM from `user`; resolves with the bot's post in that DM. */
async function dm(target: Harness, text: string, user: string) {
  const channel = `D${user}`;
  const before = target.fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel).length;
  await target.fake.deliver(target.url, JSON.stringify(eventCallback(message(text, { user, channel, ts: `1700000100.${String(++seq).padStart(6, '0')}` }), `EvSug${seq}`)), 'application/json', { secret: SECRET });
  for (let i = 0; i < 100; i++) {
    const posts = target.fake.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);
    if (posts.length > before) return posts.at(-1)!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no answer in the DM');
}

const formButton = (blocks: Block[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'kajaani_open_report');
const click = (target: Harness, value: string, user: string, id: string) =>
  target.fake.deliver(target.url, new URLSearchParams({ payload: JSON.stringify(buttonClick('kajaani_open_report', value, { user, channel: `D${user}`, responseUrl: target.fake.responseUrl(id) })) }).toString(), FORM, { secret: SECRET });

describe('a plain-words report on Slack', () => {
  let buttonValue = '';

  it('answers with the line and a button that opens the form pre-filled with what was understood', async () => {
    // A Finnish reporter: Slack turns the message into /raportoi, whose goal "uusi" is no goal.
    h.fake.locales.set('U300', 'fi-FI');
    grantRole(h.app.services.store, 'slack:U300', 'reporter', 'slack:U123', '2025-01-01T00:00:00.000Z');
    const post = await dm(h, 'raportoi uusi yritys: Sensorit Oy, KAMK 1.3.2025', 'U300');
    expect(String(post.args.text)).toContain('Lähetä tämä rivi, niin se tallennetaan: /report yritykset "Sensorit Oy" party=KAMK date=1.3.2025');
    const button = formButton(post.args.blocks as Block[]);
    expect(JSON.stringify(button)).toContain('Avaa täytetty lomake');
    expect(button?.value).toMatch(/^report:[0-9a-f]{12}$/);
    buttonValue = button!.value!;
    expect(listOutcomes(h.app.services.store, {})).toEqual([]);

    const before = h.fake.callsOf('views.open').length;
    await click(h, buttonValue, 'U300', 'open-1');
    const opened = await h.fake.waitForCall('views.open', before + 1);
    const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: Block[] };
    expect(view.callback_id).toBe('kajaani_report');
    const field = (name: string) => view.blocks.find((b) => b.block_id === name)!.element!;
    expect(field('goal').initial_option?.value).toBe('companies');
    expect(field('title').initial_value).toBe('Sensorit Oy');
    expect(field('party').initial_option?.value).toBe('KAMK');
    expect(field('date').initial_date).toBe('2025-03-01');
    expect(field('link').initial_value).toBeUndefined();

    // The submit goes through /report as the clicker: stored once, confirmed where the button was.
    await h.fake.deliver(h.url, new URLSearchParams({ payload: JSON.stringify(reportSubmission({ goal: 'companies', title: 'Sensorit Oy', party: 'KAMK', date: '2025-03-01' }, view.private_metadata, 'U300')) }).toString(), FORM, { secret: SECRET });
    const confirmation = await h.fake.waitForResponse('open-1');
    expect(JSON.stringify(confirmation.body)).toContain('Sensorit Oy');
    expect(h.inbound.at(-1)?.text).toBe('/report companies "Sensorit Oy" party=KAMK date=2025-03-01');
    expect(listOutcomes(h.app.services.store, {}).map((o) => [o.goalId, o.title, o.partyId, o.happenedOn, o.reportedBy])).toEqual([['companies', 'Sensorit Oy', 'KAMK', '2025-03-01', 'slack:U300']]);
  });

  it('gives a non-reporter the line and who grants the role, but no form button', async () => {
    const post = await dm(h, 'we launched a new service product called Datapalvelu X with CSC', 'U200');
    expect(String(post.args.text)).toContain('/report service-products "Datapalvelu X" party=CSC');
    expect(String(post.args.text)).toContain('Ask an admin to grant it: /grant slack:U200 reporter');
    expect(formButton(post.args.blocks as Block[])).toBeUndefined();
  });

  it('says the suggestion has expired after a restart, privately, and opens nothing', async () => {
    await h.stopApp();
    h = await startHarness({ restartOf: h });
    const before = h.fake.callsOf('views.open').length;
    expect((await click(h, buttonValue, 'U123', 'expired')).status).toBe(200);
    const post = await h.fake.waitForResponse('expired');
    expect(post.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: 'This suggestion has expired. Please write what you want to report again.' });
    expect(h.fake.callsOf('views.open')).toHaveLength(before);
    expect(h.logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
