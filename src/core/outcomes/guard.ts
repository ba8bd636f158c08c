/** Shared plumbing for commands: today's date, the current time, and the "database busy" reply. */
import type { CommandContext } from '../commands/types.js';
import { errorReply, type Reply } from '../reply.js';
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
export function busyReply(ctx: Pick<CommandContext, 'lang'>): Reply {
  return errorReply(
    ctx.lang,
    ctx.lang === 'fi'
      ? 'Tietokanta on juuri nyt varattu (toinen istunto kirjoittaa siihen). Mitään ei muutettu – yritä hetken päästä uudelleen.'
      : 'The database is busy right now (another session is writing to it). Nothing was changed — please try again in a moment.',
    { data: { error: 'busy' } },
  );
}
