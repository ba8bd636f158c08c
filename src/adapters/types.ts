/** What every platform adapter returns when started. */
export interface RunningAdapter {
  name: 'slack' | 'discord';
  /** How it runs, for the start-up line (e.g. "HTTP on port 3000 at /slack/events"). */
  detail?: string;
  stop(): Promise<void>;
}
