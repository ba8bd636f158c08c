/** Shared plumbing for commands: today's date, the current time, and the "database busy" reply. */
import type { CommandContext } from '../commands/types.js';
import { errorReply, type Reply } from '../reply.js';
import { todayIn } from './dates.js';
import { localDayText, timestampText } from './date-text.js';

/** Today's date in BOT_TIMEZONE, from the services clock. */
export function today(ctx: Pick<CommandContext, 'services'>): string {
  return todayIn(ctx.services.config.BOT_TIMEZONE, ctx.services.now());
}

/** The current time as an ISO timestamp (UTC), from the services clock. */
export function nowIso(ctx: Pick<CommandContext, 'services'>): string {
  return ctx.services.now().toISOString();
}

/** A stored UTC instant as the day it was in BOT_TIMEZONE, in the reader's language (`2.12.2026` / `2 Dec 2026`). */
export function dayOf(ctx: Pick<CommandContext, 'services' | 'lang'>, instant: string): string {
  return localDayText(instant, ctx.services.config.BOT_TIMEZONE, ctx.lang);
}

/** A stored UTC instant as local date and time in BOT_TIMEZONE (`2.12.2026 klo 5.17` / `2 Dec 2026 05:17`). */
export function timeOf(ctx: Pick<CommandContext, 'services' | 'lang'>, instant: string): string {
  return timestampText(instant, ctx.services.config.BOT_TIMEZONE, ctx.lang);
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
