#!/usr/bin/env node
/**
 * The `kajaani-bot` command line: `ask`, `console`, `start` here; `export`, `digest`,
 * `discord`, `backup` and `restore` in their own modules, loaded when used. Every
 * subcommand's usage is in one table (`cli-usage.ts`), printed by `help` and by `--help`.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createApp, type App } from './main.js';
import { StartupError } from './errors.js';
import { runConsole } from './adapters/console/console.js';
import { askJson } from './adapters/console/render.js';
import { consoleUserId, defaultConsoleUser } from './adapters/console/user-id.js';
import { helpPath, isCliPath, usageText } from './cli-usage.js';
import { isArgsError } from './cli-app.js';
import { replyToPlainText } from './core/reply.js';
import { platformsConfigured, startAdapters } from './adapters/start.js';
import type { RunningAdapter } from './adapters/types.js';

const USAGE = usageText();

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
  let reminders: { stop(): void } | null = null;
  try {
    running = await startAdapters(app);
    const { startDigestScheduler } = await import('./delivery/scheduler.js');
    const { startReminderScheduler } = await import('./delivery/reminder-scheduler.js');
    const { dmPostersFromConfig, postersFromConfig } = await import('./delivery/posters.js');
    digest = startDigestScheduler(app, await postersFromConfig(app.services.config));
    reminders = startReminderScheduler(app, await dmPostersFromConfig(app.services.config, app.services.log));
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
    reminders?.stop();
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
  const argv = process.argv.slice(2);
  const [cmd, ...rest] = argv;
  // `<command> … --help`: that command's usage, before anything opens the database.
  const asked = helpPath(argv);
  if (asked !== null && (asked !== '' || cmd === '--help' || cmd === '-h')) {
    process.stdout.write(`${usageText(asked)}\n`);
    return;
  }
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
    case 'remind':
      process.exitCode = await (await import('./cli-remind.js')).remindCli(rest);
      return;
    case 'discord':
      process.exitCode = await (await import('./adapters/discord/cli.js')).runDiscordCli(rest);
      return;
    case 'export':
      process.exitCode = await (await import('./cli-export.js')).runExportCli(rest);
      return;
    case 'help': {
      // `help digest preview` is `digest preview --help`.
      const topic = rest.join(' ');
      if (topic !== '' && !isCliPath(topic)) fail(`Unknown command "${topic}".\n${USAGE}`, 2);
      process.stdout.write(`${usageText(topic)}\n`);
      return;
    }
    default:
      fail(`Unknown command "${cmd}".\n${USAGE}`, 2);
  }
}

main().catch((err: unknown) => {
  if (isArgsError(err)) {
    // An unknown option: the usage of the command it was given to.
    const sub = process.argv[2] ?? '';
    fail(`${err.message}\n${usageText(isCliPath(sub) ? sub : '')}`, 2);
  }
  process.stderr.write(`kajaani-bot: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
