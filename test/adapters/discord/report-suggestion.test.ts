/**
 * Issue 12 item 6 on Discord, end to end (real discord.js against the fake Discord): a wish
 * to report written in a DM gets the /report line and a button whose custom_id carries only
 * a short reference (ids hold 100 characters); the button opens the report modal pre-filled
 * with what was understood; the submit stores through /report as the clicker; a reference
 * the bot no longer holds (a restart, or an hour) says the suggestion has expired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { grantRole } from '../../../src/store/roles.js';
import { listOutcomes } from '../../../src/store/outcomes.js';
import { defaultUser } from '../../fakes/discord/fake-discord.js';
import { startHarness, to, type Harness } from './harness.js';

type Field = { type: number; label: string; component: { custom_id: string; value?: string; options?: { value: string; default?: boolean }[] } };

let h: Harness;
const user = `discord:${defaultUser.id}`;
const dmChannel = `${defaultUser.id.slice(0, -3)}999`;
beforeAll(async () => {
  h = await startHarness();
  grantRole(h.app.services.store, user, 'reporter', 'console:admin', '2025-01-01T00:00:00.000Z');
});
afterAll(async () => {
  await h?.close();
});

const callback = (id: string) => to('POST', new RegExp(`^/interactions/${id}/[^/]+/callback$`));

describe('a plain-words report on Discord', () => {
  let customId = '';

  it('answers with the line and a button that opens the modal pre-filled with what was understood, and the submit stores it', async () => {
    h.fake.message('we launched a new service product called Datapalvelu X with CSC on 2.3.2025', { dm: true });
    const sent = await h.fake.waitForRequest(to('POST', new RegExp(`^/channels/${dmChannel}/messages$`)));
    expect(JSON.stringify(sent.body)).toContain('/report service-products \\"Datapalvelu X\\" party=CSC date=2.3.2025');
    const button = (sent.body.components[0].components as { custom_id: string; label: string }[])[0]!;
    expect(button.label).toBe('Open the filled-in form');
    expect(button.custom_id).toMatch(/^kajaani:open:report:[0-9a-f]{12}$/);
    customId = button.custom_id;
    expect(listOutcomes(h.app.services.store, {})).toEqual([]);

    const click = h.fake.button(customId, defaultUser, { dm: true });
    const modal = await h.fake.waitForRequest(callback(click.id));
    expect(modal.body.type).toBe(InteractionResponseType.Modal);
    expect(modal.body.data.custom_id).toBe('kajaani:form:report');
    const fields = modal.body.data.components as Field[];
    const field = (id: string) => fields.find((f) => f.component.custom_id === id)!.component;
    const chosen = (id: string) => field(id).options!.filter((o) => o.default).map((o) => o.value);
    expect(chosen('goal')).toEqual(['service-products']);
    expect(field('title').value).toBe('Datapalvelu X');
    expect(chosen('party')).toEqual(['CSC']);
    // Discord allows five fields: the date is in the shared details box, on a line of its own.
    expect(field('details').value?.split('\n')).toEqual(['2025-03-02']);
    expect(field('note').value).toBeUndefined();
    const submitted = Object.fromEntries(fields.map((f) => [f.component.custom_id, f.component.options ? f.component.options.filter((o) => o.default).map((o) => o.value) : (f.component.value ?? '')]));

    // The modal submitted as it was pre-filled.
    const submit = h.fake.modalSubmit('kajaani:form:report', submitted, defaultUser, { dm: true });
    const stored = await h.fake.waitForRequest(callback(submit.id));
    expect(JSON.stringify(stored.body)).toContain('Datapalvelu X');
    expect(h.inbound.at(-1)?.text).toBe('/report service-products "Datapalvelu X" party=CSC date=2025-03-02');
    expect(listOutcomes(h.app.services.store, {}).map((o) => [o.goalId, o.title, o.partyId, o.happenedOn, o.reportedBy])).toEqual([['service-products', 'Datapalvelu X', 'CSC', '2025-03-02', user]]);
  });

  it('says a suggestion the bot no longer holds has expired, privately, instead of opening a form', async () => {
    const click = h.fake.button('kajaani:open:report:0123456789ab', defaultUser, { dm: true });
    const answer = await h.fake.waitForRequest(callback(click.id));
    expect(answer.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(answer.body.data.content).toBe('This suggestion has expired. Please write what you want to report again.');
    expect(answer.body.data.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
