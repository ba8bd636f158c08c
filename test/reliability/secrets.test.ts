/**
 * Secrets never appear in logs: the real app (dist/main.js createApp with the real logger on
 * stderr) runs with Slack and Discord secrets in its environment at LOG_LEVEL=trace, does
 * things that log at info, warn and error (a reload, a busy database, an internal failure,
 * SDK-shaped errors carrying the token), and the captured output is searched for the values.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEnv } from '../helpers/app.js';
import { tempDbPath } from '../helpers/temp.js';
import { runNode } from './cli-child.js';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-1111111111-2222222222-SeCrEtBoTtOkEnVaLuE',
  SLACK_APP_TOKEN: 'xapp-1-A111-3333333333-SeCrEtApPtOkEnVaLuE',
  SLACK_SIGNING_SECRET: 'f00dbabe5ec12e7519n1n95ec12e7abc',
  DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GsEcRe.DiScOrDtOkEnVaLuE_abcdef',
};

/** The child: builds the app as the CLI does, then makes it log at every level. */
const SCRIPT = `
const { createApp } = await import('./dist/main.js');
const Database = (await import('better-sqlite3')).default;
const app = createApp(process.env);
const { bot, services } = app;
const log = services.log;
const say = (text) => bot.handle({ platform: 'console', user: 'console:admin', text });
const out = [];
out.push(await say('/reload'));                        // info: knowledge reloaded
out.push(await say('/report companies "Secret Test Oy"'));
services.store.db.pragma('busy_timeout = 50');
const other = new Database(process.env.BOT_DB_PATH);
other.exec('BEGIN IMMEDIATE');
out.push(await say('/report companies "Busy Oy"'));    // warn: database busy
other.exec('ROLLBACK'); other.close();
// What adapters and SDKs hand the logger: the config, option objects, HTTP errors with headers.
log.info({ config: services.config }, 'config at start');
log.debug(services.config, 'config flattened');
log.info({ options: { token: process.env.SLACK_BOT_TOKEN, signingSecret: process.env.SLACK_SIGNING_SECRET, appToken: process.env.SLACK_APP_TOKEN } }, 'adapter options');
const sdkError = Object.assign(new Error('An API error occurred: invalid_auth (token ' + process.env.SLACK_BOT_TOKEN + ')'), {
  config: { headers: { Authorization: 'Bearer ' + process.env.SLACK_BOT_TOKEN } },
  request: { headers: { authorization: 'Bot ' + process.env.DISCORD_TOKEN } },
});
log.error({ err: sdkError }, 'slack call failed');
log.warn({ url: 'https://discord.com/api/v10/gateway?token=' + process.env.DISCORD_TOKEN }, 'reconnecting');
log.trace({ env: process.env }, 'environment');
services.store.db.close();
out.push(await say('/progress'));                      // error: command failed (internal failure)
process.stdout.write(JSON.stringify(out.map((r) => r.text)) + '\\n');
`;

describe('secrets in logs', () => {
  it('never appear, at any level, in errors, configs, headers, URLs or the environment', async () => {
    const env = { ...testEnv(tempDbPath()), ...SECRETS, LOG_LEVEL: 'trace', BOT_DB_PATH: path.join(path.dirname(tempDbPath()), 'secrets.db') };
    const r = await runNode(['--input-type=module', '-e', SCRIPT], env);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { level: number; msg: string });
    const messages = lines.map((l) => l.msg);
    // The log really covered info, warn and error, including the internal failure.
    expect(messages).toEqual(expect.arrayContaining(['knowledge reloaded', 'database busy', 'config at start', 'adapter options', 'slack call failed', 'reconnecting', 'environment', 'command failed']));
    expect(lines.some((l) => l.level === 50 && l.msg === 'command failed')).toBe(true);
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(r.stderr.includes(value), `${name} leaked into the log`).toBe(false);
      // Nor any long piece of it.
      expect(r.stderr.includes(value.slice(-16)), `part of ${name} leaked into the log`).toBe(false);
      expect(r.stdout.includes(value), `${name} leaked into a reply`).toBe(false);
    }
    expect(r.stderr).toContain('***');
    const replies = JSON.parse(r.stdout) as string[];
    expect(replies[3]).toMatch(/^Sorry, something went wrong on my side\. Reference: [0-9a-f]{8}\.$/);
  });
});
