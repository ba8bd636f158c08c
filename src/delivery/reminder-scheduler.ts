/**
 * The reminders' clock, beside the digest's: croner fires at REMINDER_CRON in BOT_TIMEZONE
 * (read as core/reminders/schedule.ts explains), claims make every reminder go out once per
 * (month, user), a retry timer picks up failed sends after their back-off, and at start a run
 * missed earlier this month is caught up. Off (no scheduler) when REMINDER_CRON=off.
 */
import type { Services } from '../core/services.js';
import { monthOf } from '../core/reminders/period.js';
import { latestReminderRun, nextReminderRun, REMINDER_CRON_OPTIONS } from '../core/reminders/schedule.js';
import type { DmPoster } from './dm-poster.js';
import { deliverReminders, retryDueReminders, type ReminderReport } from './reminders.js';
import { startPeriodicTimers, type PeriodicDelivery } from './periodic.js';

/** The reminders' scheduler: this month's check-in to every due reporter, once per (month, user). */
export interface ReminderScheduler extends PeriodicDelivery<ReminderReport> {
  readonly pattern: string;
}

export interface ReminderSchedulerOptions {
  /** False in tests: no timers, only the methods. */
  timers?: boolean;
}

/** Builds the scheduler (timers unless `timers: false`); null when REMINDER_CRON=off. */
export function createReminderScheduler(services: Services, posters: DmPoster[], opts: ReminderSchedulerOptions = {}): ReminderScheduler | null {
  const pattern = services.config.REMINDER_CRON;
  if (pattern === null) return null;
  const tz = services.config.BOT_TIMEZONE;
  let timers: { stop(): void } | null = null;

  const scheduler: ReminderScheduler = {
    pattern,
    runScheduled: () => deliverReminders(services, posters, monthOf(services.now(), tz)),
    async catchUp() {
      const now = services.now();
      const last = latestReminderRun(pattern, tz, now);
      // A run in an earlier month is over: its month's reminders would come too late.
      if (!last || monthOf(last, tz).label !== monthOf(now, tz).label) return null;
      // Only reporters who were already reporters when the run was due missed it.
      const report = await deliverReminders(services, posters, monthOf(last, tz), { grantedBy: last.toISOString() });
      const sent = report.results.filter((r) => r.status === 'sent').length;
      if (sent > 0) services.log.info({ period: report.period, missedRun: last.toISOString(), sent }, 'sent reminders missed while the bot was down');
      return report;
    },
    retry: () => retryDueReminders(services, posters),
    nextRun: () => nextReminderRun(pattern, tz, services.now()),
    stop() {
      timers?.stop();
      timers = null;
    },
  };

  if (opts.timers !== false) timers = startPeriodicTimers('reminder', pattern, { ...REMINDER_CRON_OPTIONS, timezone: tz, name: 'reminders' }, services.log, scheduler);
  return scheduler;
}

/**
 * Starts the reminders in the running bot: the schedule, the retry timer, and the catch-up
 * of a run missed this month. Returns null (and logs it) when REMINDER_CRON=off.
 */
export function startReminderScheduler(app: { services: Services }, posters: DmPoster[], opts: ReminderSchedulerOptions = {}): ReminderScheduler | null {
  const { log } = app.services;
  const scheduler = createReminderScheduler(app.services, posters, opts);
  if (!scheduler) {
    log.info('check-in reminders are off (REMINDER_CRON=off)');
    return null;
  }
  void scheduler.catchUp().catch((err: unknown) => log.error({ err }, 'reminder catch-up failed'));
  log.info({ cron: scheduler.pattern, next: scheduler.nextRun()?.toISOString() }, 'check-in reminders scheduled');
  return scheduler;
}
