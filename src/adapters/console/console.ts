/**
 * The local console chat (the hubot "shell" adapter idea). On a terminal it is interactive
 * with a prompt; on a pipe it reads one message per line and ends at end of input.
 */
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../core/bot.js';
import { replyToPlainText } from '../../core/reply.js';
import { consoleJson } from './render.js';
import { encodeConversation } from '../../core/conversation-id.js';

/** One console process is one conversation. */
const CONSOLE_CONVERSATION = encodeConversation({ platform: 'console' });

export interface ConsoleOptions {
  bot: Bot;
  input: Readable;
  output: Writable;
  user: string;
  json: boolean;
  /** Show a prompt and a greeting (true on a terminal). */
  interactive: boolean;
}

/** Runs the chat until end of input (or `/quit` when interactive). Resolves when done. */
export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const { bot, output } = opts;
  const rl = readline.createInterface({ input: opts.input, output: opts.interactive ? output : undefined, terminal: opts.interactive });
  const lang = bot.services.config.BOT_DEFAULT_LANGUAGE;
  if (opts.interactive) {
    output.write(
      lang === 'fi'
        ? 'kajaani-bot: kysy Kajaanin seudun innovaatioekosysteemisopimuksesta. /help näyttää komennot, /quit lopettaa.\n'
        : 'kajaani-bot: ask about the Kajaani city region innovation ecosystem agreement. /help lists commands, /quit exits.\n',
    );
    rl.setPrompt('> ');
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (text === '') {
      if (opts.interactive) rl.prompt();
      continue;
    }
    if (opts.interactive && /^\/(quit|exit|lopeta)$/i.test(text)) break;
    const reply = await bot.handle({ platform: 'console', user: opts.user, text, conversationId: CONSOLE_CONVERSATION });
    output.write(opts.json ? `${JSON.stringify(consoleJson(reply))}\n` : `${replyToPlainText(reply)}\n\n`);
    if (opts.interactive) rl.prompt();
  }
  rl.close();
}
