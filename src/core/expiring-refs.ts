/**
 * Values kept in memory behind a short random reference that a button carries (a Discord
 * custom_id holds only 100 characters, a Slack button value 2,000, so the value itself cannot
 * travel): bounded in number (the oldest goes first) and forgotten after a while. A reference
 * unknown after a restart, or expired, finds nothing; the caller says so.
 */
import { randomUUID } from 'node:crypto';

export class ExpiringRefs<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Remembers `value` and returns its reference: 12 hex characters, unguessable in practice. */
  remember(value: T): string {
    const ref = randomUUID().replace(/-/g, '').slice(0, 12);
    // Oldest first: a Map iterates in insertion order.
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(ref, { value, at: this.now() });
    return ref;
  }

  /** The value behind `ref`, unless unknown or older than the time to live. */
  get(ref: string): T | undefined {
    const e = this.entries.get(ref);
    if (!e) return undefined;
    if (this.now() - e.at > this.ttlMs) {
      this.entries.delete(ref);
      return undefined;
    }
    return e.value;
  }
}
