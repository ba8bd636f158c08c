/**
 * A period's reminder plan from the store: every reporter granted in the bot, due or skipped
 * with a reason (`due.ts`), and the reminder a due one gets (`compose.ts`). Read-only: the
 * CLI's preview shows it as it is, and delivery (src/delivery/reminders.ts) claims and sends
 * from it.
 */
import type { Lang, Reply } from '../reply.js';
import type { Platform } from '../platform.js';
import type { Services } from '../services.js';
import { todayIn } from '../outcomes/dates.js';
import { listGrants } from '../../store/roles.js';
import { countsByGoal } from '../../store/progress.js';
import { latestPartyOf, partyFigures, reminderSends, reminderUsers, reportersActiveIn, userFigures } from '../../store/reminders.js';
import { decide, type Decision } from './due.js';
import { composeReminder, reminderSubject } from './compose.js';
import type { MonthPeriod } from './period.js';

/** One reporter in a period's plan. */
export interface PlanEntry {
  /** Platform-qualified id (`slack:U123`). */
  user: string;
  platform: Platform;
  /** The id on the platform (`U123`). */
  platformId: string;
  /** When the reporter role was granted. */
  grantedAt: string;
  /** The party given with the grant, if any. */
  grantParty: string | null;
  decision: Decision;
}

/** Options for a plan. */
export interface PlanOptions {
  /** Only reporters granted at or before this instant (a missed run caught up at start). */
  grantedBy?: string;
}

/** Every reporter granted in the bot, by user id, each decided for `period` now. */
export function planReminders(services: Services, period: MonthPeriod, opts: PlanOptions = {}): PlanEntry[] {
  const { store } = services;
  const now = services.now().toISOString();
  const settings = reminderUsers(store);
  const sends = reminderSends(store, period.label);
  const active = reportersActiveIn(store, period.startUtc, period.endUtc);
  const entries: PlanEntry[] = [];
  for (const g of listGrants(store)) {
    if (g.role !== 'reporter') continue;
    if (opts.grantedBy !== undefined && g.grantedAt > opts.grantedBy) continue;
    const platform = g.user.slice(0, g.user.indexOf(':')) as Platform;
    const decision = decide({ user: g.user, platform, settings: settings.get(g.user) ?? null, reportedInPeriod: active.get(g.user) ?? 0, send: sends.get(g.user) ?? null }, now);
    entries.push({ user: g.user, platform, platformId: g.user.slice(platform.length + 1), grantedAt: g.grantedAt, grantParty: g.partyId, decision });
  }
  return entries;
}

/** The reminder for one reporter in their language, with today's figures. */
export function reminderFor(services: Services, entry: Pick<PlanEntry, 'user' | 'grantParty'>, period: MonthPeriod, lang: Lang): Reply {
  const { store } = services;
  const kb = services.knowledge.current;
  const subject = reminderSubject(entry.grantParty, entry.grantParty ? null : latestPartyOf(store, entry.user));
  const figures = subject.kind === 'party' ? partyFigures(store, subject.partyId, period.startUtc, period.endUtc) : userFigures(store, entry.user, period.startUtc, period.endUtc);
  const goalCounts = new Map([...countsByGoal(store)].map(([id, c]) => [id, c.counted]));
  return composeReminder(kb, { lang, period, subject, figures, goalCounts, today: todayIn(services.config.BOT_TIMEZONE, services.now()) });
}
