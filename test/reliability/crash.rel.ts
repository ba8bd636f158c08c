/**
 * Crash safety: the real bot (dist/cli.js console --json) reports outcomes in a loop and is
 * killed with SIGKILL at a random moment, 20 times over, on the same database file. A report
 * counts as acknowledged once its JSON line (with outcome.id) is on stdout, which is written
 * only after the command returned. After every kill the file is reopened as the bot does on
 * start, and every acknowledged report must be there in full with its audit entry, nothing may
 * be half-written (an outcome without its 'report' audit row or the reverse), and
 * `PRAGMA integrity_check` must say ok. Replay a run with FUZZ_SEED=<seed>.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { tempDbPath } from '../helpers/temp.js';
import { spawnConsole } from './cli-child.js';
import { createRng, fuzzSeed } from './fuzz-inputs.js';

const ROUNDS = 20;
/** Reports queued per round: far more than a round can write before it is killed. */
const QUEUED = 3000;

interface Expected {
  title: string;
  round: number;
}

function title(round: number, i: number): string {
  return `Crash r${round} n${i} Oy`;
}

/** Checks the file as a restarted bot would open it; returns the number of outcomes. */
function verify(dbPath: string, acked: Map<number, Expected>): number {
  const store = openStore(dbPath);
  try {
    const db = store.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = new Map(
      (db.prepare('SELECT id, goal_id, title, party_id, reported_by, status, happened_on, reported_at, updated_at FROM outcomes').all() as {
        id: number;
        goal_id: string;
        title: string;
        party_id: string;
        reported_by: string;
        status: string;
        happened_on: string;
        reported_at: string;
        updated_at: string;
      }[]).map((r) => [r.id, r]),
    );
    const audits = db.prepare("SELECT outcome_id AS id, actor, after FROM audit WHERE action = 'report'").all() as { id: number; actor: string; after: string }[];
    const auditById = new Map(audits.map((a) => [a.id, a]));
    // Every acknowledged report: present, whole, and audited.
    for (const [id, want] of acked) {
      const row = rows.get(id);
      expect(row, `acknowledged outcome #${id} (round ${want.round}) is missing`).toBeDefined();
      expect(row).toMatchObject({ goal_id: 'companies', title: want.title, party_id: 'KAMK', reported_by: 'console:admin', status: 'reported' });
      expect(row!.happened_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(row!.reported_at).toBe(row!.updated_at);
      const audit = auditById.get(id);
      expect(audit, `acknowledged outcome #${id} has no audit entry`).toBeDefined();
      expect(JSON.parse(audit!.after)).toMatchObject({ id, title: want.title });
    }
    // Nothing half-written: outcomes and their 'report' audit rows match one to one.
    expect([...auditById.keys()].sort((a, b) => a - b)).toEqual([...rows.keys()].sort((a, b) => a - b));
    expect(audits).toHaveLength(rows.size);
    return rows.size;
  } finally {
    store.close();
  }
}

describe('SIGKILL while reporting', () => {
  it(`keeps every acknowledged report whole across ${ROUNDS} kills at random moments`, async () => {
    const seed = fuzzSeed();
    const rng = createRng(seed);
    process.stderr.write(`[crash] seed ${seed} (replay with FUZZ_SEED=${seed})\n`);
    const dbPath = tempDbPath();
    const acked = new Map<number, Expected>();
    const perRound: string[] = [];
    let storedBefore = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const bot = spawnConsole(dbPath);
      for (let i = 0; i < QUEUED; i++) bot.send(`/report companies "${title(round, i)}" party=KAMK`);
      // Every fifth round (the first included, on a fresh file mid-migration) dies during
      // start-up or its first writes; the others 50–400 ms after their first acknowledgement.
      const early = round % 5 === 0;
      const delay = early ? rng.int(700) : 50 + rng.int(351);
      if (!early) await bot.waitForLines(1);
      await new Promise((r) => setTimeout(r, delay));
      bot.child.kill('SIGKILL');
      const exit = await bot.exited;
      expect(exit.signal, `round ${round} ended before the kill: ${bot.stderr()}`).toBe('SIGKILL');
      bot.lines.forEach((line, i) => {
        expect(line.ok, `round ${round} line ${i}: ${line.reply}`).toBe(true);
        acked.set(line.outcome!.id, { title: title(round, i), round });
      });
      const stored = verify(dbPath, acked);
      // At most the one report in flight at the kill may be stored without its acknowledgement.
      expect(stored - storedBefore - bot.lines.length).toBeGreaterThanOrEqual(0);
      expect(stored - storedBefore - bot.lines.length).toBeLessThanOrEqual(1);
      storedBefore = stored;
      perRound.push(`${bot.lines.length}${early ? '*' : ''}`);
    }
    process.stderr.write(`[crash] ${ROUNDS} kills, ${acked.size} acknowledged reports verified; acknowledged per round (* = killed early): ${perRound.join(' ')}\n`);
    expect(acked.size).toBeGreaterThan(ROUNDS);
  });
});
