/**
 * Benchmark 5, start-up and memory of the built `kajaani-bot` (dist/cli.js, or $BENCH_CLI).
 * With $BENCH_BEFORE_CLI (another build's cli.js, e.g. an older commit's), that build runs in
 * the same rounds too, and the figures compare it with ours ("which change helped").
 *   - `start` with Slack in HTTP mode and Discord, both pointed at fakes started here: spawn →
 *     `kajaani-bot running:` on stderr, then one slash command answered on each platform, then
 *     its peak RSS (VmHWM). Targets: ready < 1 s, RSS < 150 MB.
 *   - one-shot `ask` and the console (`console --json`, one question on a pipe): spawn → exit.
 *     Target: < 200 ms.
 * Baseline: a bare `node -e 0`. Each round runs every side once, the order turning each round;
 * a warm-up run of each first creates the database and fills the knowledge and index caches,
 * so the rounds measure a restart, as in production.
 *
 * Where the time goes: the bot marks each step on the performance timeline (`kajaani:*` marks
 * in src/main.ts, src/cli.ts, src/adapters/start.ts), and bench/lib/marks-preload.cjs, loaded
 * with `--import`, prints them; the step table gives each step's median over the rounds.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeSlack } from '../test/fakes/slack/fake-slack.js';
import { slashCommand } from '../test/fakes/slack/payloads.js';
import { FakeDiscord, opt } from '../test/fakes/discord/fake-discord.js';
import { roundsFigure, type Figure } from './lib/figures.js';
import { botEnv, freePort, load1, root, tempDir } from './lib/env.js';
import { peakRssKb, profileArgs, runOnce, spawnNode, stop, waitForLine } from './lib/proc.js';
import { interleave } from './lib/rounds.js';
import { median } from './lib/stats.js';

/** Rounds per side: a start with both adapters takes ~1–2 s, so 5 rounds fit in ~30 s. */
const ROUNDS = 5;
const SECRET = 'bench-signing-secret';
const CLI = process.env.BENCH_CLI ? path.resolve(process.env.BENCH_CLI) : path.join(root, 'dist', 'cli.js');
const BEFORE_CLI = process.env.BENCH_BEFORE_CLI ? path.resolve(process.env.BENCH_BEFORE_CLI) : undefined;
const PRELOAD = path.join(root, 'bench', 'lib', 'marks-preload.cjs');
const QUESTION = 'How many new companies is the goal?';

/** Milliseconds since the process's time origin, per mark name (`config`, `store`, `ready`…). */
type Marks = Record<string, number>;

interface StartRun {
  readyMs: number;
  slackAnswerMs: number;
  discordAnswerMs: number;
  peakRssKb: number | null;
  marks: Marks;
  load: number;
}

function parseMarks(stderr: string): Marks {
  const line = stderr.split('\n').find((l) => l.startsWith('kajaani-marks '));
  return line ? (JSON.parse(line.slice('kajaani-marks '.length)) as Marks) : {};
}

