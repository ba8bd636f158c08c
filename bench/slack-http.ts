/**
 * Benchmark 2, Slack slash commands over HTTP. Signed `/kajaani <question>` requests over
 * loopback, from autocannon (programmatic, same connections and duration for both sides), to:
 *   - the full bot: the real createApp + startSlack, answering every question through the
 *     core, in the acknowledgement (the HTTP response) or, when that does not fit, through
 *     the response_url on a fake Slack;
 *   - a bare Bolt app whose handler only acks (the most the same Bolt can do here), the
 *     baseline the target is set against;
 *   - for context, a bare Bolt app that acks and posts a fixed "ok" to the response_url: the
 *     SDK and HTTP cost of answering at all, without the bot's work.
 * Like with like: the three run the same Bolt with the same receiver, options and log level
 * (see slack-server.ts), get the same signed requests over the same connections, and are
 * measured in the same rounds; the bot's extra work (replay guard, core, rendering the
 * answer into the ack) is what the ratio shows. The bare app's "answered" is its acks: it
 * is the ceiling, not an app that answers.
 * Each server runs in its own child process (see slack-server.ts), started once; the fake
 * Slack and the load generator run here. The three are measured in interleaved rounds (every
 * round loads each server once, the order turning each round, and waits until the loaded
 * server has answered everything before the next one starts), so load drift from other work
 * on the machine hits all of them. Target: answered/s at least 0.8× the bare app, per round,
 * median over the rounds, and the ack latency p99 under load within 2× the bare app's.
 * Completed answers/s (acks that carried the answer, plus response_url answers that arrived
 * within the window) are reported beside acked req/s.
 *
 * Every request is signed afresh with its own trigger id, as Slack sends them: the bot
 * refuses a signed request it has already seen (a replay), so re-sending the same bytes
 * would measure the refusal.
 */
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { FakeSlack, sign, waitFor } from '../test/fakes/slack/fake-slack.js';
import { slashCommand } from '../test/fakes/slack/payloads.js';
import type { ChildProcess } from 'node:child_process';
import { roundsFigure, type Figure } from './lib/figures.js';
import { botEnv, freePort, load1, root, tempDir } from './lib/env.js';
import { cpuMs, profileArgs, spawnNode, stop, waitForLine } from './lib/proc.js';
import { interleave } from './lib/rounds.js';

const SECRET = 'bench-signing-secret';
/**
 * 10 connections × 3 s per side per round, 5 rounds, after a 1 s warm-up per server: 45 s
 * under load in all, so a full `npm run bench` stays within about five minutes.
 */
export const LOAD = { connections: 10, durationS: 3, warmupS: 1, rounds: 5 };
const MODES = ['bare', 'echo', 'full'] as const;
/** A few real questions, so the answer cache of no layer turns it into one repeated request. */
const QUESTIONS = [
  'who are the parties?',
  'How many new companies is the goal?',
  'Keitä osapuolet ovat?',
  'What is CEMIS?',
  'How much funding does the agreement have?',
  'Montako datakeskusoperaattoria tavoitellaan?',
  'When does the agreement end?',
  'What are the focus areas?',
];

type Mode = (typeof MODES)[number];

interface Round {
  mode: Mode;
  round: number;
  load: number;
  ackedPerS: number;
  completedPerS: number | null;
  /** ms from the end of the load until every acked request had been answered. */
  drainMs: number | null;
  /** Server-process CPU (user + system) per acked request in the window, ms. */
  cpuPerRequestMs: number | null;
  latencyP50: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
}

let sent = 0;
/** The i-th question as Slack sends it: its own trigger id, signed now. */
function signedRequest(fake: FakeSlack, mode: Mode, q: number): { headers: Record<string, string>; body: string } {
  const body = new URLSearchParams(slashCommand(QUESTIONS[q]!, { responseUrl: fake.responseUrl(`${mode}-${q}`), triggerId: `${++sent}.${mode}.bench` })).toString();
  const ts = Math.floor(Date.now() / 1000);
  return { headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(SECRET, ts, body) }, body };
}

/** Acks that carried a message (the answer), per server. */
const ackAnswers: Record<Mode, number> = { bare: 0, echo: 0, full: 0 };

