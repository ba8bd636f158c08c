/**
 * Per-user rate limit (issue 11 item 3): a token bucket per user, so one person cannot keep
 * the bot busy for everyone (a `/digest preview` costs ~30 ms; ten thousand of them do not
 * queue behind one user's loop). Over the limit the user gets one polite "slow down" reply,
 * then nothing until a token refills. The console is never limited: it is the operator's
 * own terminal. Configured by `BOT_RATE_LIMIT` (see `parseRateLimit`).
 */
import type { Platform } from './platform.js';
import { errorReply, type Lang, type Reply } from './reply.js';

/** `count` messages per `periodMs`, with up to `burst` at once. */
export interface RateLimit {
  count: number;
  periodMs: number;
  burst: number;
}

/** The default: a person typing fast sends a few messages in a row, not 20 a minute for long. */
export const DEFAULT_RATE_LIMIT = '20/min,burst=5';
/** A burst when `BOT_RATE_LIMIT` names none: a handful of quick follow-ups. */
const DEFAULT_BURST = 5;

const PERIODS: Record<string, number> = { s: 1_000, sec: 1_000, second: 1_000, min: 60_000, minute: 60_000, h: 3_600_000, hour: 3_600_000 };

/** What `BOT_RATE_LIMIT` accepts, for the configuration error. */
export const RATE_LIMIT_FORMAT = 'must be "off" or a rate such as 20/min,burst=5 (messages per s, min or h; burst = how many may come at once)';

/**
 * Reads `BOT_RATE_LIMIT`: `off`, or `<count>/<s|min|h>` with an optional `,burst=<n>`
 * (spaces allowed). Undefined when the text is not in that format.
 */
export function parseRateLimit(text: string): RateLimit | 'off' | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'off') return 'off';
  const m = /^(\d{1,6})\s*\/\s*([a-z]+)\s*(?:,\s*burst\s*=\s*(\d{1,5})\s*)?$/.exec(t);
  const periodMs = m ? PERIODS[m[2]!] : undefined;
  if (!m || periodMs === undefined) return undefined;
  const count = Number(m[1]);
  const burst = m[3] === undefined ? DEFAULT_BURST : Number(m[3]);
  if (count < 1 || burst < 1) return undefined;
  return { count, periodMs, burst };
}

/** `pass`: go ahead. `warn`: over the limit, say so once. `drop`: over the limit, already told. */
export type Verdict = 'pass' | 'warn' | 'drop';

/**
 * Tokens are counted in credits, `periodMs` credits to a token, refilled at `count` credits a
 * millisecond: whole numbers for a millisecond clock, so "one token every 3 s" is exact.
 */
interface Bucket {
  credits: number;
  /** Clock time `credits` was computed at (also the last message: buckets are updated on every take). */
  at: number;
  warned: boolean;
}

/**
 * Bounds the buckets kept at once. Idle buckets are dropped as soon as they would be full
 * again (a full bucket is the same as no bucket); this cap only matters under a flood of
 * distinct users, when the least recently seen are forgotten (they start afresh: lenient).
 */
const MAX_BUCKETS = 10_000;

/** Token buckets per key, on an injected clock (milliseconds, e.g. `performance.now`). */
export class RateLimiter {
  /** In order of last use, oldest first (re-inserted on every take). */
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  /** After this long without a message, any bucket is full again. */
  private readonly refillAllMs: number;
  private readonly maxBuckets: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number,
    options: { maxBuckets?: number } = {},
  ) {
    this.capacity = limit.burst * limit.periodMs;
    this.refillAllMs = this.capacity / limit.count;
    this.maxBuckets = options.maxBuckets ?? MAX_BUCKETS;
  }

  /** Buckets held now. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes a token for `key`; `retryAfterMs` is how long until the next one (0 on `pass`). */
  take(key: string): { verdict: Verdict; retryAfterMs: number } {
    const now = this.clock();
    this.forgetIdle(now);
    const old = this.buckets.get(key);
    const bucket: Bucket = old
      ? { ...old, credits: Math.min(this.capacity, old.credits + (now - old.at) * this.limit.count), at: now }
      : { credits: this.capacity, at: now, warned: false };
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.credits >= this.limit.periodMs) {
      bucket.credits -= this.limit.periodMs;
      bucket.warned = false;
      return { verdict: 'pass', retryAfterMs: 0 };
    }
    const retryAfterMs = Math.ceil((this.limit.periodMs - bucket.credits) / this.limit.count);
    if (bucket.warned) return { verdict: 'drop', retryAfterMs };
    bucket.warned = true;
    return { verdict: 'warn', retryAfterMs };
  }

  /** Drops buckets idle long enough to be full again, oldest first (stops at the first recent one). */
  private forgetIdle(now: number): void {
    for (const [key, b] of this.buckets) {
      if (now - b.at < this.refillAllMs) return;
      this.buckets.delete(key);
    }
  }
}

const SLOW_DOWN = {
  en: (s: number) => `Please slow down a little: you are sending messages faster than I answer them. Try again in about ${s} seconds.`,
  fi: (s: number) => `Hidasta hieman: lähetät viestejä nopeammin kuin ehdin vastata. Yritä uudelleen noin ${s} sekunnin kuluttua.`,
};

/**
 * The check `Bot.handle` runs first: undefined to go ahead, else the reply to give instead
 * (the "slow down" reply once, then the same marked `silent`, which adapters do not send).
 */
export type RateLimitGate = (platform: Platform, user: string, lang: () => Lang) => Reply | undefined;

/** A gate for the configured limit; `log` hears of each user who hits it (once per episode). */
export function createRateLimitGate(
  limit: RateLimit | 'off',
  options: { clock: () => number; log?: (user: string, retryAfterMs: number) => void },
): RateLimitGate {
  if (limit === 'off') return () => undefined;
  const limiter = new RateLimiter(limit, options.clock);
  return (platform, user, lang) => {
    if (platform === 'console') return undefined;
    const { verdict, retryAfterMs } = limiter.take(user);
    if (verdict === 'pass') return undefined;
    const l = lang();
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    if (verdict === 'warn') options.log?.(user, retryAfterMs);
    return errorReply(l, SLOW_DOWN[l](seconds), { data: { rateLimited: true, retryAfterSeconds: seconds }, ...(verdict === 'drop' ? { silent: true } : {}) });
  };
}