/** One `start` with both adapters against fresh fakes, on the given database. */
async function startOnce(cli: string, dir: string, db: string): Promise<StartRun> {
  const slack = await FakeSlack.start();
  const discord = await FakeDiscord.start();
  const port = await freePort();
  const env = botEnv({
    BOT_DB_PATH: db,
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_PORT: String(port),
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: 'bench-discord-token',
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_URL: discord.apiUrl,
  });
  const l = load1();
  const t0 = performance.now();
  const child = spawnNode([...profileArgs('start'), '--require', PRELOAD, cli, 'start'], { env, cwd: dir });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  try {
    const line = await waitForLine(child, 'stderr', /kajaani-bot running:/, 30_000);
    const readyMs = performance.now() - t0;
    if (!/slack/.test(line) || !/discord/.test(line)) throw new Error(`expected both adapters, got: ${line}`);

    let t = performance.now();
    const body = new URLSearchParams(slashCommand('who are the parties?', { responseUrl: slack.responseUrl('start') })).toString();
    // The answer comes in the acknowledgement or through the response_url; the fake records either.
    const res = await slack.deliver(`http://127.0.0.1:${port}/slack/events`, body, 'application/x-www-form-urlencoded', { secret: SECRET });
    if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
    await slack.waitForResponse('start', 1, 10_000);
    const slackAnswerMs = performance.now() - t;

    t = performance.now();
    const { id } = discord.chatInput('ask', [opt.string('question', 'Who are the parties?')]);
    await discord.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`), 10_000);
    const discordAnswerMs = performance.now() - t;

    return { readyMs, slackAnswerMs, discordAnswerMs, peakRssKb: peakRssKb(child.pid!), marks: parseMarks(stderr), load: l };
  } finally {
    await stop(child);
    await slack.stop();
    await discord.close();
  }
}

interface OneShot {
  ms: number;
  rssKb: number | null;
  marks: Marks;
}

/** `ask` or `console --json` with one question, spawn to exit. */
function oneShot(cli: string, kind: 'ask' | 'console', dir: string, db: string): OneShot {
  const env = botEnv({ BOT_DB_PATH: db });
  const args = kind === 'ask' ? ['--require', PRELOAD, cli, 'ask', QUESTION] : ['--require', PRELOAD, cli, 'console', '--json'];
  const r = runOnce(process.execPath, args, { env, cwd: dir, ...(kind === 'console' ? { input: `${QUESTION}\n` } : {}) });
  return { ms: r.ms, rssKb: r.rssKb, marks: parseMarks(r.stderr) };
}

/**
 * The steps between consecutive marks, named by the mark that ends them. `spawnMs` (when
 * known) gives the step before Node's clock starts: exec, loading the node binary.
 */
const STEP_NAMES: Record<string, string> = {
  'node:bootstrap': 'node bootstrap',
  'node:preload': 'bench preload (--require)',
  cli: 'module loading (static imports of cli.js; after the compile step: running them)',
  config: 'config (zod schema over the environment)',
  logger: 'logger (pino)',
  knowledge: 'knowledge files (cached JSON + zod validation)',
  index: 'answer index (cached) + answerer',
  store: 'store open + migrations',
  app: 'bot (commands)',
  answered: 'the answer',
  'slack-imported': 'import the Slack adapter + @slack/bolt',
  'slack-ready': 'Bolt app start (HTTP listen)',
  'discord-imported': 'import the Discord adapter + discord.js',
  'discord-ready': 'discord.js login → gateway ready',
  scheduler: 'digest scheduler',
  ready: 'ready',
};

function steps(marks: Marks, endMs: number | null): Record<string, number> {
  const ordered = Object.entries(marks).sort((a, b) => a[1] - b[1]);
  const out: Record<string, number> = {};
  let prev = 0;
  for (const [name, at] of ordered) {
    const compiled = /^compile:(.+):(used|rejected|none)$/.exec(name);
    out[compiled ? `compile ${compiled[1]} (code cache: ${compiled[2]})` : (STEP_NAMES[name] ?? name)] = at - prev;
    prev = at;
  }
  if (endMs !== null && ordered.length > 0) out['until the parent saw it (exec before Node\'s clock, exit, pipes)'] = endMs - prev;
  return out;
}

/** Median of each step over the runs, rounded to 0.1 ms, in the order of the first run. */
function medianSteps(runs: Record<string, number>[]): Record<string, number> {
  const names = runs[0] ? Object.keys(runs[0]) : [];
  return Object.fromEntries(names.map((n) => [n, Math.round(median(runs.map((r) => r[n] ?? NaN).filter(Number.isFinite)) * 10) / 10]));
}

function stepLines(title: string, s: Record<string, number>): string[] {
  return [title, ...Object.entries(s).map(([n, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${n}`)];
}

/** Everything measured of one build. */
interface BuildRuns {
  starts: StartRun[];
  asks: OneShot[];
  consoles: OneShot[];
  warm?: { start: StartRun; ask: OneShot };
}

