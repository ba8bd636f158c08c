/**
 * Conversation memory end to end: through `bot.handle` (every surface's entry point) and
 * through the real `kajaani-bot` binary, where one `console --json` process is one
 * conversation and `ask --json` is one stateless question.
 */
import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../src/config.js';
import { makeTestBot, TEST_NOW } from '../../helpers/app.js';
import { tempDir } from '../../helpers/temp.js';

const cli = path.join(packageRoot, 'dist', 'cli.js');
const run = promisify(execFile);

function env(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, BOT_DB_PATH: path.join(tempDir(), 'bot.db'), LOG_LEVEL: 'silent', BOT_DEFAULT_LANGUAGE: 'en' };
}

/** One `kajaani-bot console --json` process fed these lines: its JSON lines back. */
function consoleSession(lines: string[], e: NodeJS.ProcessEnv): Record<string, unknown>[] {
  const r = spawnSync(process.execPath, [cli, 'console', '--json'], { input: `${lines.join('\n')}\n`, env: e, encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('kajaani-bot console --json: one process is one conversation', () => {
  it('answers follow-ups in context, one JSON line per input line', () => {
    const e = env();
    const out = consoleSession(['What does KAMK do in the agreement?', '', 'and CSC?', "what's their street address?", 'who are the contracting parties?'], e);
    expect(out).toHaveLength(4);
    const [kamk, csc, address, parties] = out.map((o) => String(o.reply));
    expect(kamk).toContain('Kajaani University of Applied Sciences');
    expect(csc).toMatch(/^CSC – IT Center for Science/);
    expect(out[2]).toMatchObject({ answered: false });
    expect(address).toMatch(/street address for CSC/);
    expect(parties).toContain('Sotkamo');
    expect(parties).not.toContain('street address');
  });

  it('keeps Finnish conversations in Finnish, and starts afresh in a new process', () => {
    const e = env();
    const first = consoleSession(['Montako uutta yritystä tavoitellaan?', 'entä teknologioita?', 'kiitos!'], e);
    expect(first.map((o) => o.lang)).toEqual(['fi', 'fi', 'fi']);
    expect(String(first[1]!.reply)).toContain('20 uutta kaupallistettua teknologiaa');
    expect(String(first[2]!.reply)).toMatch(/^Ole hyvä/);
    // A new process is a new conversation: nothing to follow up.
    const [fresh] = consoleSession(['kerro lisää'], e);
    expect(fresh).toMatchObject({ answered: false });
  });

  it('ask --json stays one stateless question', async () => {
    const e = env();
    await run(process.execPath, [cli, 'ask', 'What does KAMK do in the agreement?', '--json'], { env: e });
    const { stdout } = await run(process.execPath, [cli, 'ask', 'and their street address?', '--json'], { env: e });
    const obj = JSON.parse(stdout) as { answer: string; answered: boolean };
    expect(obj.answer).not.toContain('KAMK');
    expect(obj.answer).not.toContain('Kajaani University of Applied Sciences');
  });
});

describe('conversation memory through bot.handle', () => {
  it('shares a Slack thread between the people in it, but not a channel', async () => {
    const t = makeTestBot();
    const thread = { conversationId: 'slack:C1:1712.01' };
    await t.say('slack:U1', 'What does CSC do?', thread);
    expect((await t.say('slack:U2', 'and their opening hours?', thread)).text).toMatch(/opening hours for CSC/);
    const channel = { conversationId: 'slack:C2' };
    await t.say('slack:U1', 'What does CSC do?', channel);
    expect((await t.say('slack:U2', 'and their opening hours?', channel)).text).not.toMatch(/CSC/);
    expect((await t.say('slack:U1', 'and their opening hours?', channel)).text).toMatch(/opening hours for CSC/);
  });

  it('forgets a conversation after 15 minutes on the services clock', async () => {
    let now = TEST_NOW.getTime();
    const t = makeTestBot({ now: () => new Date(now) });
    const c = { conversationId: 'discord:g:c' };
    await t.say('discord:1', 'How many new companies is the goal?', c);
    now += 14 * 60_000;
    expect((await t.say('discord:1', 'and technologies?', c)).text).toContain('20 new commercialised technologies');
    now += 16 * 60_000;
    expect((await t.say('discord:1', 'tell me more', c)).answered).toBe(false);
  });

  it('keeps no memory for a message without a conversation id', async () => {
    const t = makeTestBot();
    await t.say('console:x', 'What does CSC do?');
    expect((await t.say('console:x', 'and their opening hours?')).text).not.toMatch(/CSC/);
  });
});
