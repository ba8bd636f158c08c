/** Structured logging (pino). Library code logs through this, never console.log. */
import { pino, type Logger } from 'pino';

export type { Logger };

/** Creates the process logger. Logs go to stderr so stdout stays clean for `--json`. */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      // Secrets never reach the log, whichever object carries them.
      redact: { paths: ['*.token', '*.botToken', '*.appToken', '*.signingSecret', 'token', 'config.SLACK_BOT_TOKEN', 'config.SLACK_APP_TOKEN', 'config.SLACK_SIGNING_SECRET', 'config.DISCORD_TOKEN'], censor: '***' },
    },
    pino.destination(2),
  );
}
