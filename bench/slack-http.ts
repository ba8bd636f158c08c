/**
 * Benchmark 2, Slack slash commands over HTTP. Signed `/kajaani <question>` requests over
 * loopback, from autocannon (programmatic, same connections and duration for both sides), to:
 *   - the full bot: the real createApp + startSlack, answering every question through the
 *     core and posting the answer to the response_url on a fake Slack;
 *   - a bare Bolt app whose handler only acks (the most the same Bolt can do here), the
 *     baseline the target is set against;
 *   - for context, a bare Bolt app that acks and posts a fixed "ok" to the response_url: the
 *     SDK and HTTP cost of answering at all, without the bot's work.
 * Each server runs in its own child process (see slack-server.ts); the fake Slack and the
 * load generator run here. Sides alternate A-B-B-A so load drift from other work on the
 * machine hits both. Target: acked req/s at least 0.8× the bare app. Completed answers/s
 * (response_url posts that arrived within the window) are reported beside acked req/s.
 */
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { FakeSlack, sign, waitFor } from '../test/fakes/slack/fake-slack.js';
import { slashCommand } from '../test/fakes/slack/payloads.js';
import { figure, type Figure } from './lib/figures.js';
import { botEnv, freePort, load1, root, tempDir } from './lib/env.js';
import { cpuMs, profileArgs, spawnNode, stop, waitForLine } from './lib/proc.js';
import { mean } from './lib/stats.js';

const SECRET = 'bench-signing-secret';
/** 10 connections × 5 s after a 1 s warm-up, per side per round (the suggestion). */
export const LOAD = { connections: 10, durationS: 5, warmupS: 1 };
/** Mirrored order (A-B-C-C-B-A): two measurements per side, drift cancels out. */
const ORDER = ['bare', 'echo', 'full', 'full', 'echo', 'bare'] as const;
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

type Mode = (typeof ORDER)[number];

interface Round {
  mode: Mode;
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

/** One signed request per question; re-signed before every run (Slack accepts 5 minutes). */
function signedRequests(fake: FakeSlack): { method: string; path: string; headers: Record<string, string>; body: string }[] {
  const ts = Math.floor(Date.now() / 1000);
  return QUESTIONS.map((q, i) => {
    const body = new URLSearchParams(slashCommand(q, { responseUrl: fake.responseUrl(`q${i}`) })).toString();
    return {
      method: 'POST',
      path: '/slack/events',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(SECRET, ts, body) },
      body,
    };
  });
}

async function load(url: string, fake: FakeSlack, durationS: number): Promise<Result> {
  return autocannon({ url, connections: LOAD.connections, pipelining: 1, duration: durationS, timeout: 10, requests: signedRequests(fake) });
}

/** Answers completed so far, counting multi-message replies once (posts per question are calibrated). */
function completed(fake: FakeSlack, postsPerQuestion: number[]): number {
  const posts = new Array<number>(QUESTIONS.length).fill(0);
  for (const r of fake.responses) {
    const i = Number(r.id.slice(1));
    if (Number.isInteger(i) && i < posts.length) posts[i]!++;
  }
  return posts.reduce((n, p, i) => n + p / (postsPerQuestion[i] || 1), 0);
}

