/**
 * The adapter contract: behaviour every surface of every platform must have, written once
 * and run against a driver per surface (Slack mentions, Slack's slash command, Discord
 * mentions, Discord's slash commands, the console). Each driver runs the real adapter with
 * the real platform client against the local fakes, over the real core, with `contractWrap`
 * in front of the core for the replies a test needs (a long one, a failure, an echo).
 *
 * A driver says which items apply to its surface (a slash command has no "own messages",
 * the console no platform limits); everything else is asserted the same way everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbound } from '../../../src/core/bot.js';
import { reply, type Reply } from '../../../src/core/reply.js';
import type { Store } from '../../../src/store/store.js';

/** One message written to the bot, as the driver needs to find its answers again. */
export interface Delivery {
  id: string;
}

/** Which items of the contract apply to a surface (the others are not registered for it). */
export interface Applies {
  ownMessages: boolean;
  redelivery: boolean;
  limits: boolean;
  pings: boolean;
  /** The user types the whole command line (not options a client built): default true. */
  typedLine?: boolean;
}

/** Drives one surface of one adapter. `Sent` is whatever the fake recorded for one message. */
export interface ContractDriver<Sent = unknown> {
  /** A user writes `text` to the bot as they would type it: the stranger has no role, the admin is in BOT_ADMINS. */
  send(text: string, as?: 'stranger' | 'admin'): Promise<Delivery>;
  /** The platform delivers the same message again (a retry, a replay). */
  redeliver(d: Delivery): Promise<void>;
  /** A message from the bot itself, or from another bot, that mentions or DMs the bot. */
  sendFromBot(text: string, who: 'self' | 'other'): Promise<void>;
  /** The messages sent in answer to `d`: waits for at least `atLeast`, then for stragglers. */
  replies(d: Delivery, atLeast?: number): Promise<Sent[]>;
  /** What in a sent message breaks the platform's limits (empty when nothing does). */
  overLimits(m: Sent): string[];
  /** Messages one reply may take on this surface (issue 11 item 6: Discord 3, Slack 4); where `limits` applies. */
  maxMessages?: number;
  /** What in a sent message would notify someone it should not (empty when nothing would). */
  pings(m: Sent): string[];
  /** The text a user sees in a sent message. */
  text(m: Sent): string;
  /** Structured log lines so far. */
  logs(): Record<string, unknown>[];
  /** What the core received so far. */
  inbound(): Inbound[];
  readonly store: Store;
  close(): Promise<void>;
}

/** Words that make `contractWrap` answer instead of the core. */
export const LONG = 'contract-long-reply';
export const BOOM = 'contract-failure';
export const ECHO = 'contract-echo';

/** Every mention form of both platforms, as user text that gets echoed back. */
export const MENTIONS = '@everyone @here @channel <!channel> <!here> <!everyone> <!subteam^S123> <@U123ABC> <@&123456789012345678> <@!81234567>';

/** A reply over every platform limit: 45 kB of text, 80 sections, 40 progress rows, 60 sources. */
function longReply(lang: Reply['lang']): Reply {
  return reply(lang, 'word '.repeat(9000), {
    title: 'Everything',
    sections: Array.from({ length: 80 }, (_, i) => ({ heading: `Part ${i}`, lines: ['x'.repeat(100)] })),
    progress: Array.from({ length: 40 }, (_, i) => ({ goalId: `g${i}`, label: `Goal ${i}`, count: i % 5, target: 4, comparator: 'at-least' as const, needed: 4, met: i % 5 >= 4 })),
    sources: Array.from({ length: 60 }, (_, i) => ({ id: `s${i}`, title: `Source number ${i} with a fairly long title`, url: `https://example.fi/${'x'.repeat(40)}/${i}` })),
  });
}

/** Puts the contract's test replies in front of the core; everything else reaches the real core. */
export function contractWrap(handle: (msg: Inbound) => Promise<Reply>): (msg: Inbound) => Promise<Reply> {
  return async (msg) => {
    if (msg.text.includes(LONG)) return longReply(msg.locale ?? 'en');
    if (msg.text.includes(BOOM)) throw new Error('contract: a failure inside');
    if (msg.text.includes(ECHO)) return reply('en', `You said: ${MENTIONS}`, { title: '@everyone', sections: [{ heading: '@here', lines: [MENTIONS] }], suggestions: [MENTIONS] });
    return handle(msg);
  };
}

/** The title a user reports: every mention form, stored verbatim, shown inert everywhere. */
export const HOSTILE_TITLE = '@everyone <!channel> <!here> <@U123> <@&123> @here';

const countOutcomes = (store: Store) => store.db.prepare('SELECT COUNT(*) FROM outcomes').pluck().get() as number;