/** True for an acknowledgement whose body is a message (Slack shows it as the answer). */
const carriesAnswer = (status: number, body: string): boolean => status === 200 && body.startsWith('{') && body.includes('"response_type"');

async function load(url: string, fake: FakeSlack, mode: Mode, durationS: number): Promise<Result> {
  let n = 0;
  const request = {
    method: 'POST',
    path: '/slack/events',
    setupRequest: (req: object) => ({ ...req, ...signedRequest(fake, mode, n++ % QUESTIONS.length) }),
    onResponse: (status: number, body: string) => {
      if (carriesAnswer(status, body)) ackAnswers[mode]++;
    },
  };
  return autocannon({ url, connections: LOAD.connections, pipelining: 1, duration: durationS, timeout: 10, requests: [request] });
}

/**
 * Answers completed so far by one server: acks that carried the answer, plus response_url
 * answers, counting multi-message replies once (posts per question are calibrated).
 */
function completed(fake: FakeSlack, mode: Mode, postsPerQuestion: number[]): number {
  const posts = new Array<number>(QUESTIONS.length).fill(0);
  const prefix = `${mode}-`;
  for (const r of fake.responses) {
    if (!r.id.startsWith(prefix) || r.via !== 'response_url') continue;
    const i = Number(r.id.slice(prefix.length));
    if (Number.isInteger(i) && i < posts.length) posts[i]!++;
  }
  return ackAnswers[mode] + posts.reduce((n, p, i) => n + p / (postsPerQuestion[i] || 1), 0);
}

/** One running server: its child process, URL and calibration. */
interface Server {
  mode: Mode;
  child: ChildProcess;
  url: string;
  postsPerQuestion: number[];
}

/** Starts one server, calibrates it (posts per answer) and warms it up. */
async function startServer(mode: Mode, fake: FakeSlack, dbDir: string): Promise<Server> {
  const port = await freePort();
  const env = botEnv({
    BOT_DB_PATH: path.join(dbDir, `slack-${mode}.db`),
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_PORT: String(port),
    SLACK_API_URL: fake.apiUrl,
  });
  const child = spawnNode([...profileArgs(`slack-${mode}`), '--import', import.meta.resolve('tsx'), path.join(root, 'bench', 'slack-server.ts'), mode], { env, cwd: dbDir });
  const server: Server = { mode, child, url: `http://127.0.0.1:${port}/slack/events`, postsPerQuestion: [] };
  await waitForLine(child, 'stdout', /^ready$/, 30_000);
  // Calibrate: each question once, to learn how it is answered: in the ack (no posts) or in
  // how many response_url posts.
  if (mode !== 'bare') {
    for (let i = 0; i < QUESTIONS.length; i++) {
      const r = signedRequest(fake, mode, i);
      const res = await fake.deliver(server.url, r.body, r.headers['content-type']!, { timestamp: Number(r.headers['x-slack-request-timestamp']), signature: r.headers['x-slack-signature']! });
      if (res.status !== 200) throw new Error(`${mode} answered ${res.status} to a signed slash command`);
      if (carriesAnswer(res.status, res.text)) ackAnswers[mode]++;
      await fake.waitForResponse(`${mode}-${i}`, 1, 10_000);
      await new Promise((r) => setTimeout(r, 50));
      server.postsPerQuestion.push(fake.responses.filter((p) => p.id === `${mode}-${i}` && p.via === 'response_url').length);
    }
  }
  const c0 = completed(fake, mode, server.postsPerQuestion);
  const warm = await load(server.url, fake, mode, LOAD.warmupS);
  // The warm-up's answers finish before any window opens, so none is counted in one.
  if (mode !== 'bare') await waitFor(() => completed(fake, mode, server.postsPerQuestion) - c0 >= warm['2xx'] - 0.001 || undefined, 'the warm-up answers', 30_000);
  return server;
}

