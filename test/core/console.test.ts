import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config.js';
import { createApp } from '../../src/main.js';
import { StartupError } from '../../src/errors.js';
import { runConsole } from '../../src/adapters/console/console.js';
import { tempDir } from '../helpers/temp.js';

const cli = path.join(packageRoot, 'dist', 'cli.js');
const run = promisify(execFile);

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, BOT_DB_PATH: path.join(tempDir(), 'bot.db'), LOG_LEVEL: 'silent', ...extra };
}

async function chat(lines: string[], json = true): Promise<string[]> {
  const app = createApp(env());
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString()));
  const done = runConsole({ bot: app.bot, input, output, user: 'console:tester', json, interactive: false });
  input.end(lines.join('\n') + '\n');
  await done;
  app.close();
  return chunks.join('').split('\n').filter((l) => l !== '');
}

describe('console chat', () => {
  it('prints one JSON object per input line with the contract fields', async () => {
    const out = await chat(['Who are the parties?', '', 'Mikä on Suomen pääkaupunki?', '/help', '/nosuch']);
    expect(out).toHaveLength(4);
    const [parties, decline, help, unknown] = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parties).toMatchObject({ ok: true, lang: 'en', answered: true });
    expect(parties!.reply).toContain('Sotkamo');
    expect(Array.isArray(parties!.sources)).toBe(true);
    expect(decline).toMatchObject({ ok: true, lang: 'fi', answered: false });
    expect(help).toMatchObject({ ok: true });
    expect(help!.reply).toContain('/help');
    expect(unknown).toMatchObject({ ok: false });
    expect(unknown!.reply).toMatch(/Unknown command \/nosuch/);
  });

  it('answers an unbalanced quote with a friendly error', async () => {
    const [line] = await chat(['/report companies "Acme Oy']);
    expect(JSON.parse(line!)).toMatchObject({ ok: false });
    expect(line).toMatch(/quotation mark is not closed/);
  });

  it('answers in plain text without --json', async () => {
    const out = await chat(['How many new companies is the goal?'], false);
    expect(out.join('\n')).toMatch(/15/);
    expect(out.join('\n')).toMatch(/Sources:/);
  });
});

describe('kajaani-bot CLI (built binary)', () => {
  it('ask --json prints exactly one JSON object', async () => {
    const { stdout } = await run(process.execPath, [cli, 'ask', 'Montako uutta yritystä tavoitellaan?', '--json'], { env: env() });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const obj = JSON.parse(lines[0]!) as { answer: string; lang: string; answered: boolean; sources: { id: string; title: string; url: string }[] };
    expect(Object.keys(obj).sort()).toEqual(['answer', 'answered', 'lang', 'sources']);
    expect(obj.lang).toBe('fi');
    expect(obj.answered).toBe(true);
    expect(obj.answer).toContain('15');
    expect(obj.sources[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), url: expect.stringMatching(/^https?:\/\//) });
  });

  it('ask --json reports a decline as answered: false', async () => {
    const { stdout } = await run(process.execPath, [cli, 'ask', 'Who won the ice hockey world championship?', '--json'], { env: env() });
    expect(JSON.parse(stdout)).toMatchObject({ answered: false, lang: 'en' });
  });

  it('start with no platform tokens reads a pipe, answers in Finnish and exits 0', () => {
    const r = spawnSync(process.execPath, [cli, 'start'], { input: 'Keitä osapuolet ovat?\n', env: env(), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Sopijaosapuolet');
    expect(r.stdout).toContain('Sotkamon kunta');
  });

  it('creates the database folder on first start', () => {
    const db = path.join(tempDir(), 'deep', 'er', 'bot.db');
    const r = spawnSync(process.execPath, [cli, 'ask', 'hi'], { env: { ...env(), BOT_DB_PATH: db }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(spawnSync('test', ['-f', db]).status).toBe(0);
  });

  it('stops with a clear message naming a bad variable', () => {
    const r = spawnSync(process.execPath, [cli, 'ask', 'hi'], { env: env({ BOT_DEFAULT_LANGUAGE: 'sv' }), encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('BOT_DEFAULT_LANGUAGE: must be "en" or "fi"');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('createApp throws StartupError for a broken knowledge folder', () => {
    expect(() => createApp(env({ BOT_KNOWLEDGE_DIR: tempDir() }))).toThrowError(StartupError);
  });
});

describe('oversized input', () => {
  it('refuses a 100 kB message at once, before any analysis', async () => {
    const app = createApp(env());
    try {
      const text = '/muokkaa ' + '‮Oy󠀓’⁦􏿼å𝔸'.repeat(10_000);
      // The fuzz once found this taking 25 s (language detection ran before the length check,
      // over a quadratic match filter); it now fails fast, well inside the test timeout.
      const r = await app.bot.handle({ platform: 'console', user: 'console:x', text });
      expect(r.ok).toBe(false);
      expect(r.text).toMatch(/too long/);
    } finally {
      app.close();
    }
  });
});
