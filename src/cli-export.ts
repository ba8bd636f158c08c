/**
 * `kajaani-bot export [--format csv|json] [--out <file>] [--force] [--user <name>]`: every
 * outcome, through the same core command as `/export` in chat, so the same admin check
 * applies (as the console user `console:<name>`). Without --out the file goes to stdout;
 * with it, into a new file (an existing one only with --force). Refusals go to stderr with
 * exit code 1; usage mistakes exit 2.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { openCliApp } from './cli-app.js';
import { replyToPlainText } from './core/reply.js';
import { consoleUserId, defaultConsoleUser } from './adapters/console/user-id.js';
import { writeWholeFile } from './adapters/console/files.js';
import { usageText } from './cli-usage.js';

/** Where the command reads its settings and writes its output (tests pass their own). */
export interface ExportCliIo {
  env?: NodeJS.ProcessEnv;
  stdout?: Writable;
  stderr?: Writable;
}

class UsageError extends Error {}

function options(argv: string[]): { format: 'csv' | 'json'; out?: string; force: boolean; user: string } {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false }, user: { type: 'string' } }, strict: true }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const format = (values.format ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json (got "${values.format}").`);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a file name.');
  let user = defaultConsoleUser();
  if (values.user !== undefined) {
    const id = consoleUserId(values.user);
    if (!id.ok) throw new UsageError(id.message);
    user = id.user;
  }
  return { format, out: values.out, force: values.force ?? false, user };
}

/** Runs `kajaani-bot export <argv>`; returns the exit code. */
export async function runExportCli(argv: string[], io: ExportCliIo = {}): Promise<number> {
  const out = io.stdout ?? process.stdout;
  const err = io.stderr ?? process.stderr;
  let opts: ReturnType<typeof options>;
  try {
    opts = options(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.write(`${e.message}\n${usageText('export')}\n`);
    return 2;
  }
  const target = opts.out === undefined ? undefined : path.resolve(opts.out);
  // Checked before any work; the write below still never overwrites without --force, even in a race.
  if (target && existsSync(target) && !opts.force) {
    err.write(`kajaani-bot export refused: ${target} already exists. Choose another file, or add --force to overwrite it.\n`);
    return 1;
  }
  const app = openCliApp(io.env ?? process.env, (t) => err.write(t));
  if (!app) return 1;
  try {
    const reply = await app.bot.handle({ platform: 'console', user: opts.user, text: `/export ${opts.format}` });
    const file = reply.files[0];
    if (!reply.ok || !file) {
      err.write(`${replyToPlainText(reply)}\n`);
      return 1;
    }
    if (!target) {
      out.write(file.data);
      return 0;
    }
    try {
      writeWholeFile(target, file.data, opts.force);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      err.write(code === 'EEXIST' ? `kajaani-bot export refused: ${target} already exists. Choose another file, or add --force to overwrite it.\n` : `kajaani-bot export failed: ${(e as Error).message}\n`);
      return 1;
    }
    out.write(`${reply.text} ${reply.lang === 'fi' ? 'Kirjoitettu tiedostoon' : 'Written to'} ${target}.\n`);
    return 0;
  } finally {
    app.close();
  }
}
