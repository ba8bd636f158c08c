/* eslint-disable @typescript-eslint/no-explicit-any -- recorded request bodies are arbitrary JSON. */
import { afterEach, describe, expect, it } from 'vitest';
import { InteractionResponseType } from 'discord.js';
import { defaultUser, opt, snowflake } from '../../fakes/discord/fake-discord.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const callback = (id: string) => (r: { method: string; path: string; body: any }) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`) && !r.body?.rateLimited;

describe('Discord over the real core', () => {
  it('lets a member of the reporter server role report, shows the new progress, and lets an admin export it', async () => {
    const admin = { id: snowflake(), username: 'admin' };
    h = await startHarness({ env: (fake) => ({ DISCORD_REPORTER_ROLE: 'Reporters', DISCORD_GUILD_ID: fake.guildId, BOT_ADMINS: `discord:${admin.id}` }) });

    const denied = h.fake.chatInput('report', [opt.string('goal', 'companies'), opt.string('title', 'Acme Oy')]);
    const no = await h.fake.waitForRequest(callback(denied.id));
    expect(no.body.data.flags & 64).toBe(64);

    const r = h.fake.chatInput('report', [opt.string('goal', 'companies'), opt.string('title', '@everyone Acme Oy'), opt.string('party', 'KAMK'), opt.string('date', '2025-01-02')], defaultUser, { roles: [h.fake.reporterRoleId] });
    const ok = await h.fake.waitForRequest(callback(r.id));
    expect(ok.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(ok.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(ok.body.data.flags ?? 0).toBe(0);
    expect(JSON.stringify(ok.body.data.embeds)).toContain('Acme Oy');

    const p = h.fake.chatInput('progress', [opt.string('goal', 'companies')]);
    const progress = await h.fake.waitForRequest(callback(p.id));
    expect(JSON.stringify(progress.body.data.embeds)).toMatch(/1 \/ 15/);

    const e = h.fake.chatInput('export', [opt.string('format', 'csv')], admin);
    const exported = await h.fake.waitForRequest(callback(e.id));
    expect(exported.files).toHaveLength(1);
    expect(exported.files[0]!.name).toMatch(/\.csv$/);
    expect(exported.files[0]!.data.toString('utf8')).toContain('Acme Oy');
  });
});
