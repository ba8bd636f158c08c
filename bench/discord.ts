/**
 * Benchmark 6, Discord interactions. Slash commands (`/ask question:…`, a few real questions)
 * are dispatched over the fake Discord gateway (test/fakes/discord, gateway and REST on
 * 127.0.0.1) to:
 *   - the full bot: createApp + startDiscord, answering each through the core with embeds;
 *   - a bare discord.js client built by the adapter's own createClient (same intents and
 *     options) that replies "ok" to each: the most the same discord.js can do here.
 * Each runs in its own child process (discord-server.ts) with its own fake, started once. The
 * load is a bounded closed loop: CONCURRENCY interactions in flight; each answer (the
 * interaction callback POST reaching the fake) lets the next one go, for WINDOW_S seconds.
 * Rounds alternate the sides, the order turning each round, and every round waits until the
 * loaded side has answered everything it was sent. Target: answered/s ≥ 0.8× the bare
 * client, median of the per-round ratios.
 *
 * Like with like: each side answers with the same REST calls a minimal correct bot makes,
 * one interaction callback (type 4, the message itself) per slash command and nothing else:
 * the answers here are quick, so the bot sends them straight in the callback and neither side
 * defers, edits or fetches. Both have the same client options (allowed_mentions `parse: []`,
 * caches, intents) and both run from source under the same tsx loader, which makes a
 * `require()` inside discord.js slower than in the production bundle; the bare side's
 * `interaction.reply()` pays that on every reply (its MessagePayload getters), the bot's first
 * reply does not (src/adapters/discord/reply-body.ts). What differs is the work a real answer
 * needs: the core's answer and a 1–2 kB body of embeds and buttons instead of "ok".
 */
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { FakeDiscord, opt, snowflake, type FakeUser } from '../test/fakes/discord/fake-discord.js';
import { roundsFigure, type Figure } from './lib/figures.js';
import { botEnv, load1, root, sleep, tempDir } from './lib/env.js';
import { cpuMs, profileArgs, spawnNode, stop, waitForLine } from './lib/proc.js';
import { interleave } from './lib/rounds.js';

/**
 * 10 interactions in flight, 3 s per side per round, 5 rounds after a 1 s warm-up: 30 s
 * under load in all.
 */
export const DISCORD_LOAD = { concurrency: 10, windowS: 3, warmupS: 1, rounds: 5 };
const SIDES = ['bare', 'full'] as const;
type Side = (typeof SIDES)[number];

const QUESTIONS = [
  'Who are the parties?',
  'How many new companies is the goal?',
  'Keitä osapuolet ovat?',
  'What is CEMIS?',
  'How much funding does the agreement have?',
  'Montako datakeskusoperaattoria tavoitellaan?',
  'When does the agreement end?',
  'What are the focus areas?',
];

/**
 * Askers cycle through 50 users, as on a real server: the core may limit how fast one user
 * can ask, and one user sending hundreds of questions a second is not the case measured.
 */
const USERS: FakeUser[] = Array.from({ length: 50 }, (_, i) => ({ id: snowflake(), username: `asker${i}` }));

interface Server {
  side: Side;
  fake: FakeDiscord;
  child: ChildProcess;
  /** Interaction ids sent and not answered yet. */
  pending: Set<string>;
  answered: number;
  /** Called with each answered interaction's id while a window is open. */
  answeredListener?: (id: string) => void;
}

interface Round {
  side: Side;
  round: number;
  load: number;
  answeredPerS: number;
  /** Server-process CPU (user + system) per answered interaction, ms. */
  cpuPerAnswerMs: number | null;
  latencyP50: number;
  latencyP99: number;
  drainMs: number;
}

let seq = 0;

function send(s: Server, sentAt: Map<string, number>): void {
  const n = seq++;
  const { id } = s.fake.chatInput('ask', [opt.string('question', QUESTIONS[n % QUESTIONS.length]!)], USERS[n % USERS.length]!);
  s.pending.add(id);
  sentAt.set(id, performance.now());
}

