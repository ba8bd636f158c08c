/**
 * Benchmark 5, start-up and memory of the bot process with both adapters. Spawns the built
 * `node dist/cli.js start` with Slack in HTTP mode and Discord, both pointed at fakes started
 * here, times spawn → `kajaani-bot running:` on stderr, has it answer one slash command on
 * each platform, then reads its peak RSS (VmHWM). Baseline: a bare `node -e 0` (spawn to
 * exit, and its peak RSS), alternating with the bot. Targets: ready < 1 s, RSS < 150 MB.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FakeSlack, sign } from '../test/fakes/slack/fake-slack.js';
import { slashCommand } from '../test/fakes/slack/payloads.js';
import { FakeDiscord, opt } from '../test/fakes/discord/fake-discord.js';
import { figure, type Figure } from './lib/figures.js';
import { botEnv, freePort, load1, root, tempDir } from './lib/env.js';
import { peakRssKb, profileArgs, runOnce, spawnNode, stop, waitForLine } from './lib/proc.js';
import { median } from './lib/stats.js';

const RUNS = 3;
const SECRET = 'bench-signing-secret';

interface Run {
  readyMs: number;
  slackAnswerMs: number;
  discordAnswerMs: number;
  peakRssKb: number | null;
  load: number;
}

async function startOnce(dir: string, i: number): Promise<Run> {
  const slack = await FakeSlack.start();
  const discord = await FakeDiscord.start();
  const port = await freePort();
  const env = botEnv({
    BOT_DB_PATH: path.join(dir, `start-${i}.db`),
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
  const child = spawnNode([...profileArgs('start'), path.join(root, 'dist', 'cli.js'), 'start'], { env, cwd: dir });
  try {
    const line = await waitForLine(child, 'stderr', /kajaani-bot running:/, 30_000);
    const readyMs = performance.now() - t0;
    if (!/slack/.test(line) || !/discord/.test(line)) throw new Error(`expected both adapters, got: ${line}`);

    let t = performance.now();
    const body = new URLSearchParams(slashCommand('who are the parties?', { responseUrl: slack.responseUrl('start') })).toString();
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(SECRET, ts, body) },
      body,
    });
    if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
    await slack.waitForResponse('start', 1, 10_000);
    const slackAnswerMs = performance.now() - t;

    t = performance.now();
    const { id } = discord.chatInput('ask', [opt.string('question', 'Who are the parties?')]);
    await discord.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`), 10_000);
    const discordAnswerMs = performance.now() - t;

    return { readyMs, slackAnswerMs, discordAnswerMs, peakRssKb: peakRssKb(child.pid!), load: l };
  } finally {
    await stop(child);
    await slack.stop();
    await discord.close();
  }
}

export async function benchStartup(): Promise<{ figures: Figure[]; detail: Record<string, unknown> }> {
  const tmp = tempDir('kajaani-bench-start-');
  const runs: Run[] = [];
  const bare: { ms: number; rssKb: number | null }[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      bare.push(runOnce(process.execPath, ['-e', '0'], { env: botEnv({}), cwd: tmp.dir }));
      runs.push(await startOnce(tmp.dir, i));
    }
  } finally {
    tmp.remove();
  }
  const rss = runs.some((r) => r.peakRssKb === null) ? null : Math.max(...runs.map((r) => r.peakRssKb!)) / 1024;
  const bareRss = bare.some((r) => r.rssKb === null) ? null : Math.max(...bare.map((r) => r.rssKb!)) / 1024;
  const g = '5 start';
  return {
    figures: [
      figure({ group: g, name: 'start → ready, Slack HTTP + Discord', unit: 'ms', ours: median(runs.map((r) => r.readyMs)), baseline: median(bare.map((b) => b.ms)), target: { kind: 'max', value: 1000, text: '< 1000 ms' } }),
      figure({ group: g, name: 'peak RSS after one answer on each', unit: 'MB', ours: rss, baseline: bareRss, target: { kind: 'max', value: 150, text: '< 150 MB' } }),
    ],
    detail: { runs, bareNode: bare, command: 'node dist/cli.js start', ready: 'stderr line "kajaani-bot running:"' },
  };
}
