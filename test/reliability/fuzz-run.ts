/**
 * The fuzz passes shared by the fast test (`npm test`) and the full one (the reliability
 * suite): generated inputs through `bot.handle` and `runConsole`, as a user with no role, a
 * reporter and an admin, checking every reply and that the database never changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Bot } from '../../src/core/bot.js';
import { runConsole } from '../../src/adapters/console/console.js';
import { COMMAND_NAMES, commandWithWrongArgs, createRng, fuzzInput, invalidReport, randomUnicode, BAD_NUMBERS, type Rng } from './fuzz-inputs.js';
import { replyProblems, shown, snapshotTables, type FuzzFailure } from './checks.js';

/** Users of the passes. `admin` comes from BOT_ADMINS; `reporter` is granted in the fixture. */
export const FUZZ_USERS = { nobody: 'console:nobody', reporter: 'console:reporter', admin: 'console:admin' } as const;

/** Ids of the fixture outcomes: one reported, one verified, one retracted (all by the admin). */
export interface Fixture {
  reported: number;
  verified: number;
  retracted: number;
}

/** Reports, verifies and retracts a few outcomes and grants the reporter role: the state the fuzz must not change. */
export async function seedFixture(bot: Bot): Promise<Fixture> {
  const say = async (text: string) => {
    const r = await bot.handle({ platform: 'console', user: FUZZ_USERS.admin, text });
    if (!r.ok) throw new Error(`fixture step failed: ${text}: ${r.text}`);
    return r;
  };
  await say(`/grant ${FUZZ_USERS.reporter} reporter`);
  const id = async (text: string) => ((await say(text)).data.outcome as { id: number }).id;
  const reported = await id('/report companies "Fixture Reported Oy" party=KAMK date=2024-05-31');
  const verified = await id('/report technologies "Fixture Verified tech" party=CSC');
  const retracted = await id('/report service-products "Fixture Retracted service"');
  await say(`/verify ${verified}`);
  await say(`/retract ${retracted} reason="fuzz fixture"`);
  return { reported, verified, retracted };
}

const IDENTITY_WRONG = ['U123', 'slack:', 'slack:U1,U2', '<@U123>', '@everyone', 'console:a@b', 'console:<x>', 'teams:U1', 'SLACK:U1 x', '"console:quoted name"'];
const ROLE_WRONG = ['', 'owner', 'root', 'reporters', 'admin!', 'ADMIN2', 'reporter,admin', '__proto__'];
const FIELD_POISON = ['date=2024-02-30', 'date=2099-01-01', 'link=javascript:alert(1)', 'business-id=1234567-2', 'title=""', `title="${'t'.repeat(201)}"`, 'goal=@@@', 'party=@@@', 'colour=red', 'constructor=1', `note="${'n'.repeat(2001)}"`, 'date=""'];

/** An admin command that is wrong whatever else it says (so it must change nothing). */
export function adminWrongCommand(rng: Rng, f: Fixture): string {
  const name = rng.pick(COMMAND_NAMES);
  // One token that names no outcome (not a list: `/verify 1,5` verifies #1 and #5).
  const badId = () => rng.pick([...BAD_NUMBERS.filter((n) => !/[\s,;]/.test(n)), '999999', '#424242', randomUnicode(rng, 4).replace(/[\s\d]/g, 'x')]);
  switch (name) {
    case 'report':
    case 'raportoi':
      return invalidReport(rng);
    case 'edit':
    case 'muokkaa': {
      return rng.pick([
        () => `/${name} ${badId()} title="Valid Title Oy"`,
        () => `/${name} ${rng.pick([f.reported, f.verified])}`,
        () => `/${name} ${rng.pick([f.reported, f.verified])} ${rng.pick(FIELD_POISON)}`,
        () => `/${name} ${rng.pick([f.reported, f.verified])} extra title="Valid Title Oy"`,
        () => `/${name} ${f.retracted} title="Valid Title Oy"`,
      ])();
    }
    case 'retract':
    case 'peru':
      return rng.pick([
        () => `/${name} ${badId()} reason="a valid reason"`,
        () => `/${name} ${f.reported} reason=${rng.pick(['ab', '""', `"${'r'.repeat(501)}"`])}`,
        () => `/${name} ${f.reported} colour=red reason="a valid reason"`,
        () => `/${name} ${f.retracted} reason="again, retracted"`,
        () => `/${name}`,
      ])();
    case 'verify':
    case 'vahvista':
      return `/${name} ${rng.pick([badId(), String(f.verified), String(f.retracted), ''])}`.trimEnd();
    case 'grant':
    case 'myonna':
    case 'revoke':
      return rng.pick([
        () => `/${name} ${rng.pick(IDENTITY_WRONG)} reporter`,
        () => `/${name} console:fuzzed ${rng.pick(ROLE_WRONG)}`,
        () => `/${name} console:fuzzed reporter extra`,
        () => `/${name} console:fuzzed reporter note=x`,
        () => `/${name}`,
      ])();
    default:
      // Read-only commands (and /digest subscribe, which needs a Slack or Discord channel).
      return commandWithWrongArgs(rng, name);
  }
}

