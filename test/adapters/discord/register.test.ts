/* eslint-disable @typescript-eslint/no-explicit-any -- registration bodies are read as loose JSON. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { runDiscordCli } from '../../../src/adapters/discord/index.js';
import { BOT_PERMISSIONS, inviteUrl } from '../../../src/adapters/discord/deploy.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { envFor } from './harness.js';

let fake: FakeDiscord;
let dir: string;
beforeEach(async () => {
  fake = await FakeDiscord.start();
  dir = mkdtempSync(path.join(tmpdir(), 'kajaani-discord-register-'));
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], extra: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runDiscordCli(argv, { env: envFor(fake, dir, extra), out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('kajaani-bot discord register', () => {
  it('replaces the guild commands with Finnish localisations and goal choices, and prints the invite link', async () => {
    const r = await run(['register'], { DISCORD_GUILD_ID: fake.guildId });
    expect(r.code).toBe(0);
    const put = fake.requests.find((q) => q.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    const body = put.body as any[];
    // Every typed command of the core, in its table order (not /feedback: buttons send it).
    expect(body.map((c) => c.name)).toEqual(['ask', 'help', 'progress', 'report', 'outcomes', 'edit', 'retract', 'verify', 'history', 'grant', 'revoke', 'roles', 'export', 'digest', 'reload', 'lang']);
    for (const c of body) {
      expect(c.description_localizations.fi).toBeTruthy();
      expect(c.description.length).toBeLessThanOrEqual(100);
      for (const o of c.options) {
        expect(o.name_localizations.fi).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
        expect(o.description_localizations.fi).toBeTruthy();
      }
    }
    const report = body.find((c) => c.name === 'report');
    const goal = report.options.find((o: any) => o.name === 'goal');
    expect(goal.choices.map((c: any) => c.value)).toContain('companies');
    expect(goal.choices.find((c: any) => c.value === 'companies').name_localizations.fi).toBe('uudet yritykset');
    expect(report.options.find((o: any) => o.name === 'party')).toMatchObject({ type: ApplicationCommandOptionType.String, autocomplete: true });
    expect(report.options.every((o: any) => o.required === false)).toBe(true);
    expect(body.find((c) => c.name === 'ask').options[0]).toMatchObject({ name: 'question', required: true, name_localizations: { fi: 'kysymys' } });
    expect(body.find((c) => c.name === 'grant').options[0].type).toBe(ApplicationCommandOptionType.User);

    expect(r.out).toContain(inviteUrl(fake.applicationId));
    const url = new URL(inviteUrl(fake.applicationId));
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('client_id')).toBe(fake.applicationId);
    expect(BigInt(url.searchParams.get('permissions')!)).toBe(BOT_PERMISSIONS);
    expect(BOT_PERMISSIONS & PermissionFlagsBits.Administrator).toBe(0n);
    expect(BOT_PERMISSIONS & PermissionFlagsBits.MentionEveryone).toBe(0n);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    const r = await run(['register']);
    expect(r.code).toBe(0);
    expect(fake.requests.find((q) => q.method === 'PUT')!.path).toBe(`/applications/${fake.applicationId}/commands`);
    expect(r.out).toMatch(/all servers/);
  });

  it('explains what to set when Discord is not configured, and rejects unknown subcommands', async () => {
    const r = await run(['register'], { DISCORD_TOKEN: '' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/DISCORD_TOKEN/);
    const u = await run(['deploy']);
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/discord register/);
  });
});
