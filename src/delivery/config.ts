/**
 * The digest's settings from the environment, with their own small zod schema (kept out of
 * src/config.ts so the digest can be added without touching the shared schema). Errors name
 * the variable, like the main configuration's.
 */
import { Cron } from 'croner';
import * as z from 'zod';
import { ConfigError } from '../config.js';
import type { DigestLang } from '../store/digest.js';

/** Every Monday at 09:00 in BOT_TIMEZONE. */
export const DEFAULT_DIGEST_CRON = '0 9 * * 1';

/** A channel named in configuration, with an optional language (`C0123=fi`). */
export interface ConfiguredChannel {
  channelId: string;
  lang: DigestLang | null;
}

function isCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

function channelList(idPattern: RegExp, example: string) {
  return z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s !== ''))
    .refine((items) => items.every((s) => new RegExp(`^${idPattern.source}(=(fi|en|both))?$`).test(s)), {
      message: `must be a comma-separated list of channel ids, each optionally with =fi, =en or =both, e.g. ${example}`,
    })
    .transform((items): ConfiguredChannel[] =>
      items.map((s) => {
        const [channelId, lang] = s.split('=') as [string, DigestLang | undefined];
        return { channelId, lang: lang ?? null };
      }),
    );
}

const digestEnvSchema = z.object({
  DIGEST_CRON: z
    .string()
    .trim()
    .default(DEFAULT_DIGEST_CRON)
    .transform((v) => (v === '' ? DEFAULT_DIGEST_CRON : v))
    .refine(isCron, 'must be a cron pattern such as "0 9 * * 1" (minute hour day-of-month month day-of-week)'),
  DIGEST_SLACK_CHANNELS: channelList(/[CG][A-Z0-9]{2,}/, 'C0123ABCD,C0456EFGH=fi'),
  DIGEST_DISCORD_CHANNELS: channelList(/\d{5,25}/, '123456789012345678=both'),
  DIGEST_SKIP_QUIET: z
    .string()
    .trim()
    .toLowerCase()
    .default('false')
    .refine((v) => ['true', 'false', '1', '0', 'yes', 'no', ''].includes(v), 'must be true or false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes'),
});

/** The validated digest settings. */
export type DigestConfig = z.infer<typeof digestEnvSchema>;

/** Validates the digest variables; throws `ConfigError` naming each bad one. */
export function loadDigestConfig(env: NodeJS.ProcessEnv = process.env): DigestConfig {
  const result = digestEnvSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name}: ${issue.message}${env[name] === undefined ? '' : ` (got "${env[name]}")`}`;
    }),
  );
}
