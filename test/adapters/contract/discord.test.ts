/* eslint-disable @typescript-eslint/no-explicit-any -- recorded request bodies are arbitrary JSON. */
/**
 * The adapter contract on Discord, for its two surfaces: mentions (gateway MESSAGE_CREATE,
 * answered as a reply in the channel) and slash commands (INTERACTION_CREATE, answered
 * through the interaction). The real discord.js client runs against the fake Discord; checks
 * read what the fake recorded.
 */
import { describe } from 'vitest';
import { opt, snowflake, type CommandOption, type FakeUser } from '../../fakes/discord/fake-discord.js';
import { startHarness, type Harness } from '../discord/harness.js';
import { LIMITS } from '../../../src/adapters/discord/limits.js';
import { findCommand } from '../../../src/core/commands/index.js';
import { bindArgs } from '../../../src/core/commands/bind.js';
import { parseArgs } from '../../../src/core/commands/parse.js';
import { adapterContract, contractWrap, type ContractDriver, type Delivery } from './suite.js';

const SETTLE_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** What would notify people if Discord parsed the text (it is told not to: `allowed_mentions`). */
const LIVE = /(?<!\u200b)@(?:everyone|here)\b|<@[!&]?\d/g;

type Sent = Record<string, any>;

/** Files per message (Discord's limit) and messages per reply (ours: issue 11 items 19, 6). */
const FILES_PER_MESSAGE = 10;
const MESSAGES_PER_REPLY = 3;

/** Limits of one message: content, embeds and their parts, all embeds together. */
function overLimits(m: Sent): string[] {
  const problems: string[] = [];
  if ((m.content ?? '').length > LIMITS.content) problems.push(`content of ${m.content.length}`);
  const embeds = (m.embeds ?? []) as any[];
  if (embeds.length > LIMITS.embedsPerMessage) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    const fields = (e.fields ?? []) as { name: string; value: string }[];
    if ((e.title ?? '').length > LIMITS.title) problems.push(`title of ${e.title.length}`);
    if ((e.description ?? '').length > LIMITS.description) problems.push(`description of ${e.description.length}`);
    if (fields.length > LIMITS.fields) problems.push(`${fields.length} fields`);
    for (const f of fields) if (f.name.length > LIMITS.fieldName || f.value.length > LIMITS.fieldValue) problems.push(`field ${f.name.length}/${f.value.length}`);
    total += (e.title ?? '').length + (e.description ?? '').length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > LIMITS.embedCharsPerMessage) problems.push(`${total} embed characters`);
  const attachments = (m.attachments ?? []) as { description?: string }[];
  if (attachments.length > FILES_PER_MESSAGE) problems.push(`${attachments.length} files`);
  for (const a of attachments) if ((a.description ?? '').length > LIMITS.attachmentDescription) problems.push(`attachment description of ${a.description!.length}`);
  return problems;
}

/** Mass mentions parsed from the text, or users and roles allowed to be pinged, or live mention syntax. */
function pings(m: Sent): string[] {
  const allowed = m.allowed_mentions ?? {};
  const problems = [...(allowed.parse ?? ['(no allowed_mentions)']), ...(allowed.users ?? []), ...(allowed.roles ?? [])].map((x: string) => `allowed: ${x}`);
  return [...problems, ...(JSON.stringify({ c: m.content, e: m.embeds }).match(LIVE) ?? [])];
}

const text = (m: Sent) => `${m.content ?? ''} ${JSON.stringify(m.embeds ?? [])}`;

async function start(): Promise<{ h: Harness; admin: FakeUser }> {
  const admin: FakeUser = { id: snowflake(), username: 'admin' };
  const h = await startHarness({ wrap: contractWrap, env: { BOT_ADMINS: `discord:${admin.id}` } });
  return { h, admin };
}

const common = (h: Harness) => ({
  overLimits,
  maxMessages: MESSAGES_PER_REPLY,
  pings,
  text,
  logs: () => h.logs,
  inbound: () => h.inbound,
  store: h.app.services.store,
  close: () => h.close(),
});

