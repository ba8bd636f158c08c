/**
 * Delivery with exactly-once bookkeeping: for each target, claim (period, channel) in the
 * database, post, then mark it done with the platform's message id. A failed post is kept
 * as `failed` with a back-off time and retried by `retryDue`; a claim held by another live
 * process is left alone. This is what the scheduler, the catch-up at start and
 * `kajaani-bot digest run` all call.
 */
import { randomUUID } from 'node:crypto';
import type { Services } from '../core/services.js';
import { digestFor, renderFor, type RenderedDigest } from '../core/digest/build.js';
import type { DigestTarget } from '../core/digest/channels.js';
import { parsePeriod, type DigestPeriod } from '../core/digest/period.js';
import { claimPost, duePosts, failPost, finishPost, recordMessageId, type DigestLang } from '../store/digest.js';
import type { DigestPoster } from './poster.js';

/**
 * How long a claim stays exclusive while its process posts. Posting takes seconds (the SDK
 * clients are set to give up well within a minute); if the process dies mid-post, another
 * may take over after 5 minutes.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Back-off after the n-th failure: 1, 2, 4 … minutes, at most an hour. Platform outages
 * usually last minutes; 8 attempts span about 2 hours, after which a Monday digest is stale
 * and the claim is abandoned (and logged as an error for an operator).
 */
export const MAX_ATTEMPTS = 8;
export function backoffMs(failures: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(failures - 1, 0));
}

/** What happened in one channel. */
export interface ChannelResult {
  channel: string;
  status: 'posted' | 'already-posted' | 'skipped-quiet' | 'already-skipped' | 'in-progress' | 'waiting-retry' | 'failed' | 'abandoned' | 'no-poster';
  messageId?: string | null;
  error?: string;
  nextAttemptAt?: string | null;
}

export interface DeliveryReport {
  period: string;
  results: ChannelResult[];
}

export interface DeliveryOptions {
  /** Identifies this process in claims. */
  owner?: string;
  skipQuiet: boolean;
  /** Retry a failed claim now instead of waiting for its back-off (an operator's `digest run`). */
  ignoreBackoff?: boolean;
}

/** A per-process claim owner id. */
export const processOwner = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Delivers the period's digest to every target. Never throws for a failed post. */
export async function deliverDigest(
  services: Services,
  posters: DigestPoster[],
  targets: DigestTarget[],
  period: DigestPeriod,
  opts: DeliveryOptions,
): Promise<DeliveryReport> {
  const { store, log } = services;
  const owner = opts.owner ?? processOwner;
  const kb = services.knowledge.current;
  const digest = digestFor(store, kb, period);
  const rendered = new Map<DigestLang, RenderedDigest>();
  const renderedFor = (lang: DigestLang) => {
    let r = rendered.get(lang);
    if (!r) rendered.set(lang, (r = renderFor(kb, digest, lang)));
    return r;
  };
  const results: ChannelResult[] = [];
  for (const target of targets) {
    const poster = posters.find((p) => p.platform === target.platform);
    if (!poster) {
      results.push({ channel: target.key, status: 'no-poster' });
      continue;
    }
    const now = services.now();
    const claim = claimPost(store, {
      period: period.label,
      channel: target.key,
      owner,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
      ignoreBackoff: opts.ignoreBackoff,
    });
    if (claim.kind !== 'claimed') {
      const status = ({ done: 'already-posted', skipped: 'already-skipped', abandoned: 'abandoned', busy: 'in-progress', waiting: 'waiting-retry' } as const)[claim.kind];
      results.push({ channel: target.key, status, messageId: claim.post.messageId, nextAttemptAt: claim.post.nextAttemptAt });
      continue;
    }
    if (digest.quiet && opts.skipQuiet) {
      finishPost(store, { period: period.label, channel: target.key, owner, now: services.now().toISOString(), status: 'skipped', messageId: null });
      results.push({ channel: target.key, status: 'skipped-quiet' });
      continue;
    }
    const progress = {
      messageId: claim.post.messageId,
      recordMessage: (id: string) => recordMessageId(store, period.label, target.key, owner, id),
    };
    try {
      const { messageId } = await poster.post(target, renderedFor(target.lang), progress);
      finishPost(store, { period: period.label, channel: target.key, owner, now: services.now().toISOString(), status: 'done', messageId });
      log.info({ period: period.label, channel: target.key, messageId }, 'digest posted');
      results.push({ channel: target.key, status: 'posted', messageId });
    } catch (err) {
      const failures = claim.post.attempts + 1;
      const next = failures >= MAX_ATTEMPTS ? null : new Date(services.now().getTime() + backoffMs(failures)).toISOString();
      const error = err instanceof Error ? err.message : String(err);
      const post = failPost(store, { period: period.label, channel: target.key, owner, error, nextAttemptAt: next });
      if (next === null) log.error({ err, period: period.label, channel: target.key, attempts: failures }, 'digest post failed; giving up');
      else log.warn({ err, period: period.label, channel: target.key, attempts: failures, nextAttemptAt: next }, 'digest post failed; will retry');
      results.push({ channel: target.key, status: next === null ? 'abandoned' : 'failed', error, messageId: post?.messageId ?? null, nextAttemptAt: next });
    }
  }
  return { period: period.label, results };
}

/** Retries every failed post whose back-off has passed (targets no longer configured are left as they are). */
export async function retryDue(services: Services, posters: DigestPoster[], targets: DigestTarget[], opts: DeliveryOptions): Promise<DeliveryReport[]> {
  const due = duePosts(services.store, services.now().toISOString());
  const reports: DeliveryReport[] = [];
  for (const period of [...new Set(due.map((d) => d.period))]) {
    const p = parsePeriod(period, services.config.BOT_TIMEZONE);
    const channels = new Set(due.filter((d) => d.period === period).map((d) => d.channel));
    const these = targets.filter((t) => channels.has(t.key));
    if (!p || these.length === 0) continue;
    reports.push(await deliverDigest(services, posters, these, p, opts));
  }
  return reports;
}
