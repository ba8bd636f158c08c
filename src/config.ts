/**
 * Configuration: one zod schema over the environment (and an optional `.env` file).
 * Each error names the variable and what it accepts, and stops start-up.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as z from 'zod';
import { DEFAULT_RATE_LIMIT, parseRateLimit, RATE_LIMIT_FORMAT } from './core/rate-limit.js';
import { DEFAULT_REMINDER_CRON, isReminderCron, REMINDER_CRON_FORMAT } from './core/reminders/schedule.js';

// zod compiles a fast path (new Function) for each object schema on its first parse: worth it
// for a schema parsed thousands of times, but the bot parses its configuration and knowledge
// once at start, where compiling took about half of validation time, and small command fields
// after that, where the interpreted path is as fast. Set here because every entry point loads
// the configuration before it parses anything.
z.config({ jitless: true });

/**
 * The package root: the nearest folder above this module with a package.json (one level up
 * from `src/` or `dist/`, whether this module runs from its own file or from the bundle).
 */
export const packageRoot = ((): string => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = path.dirname(here); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return `${dir}${path.sep}`;
  }
  return `${path.dirname(here)}${path.sep}`;
})();

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const identity = /^(slack|discord|console):[^\s,]+$/;

const envSchema = z.object({
  BOT_DB_PATH: z.string().trim().min(1, 'must be a file path').default('data/kajaani-bot.db'),
  BOT_TIMEZONE: z
    .string()
    .trim()
    .default('Europe/Helsinki')
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Helsinki'),
  BOT_DEFAULT_LANGUAGE: z.enum(['en', 'fi'], { error: 'must be "en" or "fi"' }).default('en'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('warn'),
  BOT_KNOWLEDGE_DIR: z.string().trim().min(1).default(path.join(packageRoot, 'knowledge')),
  BOT_ADMINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s !== ''))
    .refine((ids) => ids.every((id) => identity.test(id)), {
      message: 'must be a comma-separated list of platform-qualified ids such as slack:U012AB,discord:81234567,console:admin',
    }),
  BOT_RATE_LIMIT: z
    .string()
    .default(DEFAULT_RATE_LIMIT)
    .transform((v, ctx) => {
      const limit = parseRateLimit(v);
      if (limit === undefined) {
        ctx.addIssue({ code: 'custom', message: RATE_LIMIT_FORMAT });
        return z.NEVER;
      }
      return limit;
    }),
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^xoxb-/.test(v), 'must be a bot token starting with xoxb-'),
  SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || /^xapp-/.test(v), 'must be an app-level token starting with xapp-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(1).max(65535).default(3000),
  SLACK_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\//.test(v), 'must be an http(s) URL'),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), 'must be a numeric application id'),
  DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), 'must be a numeric server (guild) id'),
  DISCORD_API_URL: optionalText.refine((v) => v === undefined || /^https?:\/\//.test(v), 'must be an http(s) URL'),
  DISCORD_REPORTER_ROLE: optionalText,
  /** When check-in reminders go out (see core/reminders/schedule.ts); null when "off". */
  REMINDER_CRON: z
    .string()
    .trim()
    .default(DEFAULT_REMINDER_CRON)
    .transform((v, ctx) => {
      if (v.toLowerCase() === 'off') return null;
      const pattern = v === '' ? DEFAULT_REMINDER_CRON : v.replace(/\s+/g, ' ');
      if (!isReminderCron(pattern)) {
        ctx.addIssue({ code: 'custom', message: REMINDER_CRON_FORMAT });
        return z.NEVER;
      }
      return pattern;
    }),
});

/** The validated configuration. */
export type Config = z.infer<typeof envSchema>;

/** A configuration error with one line per bad variable. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment; throws `ConfigError` naming each bad variable. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const value = env[name];
    const shown = value === undefined ? '' : ` (got "${/TOKEN|SECRET/.test(name) ? '***' : value}")`;
    return `${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(problems);
}

/** Loads `.env` from the working directory if there is one (never overriding real env), then validates. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(env);
}