/** Result of one pass. */
export interface PassResult {
  inputs: number;
  failures: FuzzFailure[];
  /** Inputs whose handling changed the database (by this connection's total_changes). */
  writers: FuzzFailure[];
  before: ReturnType<typeof snapshotTables>;
  after: ReturnType<typeof snapshotTables>;
}

/** Sends `count` generated inputs as `user` through `bot.handle`, checking each reply and the database. */
export async function fuzzPass(bot: Bot, user: string, count: number, seed: number, generate: (rng: Rng) => string): Promise<PassResult> {
  const rng = createRng(seed);
  const db = bot.services.store.db;
  const changes = db.prepare('SELECT total_changes()').pluck();
  const before = snapshotTables(db);
  const failures: FuzzFailure[] = [];
  const writers: FuzzFailure[] = [];
  for (let i = 0; i < count; i++) {
    const input = generate(rng);
    const c0 = changes.get() as number;
    let problems: string[];
    try {
      const r = await bot.handle({ platform: 'console', user, text: input, conversationId: 'console:local' });
      problems = replyProblems(input, r);
    } catch (err) {
      problems = [`threw: ${(err as Error).stack ?? String(err)}`];
    }
    if (problems.length > 0) failures.push({ index: i, input, problems });
    if ((changes.get() as number) !== c0) writers.push({ index: i, input, problems: ['changed the database'] });
  }
  return { inputs: count, failures, writers, before, after: snapshotTables(db) };
}

/** Sends `count` generated inputs, one per line, through the real console loop (`--json`), checking every output line. */
export async function consolePass(bot: Bot, user: string, count: number, seed: number): Promise<{ lines: number; outputs: number; failures: FuzzFailure[] }> {
  const rng = createRng(seed);
  // The console reads one message per line: line breaks inside an input would make two.
  const lines = Array.from({ length: count }, () => fuzzInput(rng).replace(/[\r\n]/g, ' '));
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString('utf8')));
  // An input that happens to be a valid /export saves a file: never into the repository.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kajaani-fuzz-'));
  const done = runConsole({ bot, input, output, user, json: true, interactive: false, dir });
  input.end(lines.join('\n'));
  await done;
  rmSync(dir, { recursive: true, force: true });
  const expected = lines.filter((l) => l.trim() !== '');
  const outputs = text.split('\n').filter((l) => l !== '');
  const failures: FuzzFailure[] = [];
  if (outputs.length !== expected.length) failures.push({ index: -1, input: '', problems: [`${expected.length} non-empty lines in, ${outputs.length} replies out`] });
  outputs.forEach((line, i) => {
    const sent = expected[i] ?? '';
    try {
      const j = JSON.parse(line) as { ok: unknown; answered: unknown; reply: unknown; reference?: unknown };
      const problems: string[] = [];
      if (typeof j.ok !== 'boolean' || typeof j.answered !== 'boolean') problems.push('ok/answered are not booleans');
      if (typeof j.reply !== 'string' || j.reply.trim() === '') problems.push('empty reply');
      if (j.reference !== undefined) problems.push(`internal error: ${String(j.reply)}`);
      if (problems.length) failures.push({ index: i, input: sent, problems });
    } catch {
      failures.push({ index: i, input: sent, problems: [`not JSON: ${line.slice(0, 200)}`] });
    }
  });
  return { lines: lines.length, outputs: outputs.length, failures };
}

/** A failure list as readable text for an assertion message. */
export function describeFailures(seed: number, failures: FuzzFailure[]): string {
  if (failures.length === 0) return '';
  const head = `${failures.length} failing inputs (reproduce with FUZZ_SEED=${seed}):`;
  return [head, ...failures.slice(0, 20).map((f) => `  #${f.index} ${shown(f.input)}\n    ${f.problems.join('\n    ')}`)].join('\n');
}