async function runRound(mode: Mode, fake: FakeSlack, dbDir: string, round: number): Promise<Round> {
  const port = await freePort();
  const env = botEnv({
    BOT_DB_PATH: path.join(dbDir, `slack-${round}.db`),
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_PORT: String(port),
    SLACK_API_URL: fake.apiUrl,
  });
  const child = spawnNode([...profileArgs(`slack-${mode}`), '--import', import.meta.resolve('tsx'), path.join(root, 'bench', 'slack-server.ts'), mode], { env, cwd: dbDir });
  try {
    await waitForLine(child, 'stdout', /^ready$/, 30_000);
    const url = `http://127.0.0.1:${port}/slack/events`;
    fake.responses.length = 0;
    fake.calls.length = 0;
    // Calibrate: each question once, to learn how many response_url posts its answer takes.
    const postsPerQuestion: number[] = [];
    if (mode !== 'bare') {
      for (const [i, r] of signedRequests(fake).entries()) {
        const res = await fetch(url, { method: 'POST', headers: r.headers, body: r.body });
        if (res.status !== 200) throw new Error(`${mode} answered ${res.status} to a signed slash command`);
        await fake.waitForResponse(`q${i}`, 1, 10_000);
        await new Promise((r) => setTimeout(r, 50));
        postsPerQuestion.push(fake.responses.filter((p) => p.id === `q${i}`).length);
      }
    }
    const c0 = completed(fake, postsPerQuestion);
    const warm = await load(url, fake, LOAD.warmupS);
    // The warm-up's answers finish before the window opens, so none is counted in it.
    if (mode !== 'bare') await waitFor(() => completed(fake, postsPerQuestion) - c0 >= warm['2xx'] - 0.001 || undefined, 'the warm-up answers', 30_000);
    const before = completed(fake, postsPerQuestion);
    const l = load1();
    const cpu0 = cpuMs(child.pid!);
    const result = await load(url, fake, LOAD.durationS);
    const inWindow = completed(fake, postsPerQuestion) - before;
    const cpu1 = cpuMs(child.pid!);
    const acked = result['2xx'];
    let drainMs: number | null = null;
    if (mode !== 'bare') {
      const t0 = Date.now();
      await waitFor(() => completed(fake, postsPerQuestion) - before >= acked - 0.001 || undefined, 'every acked request to be answered', 30_000).catch(() => undefined);
      drainMs = completed(fake, postsPerQuestion) - before >= acked - 0.001 ? Date.now() - t0 : null;
    }
    return {
      mode,
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
  } finally {
    await stop(child);
  }
}

export async function benchSlack(): Promise<{ figures: Figure[]; detail: Record<string, unknown> }> {
  const fake = await FakeSlack.start();
  const tmp = tempDir('kajaani-bench-slack-');
  const rounds: Round[] = [];
  try {
    for (const [i, mode] of ORDER.entries()) rounds.push(await runRound(mode, fake, tmp.dir, i));
  } finally {
    await fake.stop();
    tmp.remove();
  }
  const of = (m: Mode) => rounds.filter((r) => r.mode === m);
  const bare = mean(of('bare').map((r) => r.ackedPerS));
  const fullAcked = mean(of('full').map((r) => r.ackedPerS));
  const fullDone = mean(of('full').map((r) => r.completedPerS ?? 0));
  const g = '2 slack';
  const failures = rounds.reduce((n, r) => n + r.non2xx + r.errors, 0);
  const unanswered = of('full').some((r) => r.drainMs === null);
  const echoCpu = mean(of('echo').map((r) => r.cpuPerRequestMs ?? NaN));
  return {
    figures: [
      figure({
        group: g,
        name: `slash commands acked (${LOAD.connections} conn × ${LOAD.durationS} s)`,
        unit: 'req/s',
        ours: fullAcked,
        baseline: bare,
        target: { kind: 'min-ratio', value: 0.8, text: '≥ 0.8× bare Bolt' },
        ...(failures > 0 ? { note: `${failures} non-2xx/errors` } : {}),
      }),
      figure({
        group: g,
        name: 'slash commands answered (response_url posts)',
        unit: 'ans/s',
        ours: fullDone,
        baseline: bare,
        target: { kind: 'min-ratio', value: 0.8, text: '≥ 0.8× bare Bolt' },
        ...(unanswered ? { note: 'some acked requests never answered' } : {}),
      }),
      figure({
        group: g,
        name: 'answered vs bare Bolt that acks + posts "ok"',
        unit: 'ans/s',
        ours: fullDone,
        baseline: mean(of('echo').map((r) => r.completedPerS ?? 0)),
      }),
      figure({
        group: g,
        name: 'server CPU per slash command',
        unit: 'ms',
        ours: mean(of('full').map((r) => r.cpuPerRequestMs ?? NaN)),
        baseline: mean(of('bare').map((r) => r.cpuPerRequestMs ?? NaN)),
      }),
      figure({ group: g, name: 'ack latency p99 under load', unit: 'ms', ours: mean(of('full').map((r) => r.latencyP99)), baseline: mean(of('bare').map((r) => r.latencyP99)) }),
    ],
    detail: { load: LOAD, order: ORDER, questions: QUESTIONS, echoCpuPerRequestMs: echoCpu, rounds },
  };
}
