import { Cron, type CronOptions } from 'croner';
import type { Logger } from '../log.js';

/** What the digest's and the reminders' schedulers both expose (tests call these directly with a controlled clock). */
export interface PeriodicDelivery<Report> {
  /** The scheduled run: this period's deliveries to every target. */
  runScheduled(): Promise<Report>;
  /** Delivers the latest run missed while the bot was down (if any), to targets that existed before it. */
  catchUp(): Promise<Report | null>;
  /** Retries failed deliveries whose back-off has passed. */
  retry(): Promise<Report[]>;
  /** The next scheduled run time. */
  nextRun(): Date | null;
  stop(): void;
}

/**
 * How often failed deliveries are checked. The shortest back-off is a minute, so checking every
 * 30 s retries at most 30 s late.
 */
export const RETRY_CHECK_MS = 30_000;

/**
 * The timers of a periodic delivery: the cron that runs it (in its time zone, never two runs at
 * once) and the retry check. Failures are logged as "<name> run failed", never thrown. Both
 * timers are unref'd, so they never keep a finished process alive.
 */
export function startPeriodicTimers(
  name: string,
  pattern: string,
  options: CronOptions,
  log: Logger,
  delivery: Pick<PeriodicDelivery<unknown>, 'runScheduled' | 'retry'>,
): { stop(): void } {
  const guard = (what: string, fn: () => Promise<unknown>) => () => {
    fn().catch((err: unknown) => log.error({ err }, `${name} ${what} failed`));
  };
  const cron = new Cron(pattern, { ...options, protect: true, unref: true }, guard('run', () => delivery.runScheduled()));
  const retryTimer = setInterval(guard('retry', () => delivery.retry()), RETRY_CHECK_MS);
  retryTimer.unref();
  return {
    stop() {
      cron.stop();
      clearInterval(retryTimer);
    },
  };
}