export async function benchStartup(): Promise<{ figures: Figure[]; detail: Record<string, unknown>; notes: string[] }> {
  const tmp = tempDir('kajaani-bench-start-');
  const builds: [string, string][] = [['ours', CLI], ...(BEFORE_CLI ? ([['before', BEFORE_CLI]] as [string, string][]) : [])];
  const runs = new Map<string, BuildRuns>(builds.map(([label]) => [label, { starts: [], asks: [], consoles: [] }]));
  const bare: { ms: number; rssKb: number | null }[] = [];
  try {
    // Warm-up: creates each build's database and fills the knowledge and index caches (a first start).
    for (const [label, cli] of builds) {
      const db = path.join(tmp.dir, `${label}.db`);
      runs.get(label)!.warm = { ask: oneShot(cli, 'ask', tmp.dir, db), start: await startOnce(cli, tmp.dir, db) };
    }
    const sides = ['bare', ...builds.flatMap(([label]) => [`${label}:ask`, `${label}:console`, `${label}:start`])];
    await interleave(sides, ROUNDS, async (side) => {
      if (side === 'bare') {
        bare.push(runOnce(process.execPath, ['-e', '0'], { env: botEnv({}), cwd: tmp.dir }));
        return 0;
      }
      const [label, kind] = side.split(':') as [string, 'ask' | 'console' | 'start'];
      const cli = builds.find(([l]) => l === label)![1];
      const r = runs.get(label)!;
      const db = path.join(tmp.dir, `${label}.db`);
      if (kind === 'start') r.starts.push(await startOnce(cli, tmp.dir, db));
      else (kind === 'ask' ? r.asks : r.consoles).push(oneShot(cli, kind, tmp.dir, db));
      return 0;
    });
  } finally {
    tmp.remove();
  }
  const mb = (kb: number | null) => (kb === null ? NaN : kb / 1024);
  const bareMs = bare.map((b) => b.ms);
  const bareRss = bare.map((b) => mb(b.rssKb));
  const g = '5 start';
  const ours = runs.get('ours')!;
  const figures: Figure[] = [
    roundsFigure({ group: g, name: 'start → ready, Slack HTTP + Discord', unit: 'ms', ours: ours.starts.map((r) => r.readyMs), baseline: bareMs, target: { kind: 'max', value: 1000, text: '< 1000 ms' } }),
    roundsFigure({ group: g, name: 'peak RSS after one answer on each', unit: 'MB', ours: ours.starts.map((r) => mb(r.peakRssKb)), baseline: bareRss, target: { kind: 'max', value: 150, text: '< 150 MB' } }),
    roundsFigure({ group: g, name: 'one-shot `ask`, spawn → exit', unit: 'ms', ours: ours.asks.map((r) => r.ms), baseline: bareMs, target: { kind: 'max', value: 200, text: '< 200 ms' } }),
    roundsFigure({ group: g, name: '`console --json`, one question on a pipe', unit: 'ms', ours: ours.consoles.map((r) => r.ms), baseline: bareMs, target: { kind: 'max', value: 200, text: '< 200 ms' } }),
    roundsFigure({ group: g, name: 'one-shot `ask` peak RSS', unit: 'MB', ours: ours.asks.map((r) => mb(r.rssKb)), baseline: bareRss }),
  ];
  const before = runs.get('before');
  if (before) {
    const b = 'vs before';
    figures.push(
      roundsFigure({ group: b, name: 'start → ready: ours / the BENCH_BEFORE_CLI build', unit: 'ms', ours: ours.starts.map((r) => r.readyMs), baseline: before.starts.map((r) => r.readyMs) }),
      roundsFigure({ group: b, name: 'one-shot `ask`: ours / before', unit: 'ms', ours: ours.asks.map((r) => r.ms), baseline: before.asks.map((r) => r.ms) }),
      roundsFigure({ group: b, name: '`console --json`: ours / before', unit: 'ms', ours: ours.consoles.map((r) => r.ms), baseline: before.consoles.map((r) => r.ms) }),
      roundsFigure({ group: b, name: 'peak RSS with both adapters: ours / before', unit: 'MB', ours: ours.starts.map((r) => mb(r.peakRssKb)), baseline: before.starts.map((r) => mb(r.peakRssKb)) }),
    );
  }
  const notes: string[] = [];
  const detail: Record<string, unknown> = { rounds: ROUNDS, bareNode: bare, ready: 'stderr line "kajaani-bot running:"' };
  for (const [label, cli] of builds) {
    const r = runs.get(label)!;
    const startSteps = medianSteps(r.starts.map((x) => steps(x.marks, x.readyMs)));
    const askSteps = medianSteps(r.asks.map((x) => steps(x.marks, x.ms)));
    const name = path.relative(root, cli) || cli;
    notes.push(
      ...stepLines(`${label} (${name}): steps of \`start\` (median of ${r.starts.length}; ready after ${median(r.starts.map((x) => x.readyMs)).toFixed(0)} ms, bare node ${median(bareMs).toFixed(0)} ms):`, startSteps),
      ...stepLines(`${label}: steps of one-shot \`ask\` (median of ${r.asks.length}; ${median(r.asks.map((x) => x.ms)).toFixed(0)} ms):`, askSteps),
    );
    detail[label] = {
      cli: name,
      startSteps,
      askSteps,
      firstStart: { readyMs: r.warm?.start.readyMs, askMs: r.warm?.ask.ms, note: 'the warm-up: new database, caches filled if they were empty' },
      starts: r.starts,
      asks: r.asks,
      consoles: r.consoles.map((a) => ({ ms: a.ms, rssKb: a.rssKb })),
    };
  }
  return { figures, notes, detail };
}
