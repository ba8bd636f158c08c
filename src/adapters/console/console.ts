/**
 * The local console chat (the hubot "shell" adapter idea). On a terminal it is interactive
 * with a prompt; on a pipe it reads one message per line and ends at end of input.
 */
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../core/bot.js';
import { replyToPlainText, type Reply } from '../../core/reply.js';
import { apologyReply, newReference } from '../../core/apology.js';
import { consoleJson } from './render.js';
import { saveReplyFiles } from './files.js';
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
  /** Where files in replies (exports) are saved; default the current folder. */
  dir?: string;
}

/** The core's reply; a failure around it (the core itself never throws) is apologised for like everywhere else. */
async function answer(bot: Bot, user: string, text: string): Promise<Reply> {
  try {
    return await bot.handle({ platform: 'console', user, text, conversationId: CONSOLE_CONVERSATION });
  } catch (err) {
    const reference = newReference();
    bot.services.log.error({ err, reference, handler: 'console' }, 'console message failed');
    return apologyReply(bot.services.config.BOT_DEFAULT_LANGUAGE, reference);
  }
}

/** Runs the chat until end of input (or `/quit` when interactive). Resolves when done. */
export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const { bot, output } = opts;
  const rl = readline.createInterface({ input: opts.input, output: opts.interactive ? output : undefined, terminal: opts.interactive });
  const lang = bot.services.config.BOT_DEFAULT_LANGUAGE;
  if (opts.interactive) {
    output.write(
      lang === 'fi'
        ? 'kajaani-bot: kysy Kajaanin seudun innovaatioekosysteemisopimuksesta. /help näyttää komennot; /quit tai Ctrl-D lopettaa.\n'
        : 'kajaani-bot: ask about the Kajaani city region innovation ecosystem agreement. /help lists commands; /quit or Ctrl-D exits.\n',
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
    const { reply, files } = saveReplyFiles(await answer(bot, opts.user, text), opts.dir ?? process.cwd());
    output.write(opts.json ? `${JSON.stringify(consoleJson(reply, files[0]))}\n` : `${replyToPlainText(reply)}\n\n`);
    if (opts.interactive) rl.prompt();
  }
  rl.close();
}
