/**
 * Ids of deliveries already handled, so each message, event or interaction is answered once
 * however often the platform delivers it.
 *
 * Slack retries an event it thinks we missed (up to three times, over about five minutes: at
 * once, after ~1 min, after ~5 min) with the same `event_id`, and Bolt passes the retries on;
 * a DM mention can also arrive as both `message` and `app_mention`. Discord replays events
 * after a gateway resume, seconds later. An id is therefore remembered for 10 minutes, which
 * covers Slack's whole retry window with room to spare; memory is bounded by what arrives in
 * 10 minutes, and MAX_IDS caps even that.
 */
export const DEDUPE_TTL_MS = 10 * 60 * 1000;
/**
 * A ceiling far above any real traffic (a busy workspace sends a few thousand events in 10
 * minutes): it only stops a flood from growing memory without end. Past it the oldest ids
 * are forgotten early.
 */
export const MAX_IDS = 50_000;

export class SeenIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = DEDUPE_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly max = MAX_IDS,
  ) {}

  /** True the first time an id is seen within the TTL (and remembers it); false for a repeat. */
  first(id: string): boolean {
    return this.firstOfAll([id]);
  }

  /**
   * True when none of the ids was seen; then remembers them all. One delivery can carry
   * several ids (Slack's event id and its channel + ts): a repeat of any of them is a repeat.
   */
  firstOfAll(ids: string[]): boolean {
    const t = this.now();
    this.prune(t);
    if (ids.some((id) => this.seen.has(id))) return false;
    for (const id of ids) this.seen.set(id, t);
    while (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as string);
    return true;
  }

  /** True when the id was seen within the TTL; does not remember it. */
  has(id: string): boolean {
    this.prune(this.now());
    return this.seen.has(id);
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(t: number): void {
    // Map keeps insertion order, and insertion times only grow: stop at the first fresh id.
    for (const [id, at] of this.seen) {
      if (t - at < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}
