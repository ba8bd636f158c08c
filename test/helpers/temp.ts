/** Temporary folders for tests: real SQLite files, never under data/. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** Creates a temp folder removed after the test file finishes. */
export function tempDir(prefix = 'kajaani-bot-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh database path in a new temp folder (the folder itself is created by the store). */
export function tempDbPath(): string {
  return path.join(tempDir(), 'nested', 'bot.db');
}