/** Registers the contract for one driver: the items that apply to its surface. */
export function adapterContract(has: Applies, start: () => Promise<ContractDriver>): void {
  let d: ContractDriver;
  beforeAll(async () => {
    d = await start();
  });
  afterAll(async () => {
    await d?.close();
  });

  describe('the adapter contract', () => {
    if (has.ownMessages) it('ignores its own messages and other bots’ messages', async () => {
      const before = d.inbound().length;
      await d.sendFromBot('who are the parties? (from myself)', 'self');
      await d.sendFromBot('who are the parties? (from another bot)', 'other');
      // A person's message after them is answered: by then the bots' messages were handled (ignored).
      const marker = await d.send('who are the parties?');
      await d.replies(marker, 1);
      expect(d.inbound().slice(before).map((m) => m.text)).toEqual(['who are the parties?']);
    });

    if (has.redelivery) it('answers a repeated delivery once', async () => {
      const before = d.inbound().length;
      const sent = await d.send('what are the focus areas?');
      await d.redeliver(sent);
      const answers = await d.replies(sent, 1);
      expect(answers).toHaveLength(1);
      expect(d.inbound().slice(before)).toHaveLength(1);
    });

    if (has.limits) it('splits a long reply into several messages, each within the platform’s limits', async () => {
      const messages = await d.replies(await d.send(LONG), 2);
      expect(messages.length).toBeGreaterThan(1);
      for (const m of messages) expect(d.overLimits(m)).toEqual([]);
    });

    if (has.limits) it('sends at most its messages per reply, the last saying how much more there was', async () => {
      const messages = await d.replies(await d.send(LONG), 2);
      expect(messages.length).toBeLessThanOrEqual(d.maxMessages!);
      expect(d.text(messages.at(-1)!)).toMatch(/… and \d+ more — narrow it down/);
      for (const m of messages) expect(d.overLimits(m)).toEqual([]);
    });

    if (has.limits && has.typedLine !== false) it('answers a line of hundreds of bad fields with a few problems, not a flood of messages', async () => {
      const bad = Array.from({ length: 300 }, (_, i) => `f${i}=${'x'.repeat(30)}`).join(' ');
      const messages = await d.replies(await d.send(`outcomes ${bad}`), 1);
      expect(messages.length).toBeLessThanOrEqual(d.maxMessages!);
      const text = messages.map((m) => d.text(m)).join(' ');
      expect(new Set(text.match(/\bf\d+: unknown field/g))).toHaveProperty('size', 8);
      expect(text).toMatch(/… and 292 more — narrow it down/);
    });

    if (has.pings) it('never pings: mass, user and role mentions in echoed text stay inert', async () => {
      const echoed = await d.replies(await d.send(ECHO), 1);
      for (const m of echoed) expect(d.pings(m)).toEqual([]);
      expect(echoed.map((m) => d.text(m)).join(' ')).toContain('everyone');
    });

    if (has.pings) it('never pings for a reported title, in the confirmation, the listing, progress or the digest preview', async () => {
      const confirmation = await d.replies(await d.send(`report companies "${HOSTILE_TITLE}" party=KAMK`, 'admin'), 1);
      expect(d.store.db.prepare('SELECT title FROM outcomes ORDER BY id DESC LIMIT 1').pluck().get()).toBe(HOSTILE_TITLE);
      const shown = [confirmation];
      for (const text of ['outcomes companies', 'progress companies', 'digest preview']) shown.push(await d.replies(await d.send(text, 'admin'), 1));
      for (const m of shown.flat()) expect(d.pings(m)).toEqual([]);
      expect(shown[1]!.map((m) => d.text(m)).join(' ')).toContain('everyone');
    });

    it('apologises with a reference id found in the log when something fails inside, and keeps answering', async () => {
      const [apology] = await d.replies(await d.send(BOOM), 1);
      const ref = /(?:Reference|Viitenumero): ([0-9a-f]{8})/.exec(d.text(apology))?.[1];
      expect(ref).toBeDefined();
      expect(d.logs().some((l) => (l.reference === ref || l.requestId === ref) && Number(l.level) >= 50)).toBe(true);
      const next = await d.replies(await d.send('who are the parties?'), 1);
      expect(next.map((m) => d.text(m)).join(' ')).toContain('KAMK');
    });

    it('refuses a stranger’s report and stores nothing', async () => {
      const before = countOutcomes(d.store);
      const [refusal] = await d.replies(await d.send('report companies "Stranger Oy" party=KAMK', 'stranger'), 1);
      expect(d.text(refusal)).toMatch(/reporter/);
      expect(countOutcomes(d.store)).toBe(before);
    });
  });
}
