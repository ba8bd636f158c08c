/**
 * Sending a period's check-in reminders exactly once per (period, user): the plan says who is
 * due (src/core/reminders/plan.ts); each due reporter's row is claimed, the DM sent through
 * the platform's poster, and the row marked done with the message id. Failures back off and
 * are retried (delivery/claims.ts); a user the platform refuses (cannot be DMed) is recorded,
 * logged once, and skipped by every later run. The scheduler, the catch-up at start and
 * `kajaani-bot remind run` all call this.
 */
import type { Services } from '../core/services.js';
import type { Lang } from '../core/reply.js';
import { planReminders, reminderFor, type PlanEntry } from '../core/reminders/plan.js';
import type { SkipReason } from '../core/reminders/due.js';
import { parseMonth, type MonthPeriod } from '../core/reminders/period.js';
import { dueClaims, failClaim } from '../store/claims.js';
import { markUnreachable } from '../store/reminders.js';
import { attemptClaimed, claimNow, processOwner } from './claims.js';
import type { DmPoster } from './dm-poster.js';

/** What happened to one reporter. */
export interface ReminderResult {
  user: string;
  status: 'sent' | SkipReason | 'failed' | 'abandoned' | 'no-poster';
  lang?: Lang;
  messageId?: string | null;
  error?: string;
  nextAttemptAt?: string | null;
}

/** One run over a period. */
export interface ReminderReport {
  period: string;
  results: ReminderResult[];
}

export interface ReminderDeliveryOptions {
  /** Identifies this process in claims. */
  owner?: string;
  /** Retry a failed claim now instead of waiting for its back-off (an operator's `remind run`). */
  ignoreBackoff?: boolean;
  /** Only reporters granted at or before this instant (catching up a missed run). */
  grantedBy?: string;
  /** Only these users (retrying failed sends). */
  users?: ReadonlySet<string>;
}

/** The claim states that mean "not now", as a skip reason. */
const NOT_CLAIMED = { done: 'reminded', skipped: 'answered', abandoned: 'abandoned', unreachable: 'unreachable', busy: 'in-progress', waiting: 'waiting-retry' } as const;

/** The user's language: the platform's word for it where it has one, else the default. */
async function langFor(services: Services, poster: DmPoster, entry: PlanEntry): Promise<Lang> {
  return (await poster.localeOf(entry.platformId).catch(() => undefined)) ?? services.config.BOT_DEFAULT_LANGUAGE;
}

/** Sends one due reporter's reminder (claim → DM → done), or says why not. */
async function remindOne(services: Services, poster: DmPoster, entry: PlanEntry, period: MonthPeriod, opts: ReminderDeliveryOptions): Promise<ReminderResult> {
  const { log } = services;
  const owner = opts.owner ?? processOwner;
  const claimed = claimNow(services, 'reminder', { period: period.label, key: entry.user, owner, ignoreBackoff: opts.ignoreBackoff });
  if (claimed.kind !== 'claimed') {
    return { user: entry.user, status: NOT_CLAIMED[claimed.kind], messageId: claimed.claim.messageId, nextAttemptAt: claimed.claim.nextAttemptAt };
  }
  const lang = await langFor(services, poster, entry);
  const reminder = reminderFor(services, entry, period, lang);
  const r = await attemptClaimed(services, 'reminder', claimed.claim, owner, { what: 'reminder', keyField: 'user' }, () => poster.sendDm(entry.platformId, reminder));
  if (r.status === 'sent') {
    log.info({ period: period.label, user: entry.user, messageId: r.messageId }, 'reminder sent');
    return { user: entry.user, status: 'sent', lang, messageId: r.messageId };
  }
  if (r.status === 'unreachable') {
    // Logged here, once: from now on the user is skipped before any attempt (see due.ts).
    markUnreachable(services.store, entry.user, r.error, services.now().toISOString());
    log.warn({ period: period.label, user: entry.user, error: r.error }, 'reminder: the platform refuses DMs to this user; recorded, and skipped from now on (/remind on clears it)');
    return { user: entry.user, status: 'unreachable', lang, error: r.error };
  }
  return { user: entry.user, status: r.status, lang, error: r.error, messageId: r.messageId, nextAttemptAt: r.nextAttemptAt };
}

/**
 * A failed send whose user is no longer due (they reported, or opted out, while it waited)
 * is given up, so the retry timer stops finding it.
 */
function settleFailed(services: Services, entry: PlanEntry, period: MonthPeriod, owner: string): void {
  if (entry.decision.due || !['reported', 'opted-out'].includes(entry.decision.reason)) return;
  const claimed = claimNow(services, 'reminder', { period: period.label, key: entry.user, owner, ignoreBackoff: true });
  if (claimed.kind === 'claimed') failClaim(services.store, 'reminder', { period: period.label, key: entry.user, owner, error: `no longer due: ${entry.decision.reason}`, nextAttemptAt: null });
}

/** Reminds every due reporter for `period`. Never throws for a failed send. */
export async function deliverReminders(services: Services, posters: DmPoster[], period: MonthPeriod, opts: ReminderDeliveryOptions = {}): Promise<ReminderReport> {
  const results: ReminderResult[] = [];
  for (const entry of planReminders(services, period, { grantedBy: opts.grantedBy })) {
    if (opts.users && !opts.users.has(entry.user)) continue;
    const retryNow = opts.ignoreBackoff && !entry.decision.due && entry.decision.reason === 'waiting-retry';
    if (!entry.decision.due && !retryNow) {
      if (opts.users) settleFailed(services, entry, period, opts.owner ?? processOwner);
      results.push({ user: entry.user, status: entry.decision.reason });
      continue;
    }
    const poster = posters.find((p) => p.platform === entry.platform);
    if (!poster) {
      results.push({ user: entry.user, status: 'no-poster' });
      continue;
    }
    results.push(await remindOne(services, poster, entry, period, opts));
  }
  return { period: period.label, results };
}

/** Retries every failed reminder whose back-off has passed. */
export async function retryDueReminders(services: Services, posters: DmPoster[], opts: ReminderDeliveryOptions = {}): Promise<ReminderReport[]> {
  const due = dueClaims(services.store, 'reminder', services.now().toISOString());
  const reports: ReminderReport[] = [];
  for (const label of [...new Set(due.map((d) => d.period))]) {
    const period = parseMonth(label, services.config.BOT_TIMEZONE);
    if (!period) continue;
    const users = new Set(due.filter((d) => d.period === label).map((d) => d.key));
    reports.push(await deliverReminders(services, posters, period, { ...opts, users }));
  }
  return reports;
}
