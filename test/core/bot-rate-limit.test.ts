/**
 * The per-user rate limit through Bot.handle and the configuration (issue 11 item 3). The
 * limit used here (1 an hour, bursts of 2) cannot refill during a test, so real time is fine.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';
import { createApp } from '../../src/main.js';
import type { Reply } from '../../src/core/reply.js';
import { testEnv } from '../helpers/app.js';
import { tempDir } from '../helpers/temp.js';

const DEFAULT = { count: 20, periodMs: 60_000, burst: 5 };

describe('BOT_RATE_LIMIT', () => {
  it('defaults to 20 a minute with bursts of 5, and a bad value stops start-up naming the variable', () => {
    expect(parseConfig({}).BOT_RATE_LIMIT).toEqual(DEFAULT);
    expect(parseConfig({ BOT_RATE_LIMIT: 'off' }).BOT_RATE_LIMIT).toBe('off');
    expect(() => parseConfig({ BOT_RATE_LIMIT: 'fast' })).toThrowError(ConfigError);
    expect(() => parseConfig({ BOT_RATE_LIMIT: 'fast' })).toThrowError(/BOT_RATE_LIMIT: must be "off" or a rate such as 20\/min,burst=5.*\(got "fast"\)/);
  });
});

describe('rate limit in Bot.handle', () => {
  it('answers a burst, says "slow down" once in the user’s language, then returns nothing; the console and other users are unaffected', async () => {
    const app = createApp({ ...testEnv(path.join(tempDir(), 'bot.db')), BOT_RATE_LIMIT: '1/h,burst=2' });
    try {
      const say = (platform: 'slack' | 'discord' | 'console', user: string, text: string, locale?: 'fi') =>
        app.bot.handle({ platform, user, text, ...(locale ? { locale } : {}) });
      const replies: Reply[] = [];
      for (let i = 0; i < 4; i++) replies.push(await say('slack', 'slack:U1', '/progress companies'));
      expect(replies.slice(0, 2).map((r) => r.ok)).toEqual([true, true]);
      expect(replies[2]).toMatchObject({ ok: false, lang: 'en' });
      expect(replies[2]!.text).toMatch(/slow down/i);
      expect(replies[3]).toMatchObject({ silent: true });

      const fi: Reply[] = [];
      for (let i = 0; i < 3; i++) fi.push(await say('discord', 'discord:42', '/help', 'fi'));
      expect(fi[2]).toMatchObject({ ok: false, lang: 'fi' });
      expect(fi[2]!.text).toMatch(/hidasta/i);
      expect((await say('discord', 'discord:43', '/help', 'fi')).ok).toBe(true);
      expect((await say('discord', 'discord:42', '/help', 'fi')).silent).toBe(true);

      for (let i = 0; i < 10; i++) expect((await say('console', 'console:admin', '/progress companies')).ok).toBe(true);
    } finally {
      app.close();
    }
  });

  it('reads the limit from BOT_RATE_LIMIT=off', async () => {
    const app = createApp({ ...testEnv(path.join(tempDir(), 'bot.db')), BOT_RATE_LIMIT: 'off' });
    try {
      for (let i = 0; i < 30; i++) expect((await app.bot.handle({ platform: 'slack', user: 'slack:U1', text: '/help' })).ok).toBe(true);
    } finally {
      app.close();
    }
  });
});
