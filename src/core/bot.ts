/**
 * The platform-neutral bot: one entry point, `handle()`, for every inbound message from
 * every adapter. Lines starting with `/` are commands; anything else is a wish to report in
 * plain words (answered with the command to send, see `reporting-intent/`) or a question.
 * Errors the user caused become friendly replies; anything else is logged with a reference
 * id and answered with a short apology, and the bot keeps running.
 */
import type { Lang, Reply } from './reply.js';
import { errorReply } from './reply.js';
import type { Services } from './services.js';
import type { CommandContext, Platform } from './commands/types.js';
import { CommandSyntaxError, parseArgs, splitCommand } from './commands/parse.js';
import { commands, findCommand } from './commands/index.js';
import { askCommand } from './commands/ask.js';
import { createRateLimitGate } from './rate-limit.js';
import { dispatch } from './commands/dispatch.js';
import { misfiredReport, reportingSuggestion } from './reporting-intent/suggest.js';
import { reportCommand } from './commands/report.js';
import { apologyReply, newReference } from './apology.js';
import { ConversationMemory } from './conversation-memory.js';
import type { Remembered } from './answer/types.js';
import { userLanguage } from '../store/user-settings.js';

/** One message to the bot, from any platform. */
export interface Inbound {
  platform: Platform;
  /** Platform-qualified user id, e.g. `slack:U123`. */
  user: string;
  text: string;
  /** The user's locale when the platform knows it: the language of commands, and of questions whose words don't tell. */
  locale?: Lang;
  conversationId?: string;
  platformRoles?: CommandContext['platformRoles'];
}

export interface Bot {
  readonly services: Services;
  handle(msg: Inbound): Promise<Reply>;
}

/** Maximum input we look at; longer input is refused rather than processed. */
const MAX_INPUT_CHARS = 20_000;

const TOO_LONG = { en: 'That message is too long for me. Please keep it under 20,000 characters.', fi: 'Viesti on liian pitkä. Kirjoita enintään 20 000 merkkiä.' };
const UNBALANCED = {
  en: 'A quotation mark is not closed. Put quotes around values with spaces, e.g. /report companies "Acme Oy".',
  fi: 'Lainausmerkki jäi sulkematta. Laita välilyöntejä sisältävät arvot lainausmerkkeihin, esim. /report companies "Acme Oy".',
};

/** Options for tests: the rate limiter's clock (milliseconds; default `performance.now`). */
export interface BotOptions {
  clock?: () => number;
}

export function createBot(services: Services, options: BotOptions = {}): Bot {
  const defaultLang = services.config.BOT_DEFAULT_LANGUAGE;
  const rateLimit = createRateLimitGate(services.config.BOT_RATE_LIMIT, {
    clock: options.clock ?? (() => performance.now()),
    log: (user, retryAfterMs) => services.log.info({ user, retryAfterMs }, 'rate limited'),
  });
  // What each conversation last asked, so every surface gets follow-ups ("and Sotkamo?").
  const memory = new ConversationMemory<Remembered>({ now: () => services.now().getTime() });

  /**
   * The reply's language. Commands say little about their language, so the user's own choice
   * (`/lang`) decides, then the platform locale, then a Finnish command name (`/raportoi`),
   * then the words. A question's own words decide when they are clear (a Finnish question
   * from an English-locale user); otherwise the same choice, locale or default.
   */
  function languageOf(msg: Inbound, text: string, command: { name: string; rest: string } | null): Lang {
    const chosen = userLanguage(services.store, msg.user);
    const detect = (t: string, fallback: Lang) => services.knowledge.answerer.detectLanguage(t, fallback);
    if (!command) return detect(text, chosen ?? msg.locale ?? defaultLang);
    if (chosen ?? msg.locale) return (chosen ?? msg.locale)!;
    const found = findCommand(command.name);
    // Every alias is a Finnish name: typing one says the user writes Finnish.
    if (found && found.name !== command.name) return 'fi';
    return detect(command.rest, defaultLang);
  }

  async function run(msg: Inbound, requestId: string): Promise<Reply> {
    const text = msg.text.normalize('NFC').trim();
    // Refuse oversized input before any work on it (language detection included).
    if (text.length > MAX_INPUT_CHARS) {
      const l = msg.locale ?? defaultLang;
      return errorReply(l, TOO_LONG[l]);
    }
    const isCommand = text.startsWith('/');
    const { name, rest } = isCommand ? splitCommand(text) : { name: 'ask', rest: text };
    const lang = languageOf(msg, text, isCommand ? { name, rest } : null);

    const ctx: CommandContext = {
      services,
      user: msg.user,
      lang,
      platform: msg.platform,
      conversationId: msg.conversationId,
      requestId,
      platformRoles: msg.platformRoles,
      catalog: commands,
      memory: memory.slotFor(msg.conversationId, msg.user),
    };
    if (!isCommand) {
      // A wish to report in plain words gets the /report line to send, not an answer.
      const suggestion = reportingSuggestion(ctx, text);
      if (suggestion) return suggestion;
      return dispatch(askCommand, ctx, { raw: text, positional: [], named: {} });
    }

    const command = findCommand(name);
    if (!command) {
      const msgText =
        lang === 'fi'
          ? `Tuntematon komento /${name}. Kirjoita /help nähdäksesi komennot.`
          : `Unknown command /${name}. Type /help to see the commands.`;
      return errorReply(lang, msgText);
    }
    let args;
    try {
      args = parseArgs(rest);
    } catch (err) {
      if (err instanceof CommandSyntaxError) return errorReply(lang, UNBALANCED[lang]);
      throw err;
    }
    const result = await dispatch(command, ctx, args);
    if (command.name === reportCommand.name && !result.ok) {
      // "raportoi uusi yritys: …" sent as a command (chat platforms add the slash): the line to
      // send. Looked at only once /report has refused it (a refusal stores nothing), so a valid
      // report's arguments are checked once, not twice.
      const suggestion = misfiredReport(ctx, command, args, `${name} ${rest}`);
      if (suggestion) return suggestion;
    }
    return result;
  }

  return {
    services,
    async handle(msg: Inbound): Promise<Reply> {
      // Before any work: the language only matters for the one "slow down" reply.
      const limited = rateLimit(msg.platform, msg.user, () => msg.locale ?? services.knowledge.answerer.detectLanguage(msg.text.slice(0, 500), defaultLang));
      if (limited) return limited;
      const requestId = newReference();
      try {
        return await run(msg, requestId);
      } catch (err) {
        services.log.error({ err, requestId, user: msg.user, platform: msg.platform }, 'command failed');
        return apologyReply(msg.locale ?? defaultLang, requestId);
      }
    },
  };
}
