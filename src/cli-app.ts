/**
 * What every one-shot `kajaani-bot <command>` shares: opening the app with a clear message when
 * the configuration stops it, and telling node:util's own argument errors (a usage mistake) from
 * real failures.
 */
import { createApp, type App } from './main.js';
import { pathToFileURL } from 'node:url';
import { StartupError } from './errors.js';

/**
 * The app for one CLI command, or null after writing why it cannot start (the caller exits 1).
 * Errors other than a configuration problem are not the user's to fix and propagate.
 */
export function openCliApp(env: NodeJS.ProcessEnv, write: (text: string) => void, options: Parameters<typeof createApp>[1] = {}): App | null {
  try {
    return createApp(env, options);
  } catch (e) {
    if (!(e instanceof StartupError)) throw e;
    write(`kajaani-bot cannot start.\n${e.message}\n`);
    return null;
  }
}

/** True for `parseArgs`' own errors (an unknown option, a missing value): a usage mistake, exit 2. */
export function isArgsError(e: unknown): e is Error {
  return e instanceof Error && e.name === 'TypeError' && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS');
}

/**
 * Runs a subcommand's module when Node was started on it directly (`node dist/cli-digest.js …`,
 * as the tests do), exiting with its code; an unexpected error is printed with its stack, exit 1.
 */
export function runIfMain(moduleUrl: string, name: string, cli: (argv: string[]) => Promise<number>): void {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`kajaani-bot ${name}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
