/**
 * The load check shared by load.test.ts (light) and load.rel.ts (200 + 200): many concurrent
 * signed Slack slash commands over HTTP and many Discord interactions through the gateway,
 * each against the real adapter, the real core and a real SQLite file, with the fakes on
 * 127.0.0.1. Questions and commands are mixed, and an admin's /report writes happen at the
 * same time as the reads.
 *
 * Slack: every request is acknowledged (HTTP 200) within Slack's 3 s window, measured per
 * request; every command gets exactly one answer, in its ack or as a response_url post
 * (none twice, none missing).
 * Discord: every interaction gets exactly one callback within 3 s of its dispatch, and a
 * deferred one exactly one edit (or, for a private answer, the delete + one follow-up).
 */
import { InteractionResponseType } from 'discord.js';
import { waitFor } from '../fakes/slack/fake-slack.js';
import { slashCommand } from '../fakes/slack/payloads.js';
import { snowflake, opt, type CommandOption, type FakeUser } from '../fakes/discord/fake-discord.js';
import { SECRET, startHarness as startSlackHarness } from '../adapters/slack/harness.js';
import { startHarness as startDiscordHarness } from '../adapters/discord/harness.js';

/** Slack's (and Discord's) answer window. */
export const WINDOW_MS = 3000;

export interface SlackLoadResult {
  sent: number;
  statuses: Record<number, number>;
  maxAckMs: number;
  p50AckMs: number;
  /** Commands with exactly one answer (in the ack or a response_url post). */
  answeredOnce: number;
  /** Commands with more than one post. */
  duplicates: string[];
  /** Commands with none. */
  missing: string[];
  /** Posts to ids that were never sent. */
  strays: number;
  /** Outcomes stored by the /report commands, and how many were sent. */
  reportsStored: number;
  reportsSent: number;
  /** Answers that were the "something went wrong" apology. */
  apologies: number;
  wallMs: number;
}

const SLACK_MIX = (i: number): { text: string; user: string; report: boolean } => {
  switch (i % 5) {
    case 0:
      return { text: `who are the parties? (${i})`, user: `UQ${i}`, report: false };
    case 1:
      return { text: 'progress companies', user: `UP${i}`, report: false };
    case 2:
      // U123 is an admin (BOT_ADMINS in the Slack harness).
      return { text: `report companies "Load Test ${i} Oy" party=KAMK`, user: 'U123', report: true };
    case 3:
      return { text: 'how many companies so far?', user: `UH${i}`, report: false };
    default:
      return { text: 'outcomes companies party=KAMK', user: `UO${i}`, report: false };
  }
};

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Fires `n` signed slash commands at once at the Slack adapter in HTTP mode. */
export async function runSlackLoad(n: number): Promise<SlackLoadResult> {
  const h = await startSlackHarness();
  try {
    const ids = Array.from({ length: n }, (_, i) => `load-${i}`);
    const started = Date.now();
    const sent = ids.map((id, i) => {
      const { text, user } = SLACK_MIX(i);
      const body = new URLSearchParams(slashCommand(text, { user, responseUrl: h.fake.responseUrl(id) })).toString();
      const t0 = performance.now();
      return h.fake.deliver(h.url, body, 'application/x-www-form-urlencoded', { secret: SECRET }).then((res) => ({ status: res.status, ms: performance.now() - t0 }));
    });
    const acks = await Promise.all(sent);
    const idSet = new Set(ids);
    const count = (id: string) => h.fake.responses.filter((r) => r.id === id).length;
    // Everything answered (or the time is up), then a quiet moment in which a second answer would show.
    await waitFor(() => ids.every((id) => count(id) > 0) || undefined, 'an answer to every command', 30_000).catch(() => undefined);
    const wallMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, 500));
    const statuses: Record<number, number> = {};
    for (const a of acks) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const times = acks.map((a) => a.ms);
    const reportsSent = ids.filter((_, i) => SLACK_MIX(i).report).length;
    const reportsStored = (h.app.services.store.db.prepare("SELECT count(*) AS n FROM outcomes WHERE title LIKE 'Load Test % Oy'").get() as { n: number }).n;
    return {
      sent: n,
      statuses,
      maxAckMs: Math.max(...times),
      p50AckMs: percentile(times, 50),
      answeredOnce: ids.filter((id) => count(id) === 1).length,
      duplicates: ids.filter((id) => count(id) > 1),
      missing: ids.filter((id) => count(id) === 0),
      strays: h.fake.responses.filter((r) => !idSet.has(r.id)).length,
      reportsStored,
      reportsSent,
      apologies: h.fake.responses.filter((r) => idSet.has(r.id) && /something went wrong|Reference:/.test(String(r.body.text))).length,
      wallMs,
    };
  } finally {
    await h.close();
  }
}

