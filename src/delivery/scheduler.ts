/**
 * The digest's clock: croner fires at DIGEST_CRON in BOT_TIMEZONE (daylight-saving changes
 * handled by croner), delivery claims make every post happen once, a retry timer picks up
 * failed posts after their back-off, and at start the latest missed run is caught up.
 */
import { Cron } from 'croner';
import { ConfigError } from '../config.js';
import { StartupError } from '../errors.js';
import type { Services } from '../core/services.js';
import { previousWeek } from '../core/digest/period.js';
import { loadDigestConfig, type DigestConfig } from './config.js';
import { deliverDigest, retryDue, type DeliveryReport } from './deliver.js';
import type { DigestPoster } from './poster.js';
import { digestTargets } from './targets.js';
import { startPeriodicTimers, type PeriodicDelivery } from './periodic.js';

/** A cron that never fires by itself: for computing run times. */
function schedule(pattern: string, timeZone: string): Cron {
  return new Cron(pattern, { timezone: timeZone, paused: true });
}

/** The next `n` run times after `from` (UTC instants). */
export function nextDigestRuns(pattern: string, timeZone: string, from: Date, n: number): Date[] {
  const cron = schedule(pattern, timeZone);
  const runs = cron.nextRuns(n, from);
  cron.stop();
  return runs;
}

/** The latest run time at or before `now`, or null. */
export function latestDigestRun(pattern: string, timeZone: string, now: Date): Date | null {
  const cron = schedule(pattern, timeZone);
  // previousRuns excludes a run exactly at the reference; a second later includes it.
  const [last] = cron.previousRuns(1, new Date(now.getTime() + 1000));
  cron.stop();
  return last ?? null;
}

/** The digest's scheduler: the previous week's digest to every target, once per channel. */
export interface DigestScheduler extends PeriodicDelivery<DeliveryReport> {
  readonly config: DigestConfig;
}

export interface SchedulerOptions {
  /** The environment to read DIGEST_* from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** False in tests: no timers, only the methods. */
  timers?: boolean;
}

/** Builds the scheduler without starting timers. */
export function createDigestScheduler(services: Services, posters: DigestPoster[], opts: SchedulerOptions = {}): DigestScheduler {
  const config = loadDigestConfig(opts.env ?? process.env);
  const tz = services.config.BOT_TIMEZONE;
  const targets = () => digestTargets(services.store, config, services.config.BOT_DEFAULT_LANGUAGE);
  const delivery = { skipQuiet: config.DIGEST_SKIP_QUIET };
  let timers: { stop(): void } | null = null;

  const scheduler: DigestScheduler = {
    config,
    runScheduled: () => deliverDigest(services, posters, targets(), previousWeek(services.now(), tz), delivery),
    async catchUp() {
      const now = services.now();
      const last = latestDigestRun(config.DIGEST_CRON, tz, now);
      if (!last) return null;
      // Only channels that were already subscribed when the run was due missed it.
      const eligible = targets().filter((t) => t.since === null || t.since <= last.toISOString());
      const report = await deliverDigest(services, posters, eligible, previousWeek(last, tz), delivery);
      const posted = report.results.filter((r) => r.status === 'posted').length;
      if (posted > 0) services.log.info({ period: report.period, missedRun: last.toISOString(), posted }, 'posted a missed digest at start');
      return report;
    },
    retry: () => retryDue(services, posters, targets(), delivery),
    nextRun() {
      return nextDigestRuns(config.DIGEST_CRON, tz, services.now(), 1)[0] ?? null;
    },
    stop() {
      timers?.stop();
      timers = null;
    },
  };

  if (opts.timers !== false) timers = startPeriodicTimers('digest', config.DIGEST_CRON, { timezone: tz, name: 'digest' }, services.log, scheduler);
  return scheduler;
}

/**
 * Starts the digest in the running bot: the weekly schedule, the retry timer, and the
 * catch-up of a run missed while the bot was down. Stop it with `.stop()` on shutdown.
 * A bad DIGEST_* variable throws `StartupError` naming it.
 */
export function startDigestScheduler(app: { services: Services }, posters: DigestPoster[], opts: SchedulerOptions = {}): DigestScheduler {
  let scheduler: DigestScheduler;
  try {
    scheduler = createDigestScheduler(app.services, posters, opts);
  } catch (err) {
    if (err instanceof ConfigError) throw new StartupError(err.message);
    throw err;
  }
  void scheduler.catchUp().catch((err: unknown) => app.services.log.error({ err }, 'digest catch-up failed'));
  app.services.log.info({ cron: scheduler.config.DIGEST_CRON, next: scheduler.nextRun()?.toISOString() }, 'digest scheduled');
  return scheduler;
}
