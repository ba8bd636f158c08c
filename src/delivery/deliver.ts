/**
 * Delivery with exactly-once bookkeeping: for each target, claim (period, channel) in the
 * database, post, then mark it done with the platform's message id. A failed post is kept
 * as `failed` with a back-off time and retried by `retryDue`; a claim held by another live
 * process is left alone. This is what the scheduler, the catch-up at start and
 * `kajaani-bot digest run` all call.
 */
import type { Services } from '../core/services.js';
import { digestFor, renderFor, type RenderedDigest } from '../core/digest/build.js';
import type { DigestTarget } from '../core/digest/channels.js';
import { parsePeriod, type DigestPeriod } from '../core/digest/period.js';
import type { DigestLang } from '../store/digest.js';
import { dueClaims, finishClaim, recordClaimMessage } from '../store/claims.js';
import { attemptClaimed, claimNow, processOwner } from './claims.js';
import type { DigestPoster } from './poster.js';

export { CLAIM_LEASE_MS, MAX_ATTEMPTS, backoffMs, processOwner } from './claims.js';

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
    const claimed = claimNow(services, 'digest', { period: period.label, key: target.key, owner, ignoreBackoff: opts.ignoreBackoff });
    if (claimed.kind !== 'claimed') {
      const status = ({ done: 'already-posted', skipped: 'already-skipped', abandoned: 'abandoned', unreachable: 'abandoned', busy: 'in-progress', waiting: 'waiting-retry' } as const)[claimed.kind];
      results.push({ channel: target.key, status, messageId: claimed.claim.messageId, nextAttemptAt: claimed.claim.nextAttemptAt });
      continue;
    }
    const where = { period: period.label, key: target.key, owner };
    if (digest.quiet && opts.skipQuiet) {
      finishClaim(store, 'digest', { ...where, now: services.now().toISOString(), status: 'skipped', messageId: null });
      results.push({ channel: target.key, status: 'skipped-quiet' });
      continue;
    }
    const progress = {
      messageId: claimed.claim.messageId,
      recordMessage: (messageId: string) => recordClaimMessage(store, 'digest', { ...where, messageId }),
    };
    const r = await attemptClaimed(services, 'digest', claimed.claim, owner, { what: 'digest post', keyField: 'channel' }, () => poster.post(target, renderedFor(target.lang), progress));
    if (r.status === 'sent') {
      log.info({ period: period.label, channel: target.key, messageId: r.messageId }, 'digest posted');
      results.push({ channel: target.key, status: 'posted', messageId: r.messageId });
    } else if (r.status === 'unreachable') {
      results.push({ channel: target.key, status: 'abandoned', error: r.error, nextAttemptAt: null });
    } else {
      results.push({ channel: target.key, status: r.status, error: r.error, messageId: r.messageId, nextAttemptAt: r.nextAttemptAt });
    }
  }
  return { period: period.label, results };
}

/** Retries every failed post whose back-off has passed (targets no longer configured are left as they are). */
export async function retryDue(services: Services, posters: DigestPoster[], targets: DigestTarget[], opts: DeliveryOptions): Promise<DeliveryReport[]> {
  const due = dueClaims(services.store, 'digest', services.now().toISOString()).map((c) => ({ period: c.period, channel: c.key }));
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