/** Keeps CONCURRENCY interactions in flight for `seconds`; returns answers and latencies in the window. */
async function drive(s: Server, seconds: number): Promise<{ answered: number; latencies: number[]; elapsedS: number; drainMs: number }> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let open = true;
  const onAnswer = (id: string) => {
    const t = sentAt.get(id);
    if (t !== undefined) latencies.push(performance.now() - t);
    if (open) send(s, sentAt);
  };
  s.answeredListener = onAnswer;
  const t0 = performance.now();
  const answered0 = s.answered;
  for (let i = 0; i < DISCORD_LOAD.concurrency; i++) send(s, sentAt);
  await sleep(seconds * 1000);
  open = false;
  const elapsedS = (performance.now() - t0) / 1000;
  const answered = s.answered - answered0;
  // Bounded: nothing new is sent, so the in-flight ones drain (or time out).
  const d0 = performance.now();
  const deadline = d0 + 30_000;
  while (s.pending.size > 0 && performance.now() < deadline) await sleep(5);
  if (s.pending.size > 0) throw new Error(`${s.side}: ${s.pending.size} interactions never answered`);
  s.answeredListener = undefined;
  return { answered, latencies, elapsedS, drainMs: performance.now() - d0 };
}

async function startServer(side: Side, dir: string): Promise<Server> {
  const fake = await FakeDiscord.start();
  const env = botEnv({
    BOT_DB_PATH: path.join(dir, `discord-${side}.db`),
    DISCORD_TOKEN: 'bench-discord-token',
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
  });
  const child = spawnNode([...profileArgs(`discord-${side}`), '--import', import.meta.resolve('tsx'), path.join(root, 'bench', 'discord-server.ts'), side], { env, cwd: dir });
  const s: Server = { side, fake, child, pending: new Set(), answered: 0 };
  // An answer is the interaction's callback (reply or defer); follow-ups are not counted again.
  fake.requestObservers.add((r) => {
    const m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path);
    if (r.method !== 'POST' || !m || !s.pending.delete(m[1]!)) return;
    s.answered++;
    s.answeredListener?.(m[1]!);
  });
  try {
    await waitForLine(child, 'stdout', /^ready$/, 60_000);
  } catch (err) {
    await stop(child);
    await fake.close();
    throw err;
  }
  return s;
}

async function measure(s: Server, round: number): Promise<Round> {
  const l = load1();
  const c0 = cpuMs(s.child.pid!);
  const r = await drive(s, DISCORD_LOAD.windowS);
  const c1 = cpuMs(s.child.pid!);
  // Keep the fake's record small: the rounds only need the counts.
  s.fake.requests.length = 0;
  s.fake.frames.length = 0;
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return {
    side: s.side,
    round,
    load: l,
    answeredPerS: r.answered / r.elapsedS,
    cpuPerAnswerMs: c0 !== null && c1 !== null && r.answered > 0 ? (c1 - c0) / r.answered : null,
    latencyP50: q(0.5),
    latencyP99: q(0.99),
    drainMs: r.drainMs,
  };
}

export async function benchDiscord(): Promise<{ figures: Figure[]; detail: Record<string, unknown> }> {
  const tmp = tempDir('kajaani-bench-discord-');
  const servers: Server[] = [];
  const rounds: Round[] = [];
  try {
    for (const side of SIDES) servers.push(await startServer(side, tmp.dir));
    // Warm-up (JIT, caches, the first answers' lazy work) on each, not measured.
    for (const s of servers) await drive(s, DISCORD_LOAD.warmupS);
    await interleave(SIDES, DISCORD_LOAD.rounds, async (side, round) => {
      const r = await measure(servers.find((s) => s.side === side)!, round);
      rounds.push(r);
      return r.answeredPerS;
    });
  } finally {
    for (const s of servers) {
      await stop(s.child);
      await s.fake.close();
    }
    tmp.remove();
  }
  const col = (side: Side, f: (r: Round) => number | null) =>
    rounds
      .filter((r) => r.side === side)
      .sort((a, b) => a.round - b.round)
      .map((r) => f(r) ?? NaN);
  const g = '6 discord';
  return {
    figures: [
      roundsFigure({
        group: g,
        name: `interactions answered (${DISCORD_LOAD.concurrency} in flight × ${DISCORD_LOAD.windowS} s)`,
        unit: 'ans/s',
        ours: col('full', (r) => r.answeredPerS),
        baseline: col('bare', (r) => r.answeredPerS),
        target: { kind: 'min-ratio', value: 0.8, text: '≥ 0.8× bare discord.js' },
      }),
      roundsFigure({ group: g, name: 'bot CPU per interaction', unit: 'ms', ours: col('full', (r) => r.cpuPerAnswerMs), baseline: col('bare', (r) => r.cpuPerAnswerMs) }),
      roundsFigure({ group: g, name: 'answer latency p99 under load', unit: 'ms', ours: col('full', (r) => r.latencyP99), baseline: col('bare', (r) => r.latencyP99) }),
    ],
    detail: { load: DISCORD_LOAD, questions: QUESTIONS, users: USERS.length, rounds },
  };
}
