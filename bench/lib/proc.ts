/** Child-process measurements: wall time and peak RSS of short commands, and readiness lines. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const TIME = '/usr/bin/time';

/**
 * Runs a command once; wall ms, peak RSS in KB (GNU time's %M, the same figure as VmHWM, or
 * null when /usr/bin/time is missing) and its stderr (without time's line). `input` is
 * written to its stdin. Throws when the command fails.
 */
export function runOnce(
  cmd: string,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; cwd: string; input?: string },
): { ms: number; rssKb: number | null; stderr: string } {
  const hasTime = existsSync(TIME);
  const t0 = performance.now();
  const r = hasTime ? spawnSync(TIME, ['-f', '%M', cmd, ...args], { ...opts, encoding: 'utf8' }) : spawnSync(cmd, args, { ...opts, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const lines = r.stderr.trimEnd().split('\n');
  const kb = hasTime ? Number(lines.pop()) : NaN;
  return { ms, rssKb: Number.isFinite(kb) ? kb : null, stderr: lines.join('\n') };
}

/** Peak RSS (VmHWM, KB) of a running process, from /proc; null where there is no /proc. */
export function peakRssKb(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Children still running, so an aborted benchmark can stop them (by pid, nothing else). */
export const children = new Set<ChildProcess>();

/** Spawns a child that is tracked until it exits. */
export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Kills every tracked child still running (SIGKILL). */
export function killAll(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/** Resolves when `stream` has printed a line matching `re`; rejects on exit or timeout. */
export function waitForLine(child: ChildProcess, stream: 'stdout' | 'stderr', re: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const src = child[stream];
    if (!src) return reject(new Error(`child has no ${stream}`));
    const done = (err: Error | null, line?: string) => {
      clearTimeout(timer);
      src.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(line!);
    };
    const onData = (d: Buffer) => {
      buf += d.toString('utf8');
      const line = buf.split('\n').find((l) => re.test(l));
      if (line !== undefined) done(null, line);
    };
    const onExit = (code: number | null) => done(new Error(`child exited (${code}) before printing ${re}; output: ${buf.slice(-2000)}`));
    const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${re}; output: ${buf.slice(-2000)}`)), timeoutMs);
    src.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Sends `signal` and waits for the exit (SIGKILL after `graceMs`). */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Starts `node <args>` tracked, with piped output. */
export function spawnNode(args: string[], opts: { env: NodeJS.ProcessEnv; cwd: string }): ChildProcess {
  return track(spawn(process.execPath, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * `--cpu-prof` flags for a child when BENCH_PROFILE is set: the profile lands in
 * $BENCH_PROFILE/<name>/ (a temp folder when it is `1`), one file per thread; summarise with
 * `npx tsx bench/profile.ts <file>`.
 */
export function profileArgs(name: string): string[] {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return [];
  const out = path.join(dir === '1' ? path.join(os.tmpdir(), 'kajaani-bench-profiles') : path.resolve(dir), name);
  mkdirSync(out, { recursive: true });
  // Node's default file name (CPU.<date>.<pid>.<thread>…) keeps the main thread's profile
  // apart from the loader thread's.
  return ['--cpu-prof', '--cpu-prof-dir', out];
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; null where
 * there is no /proc. Clock ticks are 100 per second on Linux (USER_HZ).
 */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