/** One measured window on one server; waits until it has answered every acked request. */
async function measure(server: Server, fake: FakeSlack, round: number): Promise<Round> {
  const { mode, child, postsPerQuestion } = server;
  const before = completed(fake, mode, postsPerQuestion);
  const l = load1();
  const cpu0 = cpuMs(child.pid!);
  const result = await load(server.url, fake, mode, LOAD.durationS);
  const inWindow = completed(fake, mode, postsPerQuestion) - before;
  const cpu1 = cpuMs(child.pid!);
  const acked = result['2xx'];
  let drainMs: number | null = null;
  if (mode !== 'bare') {
    const t0 = Date.now();
    const drained = () => completed(fake, mode, postsPerQuestion) - before >= acked - 0.001;
    await waitFor(() => drained() || undefined, 'every acked request to be answered', 30_000).catch(() => undefined);
    drainMs = drained() ? Date.now() - t0 : null;
  }
  return {
    mode,
    round,
    load: l,
    ackedPerS: acked / result.duration,
    completedPerS: mode !== 'bare' ? inWindow / result.duration : null,
    drainMs,
    cpuPerRequestMs: cpu0 !== null && cpu1 !== null && acked > 0 ? (cpu1 - cpu0) / acked : null,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export async function benchSlack(): Promise<{ figures: Figure[]; detail: Record<string, unknown> }> {
  const fake = await FakeSlack.start();
  const tmp = tempDir('kajaani-bench-slack-');
  const servers: Server[] = [];
  const rounds: Round[] = [];
  try {
    for (const mode of MODES) servers.push(await startServer(mode, fake, tmp.dir));
    await interleave(MODES, LOAD.rounds, async (mode, round) => {
      const r = await measure(servers.find((s) => s.mode === mode)!, fake, round);
      rounds.push(r);
      return r.ackedPerS;
    });
  } finally {
    await Promise.all(servers.map((s) => stop(s.child)));
    await fake.stop();
    tmp.remove();
  }
  // Per side, in round order, so ours[i] and baseline[i] were measured in the same round.
  const of = (m: Mode) => rounds.filter((r) => r.mode === m).sort((a, b) => a.round - b.round);
  const col = (m: Mode, f: (r: Round) => number | null) => of(m).map((r) => f(r) ?? NaN);
  const g = '2 slack';
  const failures = rounds.reduce((n, r) => n + r.non2xx + r.errors, 0);
  const unanswered = of('full').some((r) => r.drainMs === null);
  return {
    figures: [
      roundsFigure({
        group: g,
        name: `slash commands acked (${LOAD.connections} conn × ${LOAD.durationS} s)`,
        unit: 'req/s',
        ours: col('full', (r) => r.ackedPerS),
        baseline: col('bare', (r) => r.ackedPerS),
        target: { kind: 'min-ratio', value: 0.8, text: '≥ 0.8× bare Bolt' },
        ...(failures > 0 ? { note: `${failures} non-2xx/errors` } : {}),
      }),
      roundsFigure({
        group: g,
        name: 'slash commands answered (in the ack or via response_url)',
        unit: 'ans/s',
        ours: col('full', (r) => r.completedPerS),
        baseline: col('bare', (r) => r.ackedPerS),
        target: { kind: 'min-ratio', value: 0.8, text: '≥ 0.8× bare Bolt' },
        ...(unanswered ? { note: 'some acked requests never answered' } : {}),
      }),
      roundsFigure({
        group: g,
        name: 'answered vs bare Bolt that acks + posts "ok"',
        unit: 'ans/s',
        ours: col('full', (r) => r.completedPerS),
        baseline: col('echo', (r) => r.completedPerS),
      }),
      roundsFigure({ group: g, name: 'server CPU per slash command', unit: 'ms', ours: col('full', (r) => r.cpuPerRequestMs), baseline: col('bare', (r) => r.cpuPerRequestMs) }),
      roundsFigure({
        group: g,
        name: 'ack latency p99 under load',
        unit: 'ms',
        ours: col('full', (r) => r.latencyP99),
        baseline: col('bare', (r) => r.latencyP99),
        target: { kind: 'max-ratio', value: 2, text: '≤ 2× bare Bolt' },
      }),
    ],
    detail: { load: LOAD, order: 'rounds of bare, echo, full; the order turns each round', questions: QUESTIONS, echoCpuPerRequestMs: col('echo', (r) => r.cpuPerRequestMs), rounds },
  };
}
