import { afterEach, describe, expect, it } from 'vitest';
import { defaultUser, opt } from '../../fakes/discord/fake-discord.js';
import { startHarness, to, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const callback = (id: string) => to('POST', new RegExp(`^/interactions/${id}/[^/]+/callback$`));
const channelMessages = (channelId: string) => to('POST', new RegExp(`^/channels/${channelId}/messages$`));
const countOutcomes = (hh: Harness) => (hh.app.services.store.db.prepare('SELECT COUNT(*) AS n FROM outcomes').get() as { n: number }).n;

/** Sends /help as `roles` from the operator's server or the other one and returns the roles the core saw. */
async function rolesSeen(hh: Harness, roles: string[], otherGuild = false) {
  const before = hh.inbound.length;
  const { id } = hh.fake.chatInput('help', [], defaultUser, { roles, otherGuild });
  await hh.fake.waitForRequest(callback(id));
  return hh.inbound[before]!.platformRoles;
}

describe('Discord reporter server role', () => {
  it('counts only in the named server, resolving a role name to its id there', async () => {
    h = await startHarness({ env: (fake) => ({ DISCORD_REPORTER_ROLE: 'reporters', DISCORD_GUILD_ID: fake.guildId }) });
    expect(await rolesSeen(h, [h.fake.reporterRoleId])).toEqual(['reporter']);
    expect(await rolesSeen(h, [])).toBeUndefined();
    // Another server's role with the same name, and the operator's role id sent from there.
    expect(await rolesSeen(h, [h.fake.otherReporterRoleId], true)).toBeUndefined();
    expect(await rolesSeen(h, [h.fake.reporterRoleId], true)).toBeUndefined();
    expect(h.logs.some((l) => l.msg.includes('resolved by name') && l.roleId === h!.fake.reporterRoleId)).toBe(true);
  });

  it('matches a configured role id by id only, never a role named like the id', async () => {
    h = await startHarness({ env: (fake) => ({ DISCORD_REPORTER_ROLE: fake.reporterRoleId, DISCORD_GUILD_ID: fake.guildId }) });
    expect(await rolesSeen(h, [h.fake.reporterRoleId])).toEqual(['reporter']);
    expect(await rolesSeen(h, [h.fake.otherIdNamedRoleId], true)).toBeUndefined();
  });

  it('is off without DISCORD_GUILD_ID, and start-up says so', async () => {
    h = await startHarness({ env: { DISCORD_REPORTER_ROLE: 'Reporters' } });
    expect(await rolesSeen(h, [h.fake.reporterRoleId])).toBeUndefined();
    expect(await rolesSeen(h, [h.fake.otherReporterRoleId], true)).toBeUndefined();
    expect(h.logs.some((l) => l.level === 40 && /DISCORD_GUILD_ID/.test(l.msg) && /off/.test(l.msg))).toBe(true);
  });

  it('is off when the named server has no such role', async () => {
    h = await startHarness({ env: (fake) => ({ DISCORD_REPORTER_ROLE: 'Editors', DISCORD_GUILD_ID: fake.guildId }) });
    expect(await rolesSeen(h, [h.fake.reporterRoleId])).toBeUndefined();
    expect(h.logs.some((l) => l.level === 40 && /exactly one role/.test(l.msg))).toBe(true);
  });

  it('refuses a report from a "Reporters" member of another server, by slash command and by mention, and stores nothing', async () => {
    h = await startHarness({ env: (fake) => ({ DISCORD_REPORTER_ROLE: 'Reporters', DISCORD_GUILD_ID: fake.guildId }) });
    const r = h.fake.chatInput('report', [opt.string('goal', 'companies'), opt.string('title', 'Intruder Oy')], defaultUser, { roles: [h.fake.otherReporterRoleId], otherGuild: true });
    const cb = await h.fake.waitForRequest(callback(r.id));
    expect(cb.body.data.flags & 64).toBe(64);
    h.fake.message(`<@${h.fake.botUser.id}> /report companies "Intruder Two Oy"`, { mentionBot: true, roles: [h.fake.otherReporterRoleId], otherGuild: true });
    await h.fake.waitForRequest(channelMessages(h.fake.otherChannelId));
    expect(countOutcomes(h)).toBe(0);
    // The same member in the operator's server, with its role, may report.
    const ok = h.fake.chatInput('report', [opt.string('goal', 'companies'), opt.string('title', 'Member Oy')], defaultUser, { roles: [h.fake.reporterRoleId] });
    const okCb = await h.fake.waitForRequest(callback(ok.id));
    expect(okCb.body.data.flags ?? 0).toBe(0);
    expect(countOutcomes(h)).toBe(1);
  });
});
