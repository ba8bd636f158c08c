/** Shared plumbing for outcome commands: today's date, and store locks turned into "try again". */
import type { CommandArgs, CommandContext } from '../commands/types.js';
import { errorReply, type Reply } from '../reply.js';
import { StoreBusyError } from '../../store/store.js';
import { todayIn } from './dates.js';

/** Today's date in BOT_TIMEZONE, from the services clock. */
export function today(ctx: Pick<CommandContext, 'services'>): string {
  return todayIn(ctx.services.config.BOT_TIMEZONE, ctx.services.now());
}

/** The current time as an ISO timestamp (UTC), from the services clock. */
export function nowIso(ctx: Pick<CommandContext, 'services'>): string {
  return ctx.services.now().toISOString();
}

/** The reply when another process held the database lock beyond the busy timeout. */
export function busyReply(ctx: CommandContext): Reply {
  return errorReply(
    ctx.lang,
    ctx.lang === 'fi'
      ? 'Tietokanta on juuri nyt varattu (toinen istunto kirjoittaa siihen). Mitään ei muutettu – yritä hetken päästä uudelleen.'
      : 'The database is busy right now (another session is writing to it). Nothing was changed — please try again in a moment.',
    { data: { error: 'busy' } },
  );
}

/** Wraps a command's run so a busy database becomes a friendly "try again" reply. */
export function storeGuard(run: (ctx: CommandContext, args: CommandArgs) => Reply): (ctx: CommandContext, args: CommandArgs) => Reply {
  return (ctx, args) => {
    try {
      return run(ctx, args);
    } catch (err) {
      if (err instanceof StoreBusyError) {
        ctx.services.log.warn({ requestId: ctx.requestId, user: ctx.user }, 'database busy');
        return busyReply(ctx);
      }
      throw err;
    }
  };
}
