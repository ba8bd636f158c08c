/**
 * The exactly-once send, shared by the digest and the reminders: claim (period, key) with a
 * lease, send, then mark it done with the message id. A failed send is kept as `failed`
 * with a back-off time and retried later; after MAX_ATTEMPTS it is abandoned. A recipient
 * the platform refuses for good (`UnreachableError`) is finished as `unreachable` and never
 * retried. The SQL is in src/store/claims.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Services } from '../core/services.js';
import { UnreachableError } from '../errors.js';
import { failClaim, finishClaim, takeClaim, type Claim, type ClaimResult, type ClaimTable } from '../store/claims.js';

/**
 * How long a claim stays exclusive while its process sends. Sending takes seconds (the SDK
 * clients are set to give up well within a minute); if the process dies mid-send, another
 * may take over after 5 minutes.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Back-off after the n-th failure: 1, 2, 4 … minutes, at most an hour. Platform outages
 * usually last minutes; 8 attempts span about 2 hours, after which a scheduled message is
 * stale and the claim is abandoned (and logged as an error for an operator).
 */
export const MAX_ATTEMPTS = 8;
export function backoffMs(failures: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(failures - 1, 0));
}

/** A per-process claim owner id. */
export const processOwner = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** Claims (period, key) at the services clock's now, leased for CLAIM_LEASE_MS. */
export function claimNow(services: Services, t: ClaimTable, a: { period: string; key: string; owner: string; ignoreBackoff?: boolean }): ClaimResult {
  const now = services.now();
  return takeClaim(services.store, t, { ...a, now: now.toISOString(), leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString() });
}

/** How one send went. */
export type AttemptResult =
  | { status: 'sent'; messageId: string }
  /** Failed; retried at `nextAttemptAt`, or given up (`abandoned`) after MAX_ATTEMPTS. */
  | { status: 'failed' | 'abandoned'; error: string; nextAttemptAt: string | null; messageId: string | null }
  /** The platform refused for good; never retried. */
  | { status: 'unreachable'; error: string };

/** Names for the log lines of one kind of send. */
export interface AttemptLabels {
  /** e.g. `digest post`: logs "digest post failed; will retry". */
  what: string;
  /** The field that names the key in log lines (`channel`, `user`). */
  keyField: string;
}

/**
 * Runs `send` for a claim `owner` holds and records how it went. Never throws for a failed
 * send: failures are logged (a warning while retries remain, an error when giving up).
 */
export async function attemptClaimed(
  services: Services,
  t: ClaimTable,
  claim: Claim,
  owner: string,
  labels: AttemptLabels,
  send: () => Promise<{ messageId: string }>,
): Promise<AttemptResult> {
  const { store, log } = services;
  const where = { period: claim.period, key: claim.key, owner };
  const fields = { period: claim.period, [labels.keyField]: claim.key };
  try {
    const { messageId } = await send();
    finishClaim(store, t, { ...where, now: services.now().toISOString(), status: 'done', messageId });
    return { status: 'sent', messageId };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    if (err instanceof UnreachableError) {
      finishClaim(store, t, { ...where, now: services.now().toISOString(), status: 'unreachable', messageId: null, error: err.code });
      return { status: 'unreachable', error: err.code };
    }
    const failures = claim.attempts + 1;
    const next = failures >= MAX_ATTEMPTS ? null : new Date(services.now().getTime() + backoffMs(failures)).toISOString();
    const row = failClaim(store, t, { ...where, error, nextAttemptAt: next });
    if (next === null) log.error({ err, ...fields, attempts: failures }, `${labels.what} failed; giving up`);
    else log.warn({ err, ...fields, attempts: failures, nextAttemptAt: next }, `${labels.what} failed; will retry`);
    return { status: next === null ? 'abandoned' : 'failed', error, nextAttemptAt: next, messageId: row?.messageId ?? null };
  }
}
