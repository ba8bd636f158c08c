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
