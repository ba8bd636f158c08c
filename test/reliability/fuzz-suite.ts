/**
 * The fuzz suite, parameterised by size: `fuzz.test.ts` runs it small in `npm test`,
 * `fuzz.rel.ts` runs it at full size in the reliability suite.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestBot } from '../helpers/app.js';
import { adminWrongCommand, consolePass, describeFailures, fuzzPass, FUZZ_USERS, seedFixture, type Fixture } from './fuzz-run.js';
import { COMMAND_NAMES, commandWithWrongArgs, fuzzInput, fuzzSeed, invalidReport } from './fuzz-inputs.js';

/** How many inputs each pass sends. */
export interface FuzzSizes {
  nobody: number;
  reporter: number;
  admin: number;
  console: number;
}

/** Registers the fuzz tests. Prints the seed so a failure can be replayed with FUZZ_SEED. */
export function fuzzSuite(label: string, sizes: FuzzSizes): void {
  const seed = fuzzSeed();
  const total = sizes.nobody + sizes.reporter + sizes.admin + sizes.console;

  // Generous per-test time: thousands of inputs on a loaded 2-core CI machine (not a speed check).
  describe(`${label}: ${total} generated inputs through the console command path (seed ${seed})`, { timeout: 120_000 }, () => {
    const t = makeTestBot({ admins: FUZZ_USERS.admin });
    let fixture: Fixture;
    beforeAll(async () => {
      process.stderr.write(`[fuzz] ${label}: seed ${seed} (replay with FUZZ_SEED=${seed}), ${total} inputs, ${COMMAND_NAMES.length} command names\n`);
      fixture = await seedFixture(t.app.bot);
    });

    it(`answers ${sizes.nobody} random inputs from a user with no role clearly, and nothing in the database changes`, async () => {
      const r = await fuzzPass(t.app.bot, FUZZ_USERS.nobody, sizes.nobody, seed, fuzzInput);
      expect(describeFailures(seed, r.failures)).toBe('');
      expect(describeFailures(seed, r.writers)).toBe('');
      expect(r.after).toEqual(r.before);
    });

    it(`answers ${sizes.reporter} invalid reports (and other commands) from a reporter clearly, and stores nothing`, async () => {
      const others = COMMAND_NAMES.filter((n) => n !== 'report' && n !== 'raportoi');
      const r = await fuzzPass(t.app.bot, FUZZ_USERS.reporter, sizes.reporter, seed + 1, (rng) => (rng.chance(0.7) ? invalidReport(rng) : commandWithWrongArgs(rng, rng.pick(others))));
      expect(describeFailures(seed + 1, r.failures)).toBe('');
      expect(describeFailures(seed + 1, r.writers)).toBe('');
      expect(r.after).toEqual(r.before);
    });

    it(`answers ${sizes.admin} commands with wrong arguments from an admin clearly, and changes no outcome or role`, async () => {
      const r = await fuzzPass(t.app.bot, FUZZ_USERS.admin, sizes.admin, seed + 2, (rng) => adminWrongCommand(rng, fixture));
      expect(describeFailures(seed + 2, r.failures)).toBe('');
      expect(describeFailures(seed + 2, r.writers)).toBe('');
      expect(r.after).toEqual(r.before);
    });

    it(`gives one JSON reply per line for ${sizes.console} random lines through the console loop (--json)`, async () => {
      const before = JSON.stringify(t.app.services.store.db.prepare('SELECT COUNT(*) FROM audit').pluck().get());
      const r = await consolePass(t.app.bot, FUZZ_USERS.nobody, sizes.console, seed + 3);
      expect(describeFailures(seed + 3, r.failures)).toBe('');
      expect(r.outputs).toBeGreaterThan(sizes.console * 0.9);
      expect(JSON.stringify(t.app.services.store.db.prepare('SELECT COUNT(*) FROM audit').pluck().get())).toBe(before);
    });

    it('still works normally afterwards (a valid report by the reporter is stored)', async () => {
      const r = await t.say(FUZZ_USERS.reporter, '/report companies "After Fuzz Oy"');
      expect(r.ok).toBe(true);
    });
  });
}
