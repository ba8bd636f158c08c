/**
 * Two real processes writing the same file: both succeed (the busy timeout serialises them),
 * and a lock held beyond the busy timeout fails cleanly with StoreBusyError, writing nothing.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, StoreBusyError, type Store } from '../../src/store/store.js';
import { insertOutcome, listOutcomes } from '../../src/store/outcomes.js';
import { fields, transpiledStore } from '../helpers/store.js';
import { tempDbPath } from '../helpers/temp.js';

let storeDir: string;
let file: string;
let store: Store;

beforeAll(() => {
  storeDir = transpiledStore();
  file = tempDbPath();
  store = openStore(file);
});
afterAll(() => store.close());

/** Writes a child script next to the transpiled store and runs it; resolves with stdout lines. */
function runChild(name: string, body: string, args: string[] = []): { done: Promise<{ code: number | null; out: string; err: string }>; firstLine: Promise<string> } {
  const script = path.join(storeDir, `${name}.mjs`);
  writeFileSync(script, body);
  const child = spawn(process.execPath, [script, file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let resolveFirst: (l: string) => void;
  const firstLine = new Promise<string>((r) => (resolveFirst = r));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('\n')) resolveFirst(out.split('\n')[0]!);
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) => child.on('close', (code) => resolve({ code, out, err })));
  return { done, firstLine };
}

const WRITER = `
import { openStore } from './store.js';
import { insertOutcome } from './outcomes.js';
const [file, who, n] = process.argv.slice(2);
const store = openStore(file);
let ok = 0;
for (let i = 0; i < Number(n); i++) {
  const title = who + ' company ' + i;
  const r = insertOutcome(store, { goalId: 'companies', title, titleKey: title, description: null, partyId: 'KAMK',
    happenedOn: '2024-01-01', link: null, businessId: null }, 'console:' + who, new Date().toISOString());
  if (r.ok) ok++;
}
store.close();
console.log(JSON.stringify({ ok }));
`;

const LOCKER = `
import Database from 'better-sqlite3';
const [file, ms] = process.argv.slice(2);
const db = new Database(file);
db.exec('BEGIN IMMEDIATE');
console.log('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
db.exec('ROLLBACK');
db.close();
`;

describe('two processes writing the same file', () => {
  it('both succeed and every row is stored', async () => {
    const a = runChild('writer-a', WRITER, ['a', '60']);
    const b = runChild('writer-b', WRITER, ['b', '60']);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.err).toBe('');
    expect(rb.err).toBe('');
    expect(JSON.parse(ra.out)).toEqual({ ok: 60 });
    expect(JSON.parse(rb.out)).toEqual({ ok: 60 });
    expect(listOutcomes(store, { goalId: 'companies' })).toHaveLength(120);
  });

  it('a lock held beyond the busy timeout fails cleanly with "try again" and writes nothing', async () => {
    const impatient = openStore(file, { busyTimeoutMs: 100 });
    const before = listOutcomes(impatient).length;
    const locker = runChild('locker', LOCKER, ['1500']);
    expect(await locker.firstLine).toBe('locked');
    let caught: unknown;
    try {
      insertOutcome(impatient, fields({ title: 'Blocked Oy', titleKey: 'blocked oy' }), 'console:x', new Date().toISOString());
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StoreBusyError);
    expect((caught as Error).message).toMatch(/try again/);
    await locker.done;
    expect(listOutcomes(impatient).length).toBe(before);
    // Once the lock is gone the same write goes through.
    expect(insertOutcome(impatient, fields({ title: 'Blocked Oy', titleKey: 'blocked oy' }), 'console:x', new Date().toISOString()).ok).toBe(true);
    impatient.close();
  });
});
