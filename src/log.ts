/** Structured logging (pino). Library code logs through this, never console.log. */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Environment variables whose values are secrets (the same rule config.ts uses to mask them). */
const SECRET_NAME = /TOKEN|SECRET/;
/** Shorter values are not credentials, and masking them would garble ordinary words. */
const MIN_SECRET_CHARS = 8;

/**
 * Where a secret can sit in a logged object: the configuration (whole or nested), the
 * adapters' option objects, and the HTTP request an SDK error carries (Authorization header).
 */
const REDACT_PATHS = [
  'token', '*.token', '*.botToken', '*.appToken', '*.signingSecret',
  'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'DISCORD_TOKEN',
  '*.SLACK_BOT_TOKEN', '*.SLACK_APP_TOKEN', '*.SLACK_SIGNING_SECRET', '*.DISCORD_TOKEN',
  'config.SLACK_BOT_TOKEN', 'config.SLACK_APP_TOKEN', 'config.SLACK_SIGNING_SECRET', 'config.DISCORD_TOKEN',
  'headers.authorization', 'headers.Authorization', '*.headers.authorization', '*.headers.Authorization',
  'err.config.headers.Authorization', 'err.config.headers.authorization', 'err.request.headers.authorization', 'err.requestBody.token',
];

/** The secret values in `env`, plain and as they appear inside a JSON string. */
function secretValues(env: NodeJS.ProcessEnv): string[] {
  const values = Object.entries(env)
    .filter(([name, v]) => SECRET_NAME.test(name) && typeof v === 'string' && v.trim().length >= MIN_SECRET_CHARS)
    .map(([, v]) => v!.trim());
  return [...new Set(values.flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]))].sort((a, b) => b.length - a.length);
}

/**
 * A destination that masks every secret value wherever it appears in a line (an error
 * message, a URL, a nested object the paths above do not name): the last line of defence.
 */
function scrubbing(target: DestinationStream, secrets: string[]): DestinationStream {
  if (secrets.length === 0) return target;
  return {
    write(line: string) {
      let out = line;
      for (const s of secrets) if (out.includes(s)) out = out.split(s).join('***');
      target.write(out);
    },
  };
}

/**
 * Creates the process logger. Logs go to stderr so stdout stays clean for `--json`. Secrets
 * never reach the log: known paths are redacted, and the values of the environment's
 * `*TOKEN*` / `*SECRET*` variables (read at creation, after `.env` is loaded) are masked
 * anywhere in a line.
 */
export function createLogger(level: string, env: NodeJS.ProcessEnv = process.env): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '***' } }, scrubbing(pino.destination(2), secretValues(env)));
}
