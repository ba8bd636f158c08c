/**
 * The adapter contract on Slack, for its two surfaces: mentions (Events API, answered in the
 * thread) and the slash command (answered in its acknowledgement, or through the
 * response_url), the slash command over HTTP and in Socket Mode. The real Bolt app runs
 * against the fake Slack; checks read what the fake recorded.
 */
import { describe } from 'vitest';
import { postToApp, waitFor, type ApiCall, type ResponsePost } from '../../fakes/slack/fake-slack.js';
import { eventCallback, mention, message, slashCommand } from '../../fakes/slack/payloads.js';
import { SECRET, startHarness, type Harness } from '../slack/harness.js';
import { LIMITS } from '../../../src/adapters/slack/limits.js';
import { adapterContract, contractWrap, type ContractDriver, type Delivery } from './suite.js';

/** U123 is an admin in the harness; U999 has no role. */
const USERS = { admin: 'U123', stranger: 'U999' } as const;
/** Anything that would notify people on Slack: special mentions, user and group mentions. */
const LIVE = /<!(?:channel|here|everyone)|<!subteam|<@[A-Z0-9]/g;
/** How long to wait for replies that should not come (a second answer, a straggler). */
const SETTLE_MS = 300;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Text as Slack delivers what a user typed: `&`, `<` and `>` escaped. */
const typed = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Sent {
  text?: unknown;
  blocks?: unknown;
}

/** Limits of one message: blocks, section and header texts, context elements, the fallback text. */
/** Block text Slack takes in one message (bolt-js #2509, #2867), and the messages one reply may take (issue 11 items 16, 6). */
const BLOCK_TEXT_PER_MESSAGE = 12_000;
const MESSAGES_PER_REPLY = 4;

function overLimits(m: Sent): string[] {
  const problems: string[] = [];
  const blocks = (m.blocks ?? []) as { type: string; text?: { text: string }; elements?: unknown[] }[];
  if (blocks.length > LIMITS.blocksPerMessage) problems.push(`${blocks.length} blocks`);
  for (const b of blocks) {
    if (b.type === 'section' && (b.text?.text.length ?? 0) > LIMITS.sectionText) problems.push(`section of ${b.text!.text.length}`);
    if (b.type === 'header' && (b.text?.text.length ?? 0) > LIMITS.headerText) problems.push(`header of ${b.text!.text.length}`);
    if (b.type === 'context' && (b.elements?.length ?? 0) > LIMITS.contextElements) problems.push(`context of ${b.elements!.length}`);
  }
  if (String(m.text ?? '').length > LIMITS.fallbackText) problems.push(`text of ${String(m.text).length}`);
  // Slack refuses roughly 12–13k characters of block text in one message (msg_blocks_too_long).
  const blockText = (JSON.stringify(blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? []).reduce((n, t) => n + (JSON.parse(t.slice(7)) as string).length, 0);
  if (blockText > BLOCK_TEXT_PER_MESSAGE) problems.push(`${blockText} characters of block text`);
  return problems;
}

const common = (h: Harness) => ({
  overLimits,
  maxMessages: MESSAGES_PER_REPLY,
  pings: (m: Sent) => JSON.stringify(m).match(LIVE) ?? [],
  text: (m: Sent) => `${String(m.text ?? '')} ${JSON.stringify(m.blocks ?? [])}`,
  logs: () => h.logs,
  inbound: () => h.inbound,
  store: h.app.services.store,
  close: () => h.close(),
});

/** Mentions in channel C123, answered in their thread (errors ephemerally, in the same thread). */
async function mentionsDriver(): Promise<ContractDriver<Sent>> {
  const h = await startHarness({ wrap: contractWrap });
  let seq = 0;
  const event = (ev: Record<string, unknown>, eventId: string, headers: Record<string, string> = {}, timestamp?: number) =>
    postToApp(h.url, JSON.stringify(eventCallback(ev, eventId)), 'application/json', { secret: SECRET, headers, ...(timestamp ? { timestamp } : {}) });
  const sent = new Map<string, { ev: Record<string, unknown>; eventId: string; text: string }>();
  const answersTo = (ts: string) => h.fake.calls.filter((c: ApiCall) => (c.method === 'chat.postMessage' || c.method === 'chat.postEphemeral') && c.args.thread_ts === ts).map((c) => c.args as Sent);
  return {
    async send(text, as = 'stranger') {
      const ts = `1700100${String(++seq).padStart(3, '0')}.000100`;
      const ev = mention(`<@UBOT> ${typed(text)}`, { ts, user: USERS[as] });
      const eventId = `EvContract${seq}`;
      sent.set(ts, { ev, eventId, text: typed(text) });
      await event(ev, eventId);
      return { id: ts };
    },
    async redeliver({ id }: Delivery) {
      const s = sent.get(id)!;
      // Slack's retry of the same event (a new request, signed with the time it is sent), and
      // the same message delivered as a plain channel message.
      await event(s.ev, s.eventId, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }, Math.floor(Date.now() / 1000) + 1);
      await event(message(`<@UBOT> ${s.text}`, { channel: 'C123', channelType: 'channel', ts: id }), `${s.eventId}-message`);
    },
    async sendFromBot(text, who) {
      const ts = `1700200${String(++seq).padStart(3, '0')}.000100`;
      if (who === 'self') await event(message(text, { channel: 'D123', user: 'UBOT', ts }), `EvSelf${seq}`);
      else await event(mention(`<@UBOT> ${text}`, { botId: 'BOTHER', ts }), `EvBot${seq}`);
    },
    async replies({ id }: Delivery, atLeast = 1) {
      await waitFor(() => answersTo(id).length >= atLeast, `${atLeast} answers in thread ${id}`);
      await sleep(SETTLE_MS);
      return answersTo(id);
    },
    ...common(h),
  };
}