export interface DiscordLoadResult {
  sent: number;
  /** Largest time from dispatch to the interaction's (first) callback. */
  maxCallbackMs: number;
  p50CallbackMs: number;
  /** Interactions answered exactly once (a direct reply, or a defer + one edit). */
  answeredOnce: number;
  deferred: number;
  /** Interactions with more than one callback, or more than one edit after a defer. */
  duplicates: string[];
  /** Interactions with no callback, or deferred and never edited. */
  missing: string[];
  /** Callbacks later than the 3 s window. */
  expired: string[];
  reportsStored: number;
  reportsSent: number;
  apologies: number;
  wallMs: number;
}

/** Dispatches `n` INTERACTION_CREATEs (/ask, /progress, /outcomes, an admin's /report) through the fake gateway. */
export async function runDiscordLoad(n: number): Promise<DiscordLoadResult> {
  const admin: FakeUser = { id: snowflake(), username: 'admin' };
  const h = await startDiscordHarness({ env: { BOT_ADMINS: `discord:${admin.id}` } });
  try {
    const mix = (i: number): { name: string; options: CommandOption[]; user?: FakeUser; report: boolean } => {
      switch (i % 4) {
        case 0:
          return { name: 'ask', options: [opt.string('question', `Who are the parties? (${i})`)], report: false };
        case 1:
          return { name: 'progress', options: i % 8 === 1 ? [opt.string('goal', 'companies')] : [], report: false };
        case 2:
          return { name: 'report', options: [opt.string('goal', 'companies'), opt.string('title', `Load Test ${i} Oy`), opt.string('party', 'KAMK')], user: admin, report: true };
        default:
          return { name: 'ask', options: [opt.string('question', 'how many companies so far?')], report: false };
      }
    };
    const sent: { id: string; token: string; at: number }[] = [];
    const started = Date.now();
    for (let i = 0; i < n; i++) {
      const m = mix(i);
      const at = Date.now();
      const { id, token } = h.fake.chatInput(m.name, m.options, m.user);
      sent.push({ id, token, at });
    }
    const live = () => h.fake.requests.filter((r) => !(r.body as { rateLimited?: boolean } | null)?.rateLimited);
    const callbacksOf = (id: string) => live().filter((r) => r.method === 'POST' && new RegExp(`^/interactions/${id}/[^/]+/callback$`).test(r.path));
    const editsOf = (token: string) => live().filter((r) => (r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`)) || (r.method === 'POST' && r.path.endsWith(`/${token}`)));
    const answered = (s: { id: string; token: string }): boolean => {
      const cbs = callbacksOf(s.id);
      if (cbs.length === 0) return false;
      return cbs[0]!.body?.type !== InteractionResponseType.DeferredChannelMessageWithSource || editsOf(s.token).length > 0;
    };
    await waitFor(() => sent.every(answered) || undefined, 'an answer to every interaction', 30_000).catch(() => undefined);
    const wallMs = Date.now() - started;
    await new Promise((r) => setTimeout(r, 500));
    const delays: number[] = [];
    const result: DiscordLoadResult = { sent: n, maxCallbackMs: 0, p50CallbackMs: 0, answeredOnce: 0, deferred: 0, duplicates: [], missing: [], expired: [], reportsStored: 0, reportsSent: 0, apologies: 0, wallMs };
    for (const s of sent) {
      const cbs = callbacksOf(s.id);
      if (cbs.length === 0) {
        result.missing.push(s.id);
        continue;
      }
      const first = cbs[0]!;
      const ms = first.at - s.at;
      delays.push(ms);
      if (ms > WINDOW_MS) result.expired.push(s.id);
      if (/Reference: /.test(String(first.body?.data?.content ?? ''))) result.apologies++;
      const edits = editsOf(s.token);
      if (first.body?.type === InteractionResponseType.DeferredChannelMessageWithSource) {
        result.deferred++;
        if (edits.length === 0) result.missing.push(s.id);
        else if (cbs.length > 1 || edits.filter((e) => e.method === 'PATCH').length > 1) result.duplicates.push(s.id);
        else result.answeredOnce++;
      } else if (cbs.length > 1) result.duplicates.push(s.id);
      else result.answeredOnce++;
    }
    result.maxCallbackMs = Math.max(0, ...delays);
    result.p50CallbackMs = percentile(delays, 50);
    result.reportsSent = Array.from({ length: n }, (_, i) => mix(i)).filter((m) => m.report).length;
    result.reportsStored = (h.app.services.store.db.prepare("SELECT count(*) AS n FROM outcomes WHERE title LIKE 'Load Test % Oy'").get() as { n: number }).n;
    return result;
  } finally {
    await h.close();
  }
}
