import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const c = parseConfig({});
    expect(c.BOT_DB_PATH).toBe('data/kajaani-bot.db');
    expect(c.BOT_TIMEZONE).toBe('Europe/Helsinki');
    expect(c.BOT_DEFAULT_LANGUAGE).toBe('en');
    expect(c.BOT_ADMINS).toEqual([]);
  });

  it('parses a comma-separated admin list of platform-qualified ids', () => {
    expect(parseConfig({ BOT_ADMINS: 'slack:U012AB, discord:81234567,console:admin' }).BOT_ADMINS).toEqual([
      'slack:U012AB',
      'discord:81234567',
      'console:admin',
    ]);
  });

  it.each([
    ['BOT_DEFAULT_LANGUAGE', 'sv', /BOT_DEFAULT_LANGUAGE: must be "en" or "fi"/],
    ['BOT_TIMEZONE', 'Mars/Olympus', /BOT_TIMEZONE: must be an IANA time zone/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: must be one of/],
    ['BOT_ADMINS', 'alice', /BOT_ADMINS: must be a comma-separated list/],
    ['SLACK_BOT_TOKEN', 'abc', /SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/],
    ['SLACK_PORT', 'eighty', /SLACK_PORT/],
  ])('rejects %s=%s naming the variable and what is allowed', (name, value, message) => {
    expect(() => parseConfig({ [name]: value })).toThrowError(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrowError(message);
  });

  it('never echoes a secret value in the error', () => {
    try {
      parseConfig({ SLACK_BOT_TOKEN: 'super-secret-value' });
      expect.unreachable();
    } catch (err) {
      expect(String(err)).not.toContain('super-secret-value');
    }
  });
});