/**
 * `/kajaani <text>` over HTTP or in Socket Mode, answered in its acknowledgement (the HTTP
 * response body, the Socket Mode ack's payload) or through its response_url: the fake
 * records both as answers, as Slack shows both.
 */
function slashDriver(socket: boolean): () => Promise<ContractDriver<Sent>> {
  return async () => {
    const h = await startHarness({ wrap: contractWrap, socket });
    let seq = 0;
    const answersTo = (id: string) => h.fake.responses.filter((r: ResponsePost) => r.id === id).map((r) => r.body as Sent);
    return {
      async send(text, as = 'stranger') {
        const id = `contract-${++seq}`;
        const command = slashCommand(typed(text), { user: USERS[as], responseUrl: h.fake.responseUrl(id) });
        if (socket) await h.fake.push('slash_commands', command);
        else await h.fake.deliver(h.url, new URLSearchParams(command).toString(), 'application/x-www-form-urlencoded', { secret: SECRET });
        return { id };
      },
      redeliver: () => Promise.reject(new Error('Slack does not redeliver slash commands')),
      sendFromBot: () => Promise.reject(new Error('a slash command is never from a bot')),
      async replies({ id }: Delivery, atLeast = 1) {
        await waitFor(() => answersTo(id).length >= atLeast, `${atLeast} answers to ${id}`);
        await sleep(SETTLE_MS);
        return answersTo(id);
      },
      ...common(h),
    };
  };
}

describe('Slack mentions (Events API)', () => adapterContract({ ownMessages: true, redelivery: true, limits: true, pings: true }, mentionsDriver));
// Slack does not redeliver slash commands, and they never come from a bot.
describe('Slack slash command (/kajaani) over HTTP', () => adapterContract({ ownMessages: false, redelivery: false, limits: true, pings: true }, slashDriver(false)));
describe('Slack slash command (/kajaani) in Socket Mode', () => adapterContract({ ownMessages: false, redelivery: false, limits: true, pings: true }, slashDriver(true)));