/** Mentions in the guild channel, answered as replies there. */
async function mentionsDriver(): Promise<ContractDriver<Sent>> {
  const { h, admin } = await start();
  /** Where each delivery's answers start in the fake's request log. */
  const since = new Map<string, number>();
  const posts = (from: number) => h.fake.requests.slice(from).filter((r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages` && !r.body?.rateLimited).map((r) => r.body as Sent);
  return {
    async send(t, as = 'stranger') {
      since.set('next', h.fake.requests.length);
      const id = h.fake.message(`<@${h.fake.botUser.id}> ${t}`, { mentionBot: true, ...(as === 'admin' ? { user: admin } : {}) });
      since.set(id, since.get('next')!);
      return { id };
    },
    async redeliver({ id }: Delivery) {
      h.fake.replay(id);
    },
    async sendFromBot(t, who) {
      const user = who === 'self' ? h.fake.botUser : { id: snowflake(), username: 'other-bot', bot: true };
      h.fake.message(`<@${h.fake.botUser.id}> ${t}`, { mentionBot: true, user });
    },
    async replies({ id }: Delivery, atLeast = 1) {
      const from = since.get(id)!;
      await h.fake.waitForRequests((r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages` && h.fake.requests.indexOf(r) >= from && !r.body?.rateLimited, atLeast);
      await sleep(SETTLE_MS);
      return posts(from);
    },
    ...common(h),
  };
}

/** Typed text → a slash command with options (bound by the command's own spec), else /ask. */
function asInteraction(t: string): { name: string; options: CommandOption[] } {
  const [first = '', ...rest] = t.split(' ');
  const command = findCommand(first);
  if (!command || command.name === 'ask') return { name: 'ask', options: [opt.string('question', t)] };
  const { record } = bindArgs(command, parseArgs(rest.join(' ')));
  const options = Object.entries(record).map(([name, value]) => {
    const kind = command.args.find((a) => a.name === name)?.kind;
    return kind === 'integer' || kind === 'outcome-id' ? opt.integer(name, Number(value)) : kind === 'flag' ? opt.boolean(name, true) : opt.string(name, value);
  });
  return { name: command.name, options };
}

/** Slash commands, answered through the interaction (reply, follow-ups, or a deferred edit). */
async function slashDriver(): Promise<ContractDriver<Sent>> {
  const { h, admin } = await start();
  const tokens = new Map<string, string>();
  const answers = (id: string) => {
    const token = tokens.get(id)!;
    return h.fake.requests
      .filter((r) => !r.body?.rateLimited && (r.path.startsWith(`/interactions/${id}/`) || r.path.includes(`/${token}`)))
      .map((r) => (r.path.endsWith('/callback') ? r.body.data : r.body) as Sent)
      .filter((b) => b && (b.content !== undefined || b.embeds !== undefined));
  };
  return {
    async send(t, as = 'stranger') {
      const { name, options } = asInteraction(t);
      const { id, token } = h.fake.chatInput(name, options, as === 'admin' ? admin : undefined);
      tokens.set(id, token);
      return { id };
    },
    async redeliver({ id }: Delivery) {
      h.fake.replay(id);
    },
    sendFromBot: () => Promise.reject(new Error('an interaction is never from a bot')),
    async replies({ id }: Delivery, atLeast = 1) {
      const deadline = Date.now() + 5000;
      while (answers(id).length < atLeast && Date.now() < deadline) await sleep(20);
      await sleep(SETTLE_MS);
      return answers(id);
    },
    ...common(h),
  };
}

describe('Discord mentions (gateway messages)', () => adapterContract({ ownMessages: true, redelivery: true, limits: true, pings: true }, mentionsDriver));
// An interaction never comes from a bot, and its options are built by Discord's client (at most 25, each a known one).
describe('Discord slash commands (interactions)', () => adapterContract({ ownMessages: false, redelivery: true, limits: true, pings: true, typedLine: false }, slashDriver));
