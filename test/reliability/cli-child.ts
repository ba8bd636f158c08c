/**
 * The real `kajaani-bot` (dist/cli.js, built by test/global-setup.ts) as a child process:
 * `console --json` fed on stdin, its JSON lines read back, killed when a test says so.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { testEnv } from '../helpers/app.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** One `console --json` output line. */
export interface ConsoleLine {
  ok: boolean;
  reply: string;
  outcome?: { id: number; goal: string; status: string };
  [key: string]: unknown;
}

export interface ConsoleChild {
  child: ChildProcessWithoutNullStreams;
  /** Parsed stdout lines, in order. */
  lines: ConsoleLine[];
  /** Ids of stored outcomes as acknowledged on stdout. */
  acks: number[];
  stderr(): string;
  send(line: string): void;
  /** Resolves once `n` lines have been printed (rejects if the child exits first or after `ms`). */
  waitForLines(n: number, ms?: number): Promise<void>;
  /** Resolves with the exit code and signal once stdout is fully read (every acknowledgement seen). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `kajaani-bot console --json --user <user>` on `dbPath` (BOT_ADMINS = `console:admin`). */
export function spawnConsole(dbPath: string, user = 'console:admin', extraEnv: NodeJS.ProcessEnv = {}): ConsoleChild {
  const env = { PATH: process.env.PATH, ...testEnv(dbPath), ...extraEnv };
  const child = spawn(process.execPath, [CLI, 'console', '--json', '--user', user], { env, cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: ConsoleLine[] = [];
  const acks: number[] = [];
  let buffer = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line === '') continue;
      const parsed = JSON.parse(line) as ConsoleLine;
      lines.push(parsed);
      if (parsed.ok && parsed.outcome) acks.push(parsed.outcome.id);
    }
    for (const w of waiters.splice(0)) w();
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (err += d));
  // A killed child closes its stdin; writes after that must not crash the test.
  child.stdin.on('error', () => {});
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => {
    done = true;
    for (const w of waiters.splice(0)) w();
  });
  return {
    child,
    lines,
    acks,
    stderr: () => err,
    send: (line) => {
      if (!child.stdin.destroyed) child.stdin.write(`${line}\n`);
    },
    waitForLines(n, ms = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${n} lines (have ${lines.length}); stderr: ${err}`)), ms);
        const check = () => {
          if (lines.length >= n) {
            clearTimeout(timer);
            resolve();
          } else if (done) {
            clearTimeout(timer);
            reject(new Error(`the child exited after ${lines.length} of ${n} lines; stderr: ${err}`));
          } else waiters.push(check);
        };
        check();
      });
    },
    exited,
  };
}

/** Runs the built CLI once with `args`, returning exit code, stdout and stderr. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runNode([CLI, ...args], env, input);
}

/** Runs `node <args>` in the repository with exactly `env` (plus PATH). */
export function runNode(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.on('error', () => {});
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** A title no other report in the test uses (the duplicate check would refuse it). */
export function uniqueReport(tag: string, i: number): string {
  return `/report companies "Reliability ${tag} ${i} Oy" party=KAMK`;
}
