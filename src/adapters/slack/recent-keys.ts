/**
 * A set of keys that forgets each key after a fixed time: used to handle each Slack delivery
 * once. Slack retries an event it thinks we missed (up to three times, over about five
 * minutes: at once, after ~1 min, after ~5 min), with the same `event_id`; Bolt passes the
 * retries on. Keeping keys for 10 minutes covers the whole retry window with room to spare,
 * while memory stays bounded by what arrives in 10 minutes.
 */
export const DEDUPE_TTL_MS = 10 * 60 * 1000;

export class RecentKeys {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = DEDUPE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time a key is seen within the TTL (and remembers it); false for a repeat. */
  firstTime(key: string): boolean {
    const t = this.now();
    this.prune(t);
    if (this.seen.has(key)) return false;
    this.seen.set(key, t);
    return true;
  }

  /** True when every key is new; then remembers them all (one reply for event id + channel/ts). */
  firstTimeAll(keys: string[]): boolean {
    const t = this.now();
    this.prune(t);
    if (keys.some((k) => this.seen.has(k))) return false;
    for (const k of keys) this.seen.set(k, t);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(t: number): void {
    // Map keeps insertion order, and insertion times only grow: stop at the first fresh key.
    for (const [k, at] of this.seen) {
      if (t - at < this.ttlMs) break;
      this.seen.delete(k);
    }
  }
}
