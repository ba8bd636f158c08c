#!/usr/bin/env node
/**
 * The `kajaani-bot` command line:
 *   kajaani-bot ask "<question>" [--json]
 *   kajaani-bot console [--user <name>] [--json]
 *   kajaani-bot start        (Slack/Discord when configured, otherwise the console chat)
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createApp, type App } from './main.js';
import { StartupError } from './errors.js';
import { runConsole } from './adapters/console/console.js';
import { askJson } from './adapters/console/render.js';
import { consoleUserId, defaultConsoleUser } from './adapters/console/user-id.js';
import { replyToPlainText } from './core/reply.js';
import { platformsConfigured, startAdapters } from './adapters/start.js';
import type { RunningAdapter } from './adapters/types.js';

const USAGE = `Usage:
  kajaani-bot ask "<question>" [--json]     answer one question
  kajaani-bot console [--json]               chat in the terminal (one message per line on a pipe)
      (ask, console: --user <name> acts as console:<name>; default: your login name)
  kajaani-bot start                          run the configured adapters (console when none)
  kajaani-bot discord register|invite        register the Discord slash commands / print the invite link
  kajaani-bot digest preview [--period 2026-W48] [--lang en|fi|both] [--json]   print the weekly digest
  kajaani-bot digest run [--period 2026-W48]                                     post it (once per channel)
  kajaani-bot backup <file> [--force]        online copy of the database (safe while the bot runs)
  kajaani-bot restore <file>                 replace the database with a backup (stop the bot first)
  kajaani-bot import <file.csv|file.json> [--dry-run] [--skip-invalid] [--allow-duplicates] [--user <name>] [--json]
                                             import outcomes in the /export format (admins; see import --help)
  kajaani-bot help                           this text`;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function openApp(): App {
  try {
    return createApp();
  } catch (err) {
    if (err instanceof StartupError) fail(`kajaani-bot cannot start.\n${err.message}`);
    throw err;
  }
}

/** The console user for `--user` (default: the login name); a platform id is a usage error. */
function consoleUser(raw: string | undefined): string {
  if (raw === undefined) return defaultConsoleUser();
  const id = consoleUserId(raw);
  if (!id.ok) fail(`${id.message}\n${USAGE}`, 2);
  return id.user;
}

async function consoleChat(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { user: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  const user = consoleUser(values.user);
  const app = openApp();
  try {
    await runConsole({
      bot: app.bot,
      input: process.stdin,
      output: process.stdout,
      user,
      json: values.json ?? false,
      interactive: Boolean(process.stdin.isTTY) && !values.json,
    });
  } finally {
    app.close();
  }
}

async function ask(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, user: { type: 'string' } }, allowPositionals: true, strict: true });
  const question = positionals.join(' ').trim();
  if (question === '') fail('Give a question, e.g. kajaani-bot ask "Who are the parties?"', 2);
  const user = consoleUser(values.user);
  const app = openApp();
  try {
    const reply = await app.bot.handle({ platform: 'console', user, text: question });
    performance.mark('kajaani:answered');
    process.stdout.write(values.json ? `${JSON.stringify(askJson(reply))}\n` : `${replyToPlainText(reply)}\n`);
  } finally {
    app.close();
  }
}

async function start(argv: string[]): Promise<void> {
  const app = openApp();
  const which = platformsConfigured(app);
  if (!which.slack && !which.discord) {
    app.close();
    await consoleChat(argv);
    return;
  }
  let running: RunningAdapter[];
  let digest: { stop(): void } | undefined;
  try {
    running = await startAdapters(app);
    const { startDigestScheduler } = await import('./delivery/scheduler.js');
    const { postersFromConfig } = await import('./delivery/posters.js');
    digest = startDigestScheduler(app, await postersFromConfig(app.services.config));
    performance.mark('kajaani:scheduler');
  } catch (err) {
    app.close();
    if (err instanceof StartupError) fail(`kajaani-bot cannot start.\n${err.message}`);
    throw err;
  }
  performance.mark('kajaani:ready');
  process.stderr.write(`kajaani-bot running: ${running.map((r) => (r.detail ? `${r.name} (${r.detail})` : r.name)).join(', ')}\n`);
  // An unhandled rejection in a platform SDK must never take the bot down (the Discord
  // adapter guards its own; this covers the rest).
  if (!which.discord) process.on('unhandledRejection', (reason) => app.services.log.error({ err: reason }, 'unhandled rejection'));
  const shutdown = async () => {
    digest?.stop();
    await Promise.allSettled(running.map((r) => r.stop()));
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

async function main(): Promise<void> {
  // Every static import is loaded by now (see bench/startup.ts).
  performance.mark('kajaani:cli');
  const [cmd, ...rest] = process.argv.slice(2);
  switch (cmd) {
    case 'ask':
      return ask(rest);
    case 'console':
      return consoleChat(rest);
    case undefined:
    case 'start':
      return start(rest);
    case 'backup':
      process.exitCode = await (await import('./cli-backup.js')).runBackupCli(rest);
      return;
    case 'restore':
      process.exitCode = await (await import('./cli-backup.js')).runRestoreCli(rest);
      return;
    case 'import':
      process.exitCode = await (await import('./cli-import.js')).runImportCli(rest);
      return;
    case 'digest':
      process.exitCode = await (await import('./cli-digest.js')).digestCli(rest);
      return;
    case 'discord':
      process.exitCode = await (await import('./adapters/discord/cli.js')).runDiscordCli(rest);
      return;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      fail(`Unknown command "${cmd}".\n${USAGE}`, 2);
  }
}

main().catch((err: unknown) => {
  if (err instanceof Error && err.name === 'TypeError' && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
    fail(`${err.message}\n${USAGE}`, 2);
  }
  process.stderr.write(`kajaani-bot: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
