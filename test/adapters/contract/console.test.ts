/**
 * The adapter contract on the console (`kajaani-bot console --json`), where it applies: the
 * console has no other bots, no redeliveries, no length limits and no mentions, but it must
 * apologise with a reference and refuse a stranger like every other surface.
 */
import { PassThrough } from 'node:stream';
import { describe } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../../../src/main.js';
import { runConsole } from '../../../src/adapters/console/console.js';
import { toCoreText } from '../../../src/adapters/shared/command-text.js';
import { testEnv, TEST_NOW } from '../../helpers/app.js';
import { tempDbPath } from '../../helpers/temp.js';
import { adapterContract, contractWrap, type ContractDriver, type Delivery } from './suite.js';

type Sent = Record<string, unknown>;

/** One console process per user (the console's user is fixed when it starts), both over one database. */
async function consoleDriver(): Promise<ContractDriver<Sent>> {
  const logs: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const app = createApp(testEnv(tempDbPath(), 'console:admin'), { now: () => TEST_NOW, log });
  const inbound: Parameters<typeof app.bot.handle>[0][] = [];
  const handle = contractWrap((msg) => app.bot.handle(msg));
  const bot = { services: app.services, handle: (msg: Parameters<typeof app.bot.handle>[0]) => (inbound.push(msg), handle(msg)) };
  const outputs = new Map<string, Sent[]>();
  const sessions = new Map<string, { input: PassThrough; done: Promise<void> }>();
  const session = (user: string) => {
    let s = sessions.get(user);
    if (!s) {
      const input = new PassThrough();
      const output = new PassThrough();
      const lines: Sent[] = [];
      outputs.set(user, lines);
      let buffer = '';
      output.on('data', (d: Buffer) => {
        buffer += d.toString('utf8');
        for (let i = buffer.indexOf('\n'); i !== -1; i = buffer.indexOf('\n')) {
          lines.push(JSON.parse(buffer.slice(0, i)) as Sent);
          buffer = buffer.slice(i + 1);
        }
      });
      s = { input, done: runConsole({ bot, input, output, user, json: true, interactive: false }) };
      sessions.set(user, s);
    }
    return s;
  };
  const sent: { user: string; index: number }[] = [];
  return {
    async send(text, as = 'stranger') {
      const user = as === 'admin' ? 'console:admin' : 'console:stranger';
      const s = session(user);
      const index = sent.filter((x) => x.user === user).length;
      sent.push({ user, index });
      // On the console commands are typed with their slash.
      s.input.write(`${toCoreText(text)}\n`);
      return { id: String(sent.length - 1) };
    },
    redeliver: () => Promise.reject(new Error('the console reads each line once')),
    sendFromBot: () => Promise.reject(new Error('the console has no other bots')),
    async replies({ id }: Delivery) {
      const { user, index } = sent[Number(id)]!;
      const deadline = Date.now() + 5000;
      while ((outputs.get(user)?.length ?? 0) <= index && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      return outputs.get(user)!.slice(index, index + 1);
    },
    overLimits: () => [],
    pings: () => [],
    text: (m) => String(m.reply ?? ''),
    logs: () => logs,
    inbound: () => inbound,
    store: app.services.store,
    async close() {
      for (const s of sessions.values()) {
        s.input.end();
        await s.done;
      }
      app.close();
    },
  };
}

// One user per process, each line read once, plain text without limits or mentions.
describe('console (--json)', () => adapterContract({ ownMessages: false, redelivery: false, limits: false, pings: false }, consoleDriver));
