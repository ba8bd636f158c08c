/** Shared plumbing: the package root, temp folders, free loopback ports, child environments. */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The repository root (bench/ lives directly under it). */
export const root = path.resolve(import.meta.dirname, '..', '..');

/** The real knowledge base the bot ships with. */
export const knowledgeDir = path.join(root, 'knowledge');

/** A temp folder (on the same disk as /tmp, so fsync costs are real) and its remover. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/**
 * A clean environment for a bot: only PATH/HOME from ours, so a developer's SLACK_* or
 * DISCORD_* variables (or a .env, since children run in a temp cwd) never leak in.
 */
export function botEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.tmpdir(),
    LOG_LEVEL: 'silent',
    BOT_TIMEZONE: 'Europe/Helsinki',
    BOT_DEFAULT_LANGUAGE: 'en',
    BOT_KNOWLEDGE_DIR: knowledgeDir,
    // The load benchmarks send everything as one Slack user; with the per-user limit on they
    // would measure the limiter, not the bot.
    BOT_RATE_LIMIT: 'off',
    ...extra,
  };
}

/** The 1-minute load average, two decimals. */
export const load1 = (): number => Math.round(os.loadavg()[0]! * 100) / 100;

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
