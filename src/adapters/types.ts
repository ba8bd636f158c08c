/** What every platform adapter returns when started. */
export interface RunningAdapter {
  name: 'slack' | 'discord';
  stop(): Promise<void>;
}
