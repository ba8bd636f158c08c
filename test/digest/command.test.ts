/** `/digest`: preview for anyone (ephemeral, with the chart); subscribe/unsubscribe for admins in a channel. */
import { describe, expect, it } from 'vitest';
import { getSubscription, listSubscriptions } from '../../src/store/digest.js';
import { grantRole } from '../../src/store/roles.js';
import { makeTestBot } from '../helpers/app.js';
import { seedStore } from './seed.js';

// Monday 30 Nov 2026 10:00 Helsinki: "now" previews week 48.
const t = makeTestBot({ admins: 'slack:UADMIN,console:admin', now: () => new Date('2026-11-30T08:00:00.000Z') });
seedStore(t.app.services.store);

describe('/digest preview', () => {
  it('shows anyone the digest that would go out now, only to them, with the chart and its alt text', async () => {
    const r = await t.say('slack:UANYONE', '/digest preview', { conversationId: 'slack:C0GENERAL', locale: 'en' });
    expect(r.ok).toBe(true);
    expect(r.visibility).toBe('ephemeral');
    expect(r.title).toBe('Weekly digest: week 48/2026 (23–29 Nov 2026)');
    expect(r.sections.map((s) => s.heading)).toEqual(['Goals', 'New outcomes (5)', 'Verified (1)', 'Retracted (1)', 'Reporting by party']);
    expect(r.files).toHaveLength(1);
    expect(r.files[0]).toMatchObject({ filename: 'digest-2026-W48.png', contentType: 'image/png' });
    expect(r.files[0]!.alt).toContain('Bar chart of progress per goal');
  });

  it('previews a given week in Finnish, and explains a bad week', async () => {
    const r = await t.say('console:someone', '/digest preview 2026-W40', { locale: 'fi' });
    expect(r.title).toBe('Viikkokooste: viikko 40/2026 (28.9.–4.10.2026)');
    expect(r.text).toContain('Hiljainen viikko');
    const bad = await t.say('console:someone', '/digest preview viime-viikko', { locale: 'fi' });
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain('2026-W48');
  });
});

describe('/digest subscribe and unsubscribe', () => {
  it('refuses a non-admin and stores nothing', async () => {
    const r = await t.say('slack:UREPORTER', '/digest subscribe fi', { conversationId: 'slack:C0GENERAL', locale: 'en' });
    expect(r.ok).toBe(false);
    expect(r.data).toMatchObject({ error: 'forbidden', needed: 'admin' });
    expect(listSubscriptions(t.app.services.store)).toEqual([]);
  });

  it('subscribes the Slack channel (even from a thread) and changes its language', async () => {
    const r = await t.say('slack:UADMIN', '/digest subscribe fi', { conversationId: 'slack:C0GENERAL:1764000000.000100', locale: 'en' });
    expect(r.ok).toBe(true);
    expect(r.text).toContain('in Finnish');
    expect(getSubscription(t.app.services.store, 'slack:C0GENERAL')).toMatchObject({ platform: 'slack', lang: 'fi', subscribedBy: 'slack:UADMIN', subscribedAt: '2026-11-30T08:00:00.000Z' });
    const changed = await t.say('slack:UADMIN', '/digest subscribe both', { conversationId: 'slack:C0GENERAL', locale: 'en' });
    expect(changed.text).toContain('Subscription updated');
    expect(getSubscription(t.app.services.store, 'slack:C0GENERAL')?.lang).toBe('both');
  });

  it('subscribes a Discord channel by its channel id, for an admin granted in the bot', async () => {
    grantRole(t.app.services.store, 'discord:555', 'admin', 'console:admin', '2026-11-01T00:00:00.000Z');
    const r = await t.say('discord:555', '/digest subscribe', { conversationId: 'discord:1111111:2222222', locale: 'fi' });
    expect(r.ok).toBe(true);
    expect(getSubscription(t.app.services.store, 'discord:2222222')).toMatchObject({ platform: 'discord', lang: 'fi', conversation: 'discord:1111111:2222222' });
  });

  it('refuses the console and DMs, and a language it does not know', async () => {
    expect((await t.say('console:admin', '/digest subscribe en', { conversationId: 'console:local' })).text).toContain('Slack or Discord channel');
    expect((await t.say('slack:UADMIN', '/digest subscribe sv', { conversationId: 'slack:C0GENERAL', locale: 'en' })).ok).toBe(false);
  });

  it('unsubscribes the channel', async () => {
    const r = await t.say('slack:UADMIN', '/digest unsubscribe', { conversationId: 'slack:C0GENERAL', locale: 'en' });
    expect(r.text).toBe('This channel will no longer get the weekly digest.');
    expect(getSubscription(t.app.services.store, 'slack:C0GENERAL')).toBeNull();
    expect((await t.say('slack:UADMIN', '/digest unsubscribe', { conversationId: 'slack:C0GENERAL', locale: 'en' })).text).toBe('This channel was not subscribed.');
  });
});
