/**
 * The built `kajaani-bot` (dist/cli.js, built by test/global-setup.ts) as a child process with
 * a temp database and a temp working folder: one `console --json` session per call, or any
 * other subcommand. The console contract is read back as parsed JSON lines.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { testEnv } from './app.js';
import { tempDbPath, tempDir } from './temp.js';

const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');

/** One `console --json` output line. */
export interface ConsoleLine {
  ok: boolean;
  reply: string;
  lang: 'en' | 'fi';
  answered: boolean;
  file?: string;
  [key: string]: unknown;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A database and a working folder for the child processes of one test file. */
export interface CliPlace {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Runs `kajaani-bot <args>` there, with `input` on stdin. */
  run(args: string[], input?: string, extraEnv?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** One `console --json --user <user>` session over `lines`; the parsed lines (exit code checked). */
  chat(user: string, lines: string[]): Promise<ConsoleLine[]>;
}

/** A fresh place: BOT_ADMINS = `admins` (default `console:admin`), Helsinki time, English default. */
export function cliPlace(admins = 'console:admin'): CliPlace {
  const env = { PATH: process.env.PATH, ...testEnv(tempDbPath(), admins) };
  const cwd = tempDir('kajaani-cwd-');
  const run = (args: string[], input = '', extraEnv: NodeJS.ProcessEnv = {}): Promise<CliRun> => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...env, ...extraEnv }, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  };
  return {
    env,
    cwd,
    run,
    async chat(user, lines) {
      const r = await run(['console', '--json', '--user', user], `${lines.join('\n')}\n`);
      if (r.code !== 0) throw new Error(`console exited ${r.code}: ${r.stderr}`);
      const out = r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as ConsoleLine);
      if (out.length !== lines.filter((l) => l.trim() !== '').length) throw new Error(`expected one line per input, got ${out.length}: ${r.stdout}`);
      return out;
    },
  };
}

/** Today in Helsinki (the children run on the real clock), `YYYY-MM-DD`. */
export function helsinkiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
