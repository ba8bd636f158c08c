/**
 * Refuses replayed and future-dated Slack requests in HTTP mode. Bolt verifies the signature
 * and refuses a timestamp more than 5 minutes old, but it accepts the very same signed
 * request again and again within those 5 minutes (anyone who sees one request, in a proxy
 * log say, can make the bot run it again: a report stored twice), and it accepts any
 * timestamp in the future (a request signed "for later" stays replayable for as long as it
 * likes).
 *
 * A signature is HMAC(secret, timestamp + body): it names one request exactly. The guard
 * remembers each signature Bolt has verified (never an unverified one, so nobody without the
 * signing secret can fill the memory or block a genuine request), in three places of Bolt's
 * HTTPReceiver, all public options, with Bolt's own verification left on and done once:
 *   - `wrap` goes around the receiver's request listener and answers from the headers alone,
 *     before the body is read: a timestamp more than 5 minutes ahead, or a signature already
 *     handled, gets 401 (or a plain 200, see below);
 *   - `remember` is the receiver's `customPropertiesExtractor`, which Bolt calls right after
 *     it has verified a request: it records the signature, and marks the request when the
 *     same signature got there first (two copies sent at once both pass `wrap`);
 *   - `middleware` (global, first) drops a marked request: acknowledged empty, nothing runs.
 *
 * Slack's own retries of an event are new requests, re-signed with the time they are sent
 * (the last retry comes about 5 minutes after the first try, when the first timestamp would
 * already be refused as stale), so they pass here and are de-duplicated by event id as
 * before. Should a byte-identical copy ever come marked as Slack's retry
 * (`x-slack-retry-num`), it gets a plain 200 and nothing runs: Slack stops retrying what
 * already ran, and a replayer gains nothing by adding the header.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AnyMiddlewareArgs, BufferedIncomingMessage, Middleware } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { SeenIds } from '../shared/seen-ids.js';

/** Slack's clock and ours may differ a little, but a request dated more than 5 minutes ahead is refused. */
export const MAX_FUTURE_S = 5 * 60;
/**
 * How long a signature is remembered. Bolt accepts a timestamp until it is 5 minutes old,
 * and this guard accepts one up to 5 minutes ahead: a signature can therefore be valid for
 * at most 10 minutes after it first arrives. (SeenIds' cap of 50,000 bounds the memory; only
 * verified signatures are remembered.)
 */
export const SIGNATURE_MEMORY_MS = 10 * 60 * 1000;

/** The context key a repeated request is marked with (not one of Bolt's built-in keys). */
const REPLAYED = 'kajaaniReplayed';

export interface ReplayGuardOptions {
  /** The receiver's endpoints (`/slack/events`); other paths pass untouched. */
  endpoints: readonly string[];
  log: Logger;
  /** Milliseconds; tests move it. */
  now?: () => number;
}

/** The three hooks; see the module comment. */
export interface ReplayGuard {
  wrap(listener: RequestListener): RequestListener;
  remember(request: BufferedIncomingMessage): Record<string, unknown>;
  middleware: Middleware<AnyMiddlewareArgs>;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  // The body is never read: drain it so the connection can be reused.
  req.resume();
  res.writeHead(status);
  res.end();
}

export function createReplayGuard(o: ReplayGuardOptions): ReplayGuard {
  const now = o.now ?? Date.now;
  const seen = new SeenIds(SIGNATURE_MEMORY_MS, now);

  const replayed = (req: IncomingMessage, timestamp: string | undefined) => {
    const retry = header(req, 'x-slack-retry-num');
    o.log.warn({ timestamp, retry }, 'slack: replayed request refused (this exact signed request was already handled)');
    return retry;
  };

  return {
    wrap(listener) {
      return (req, res) => {
        const signature = header(req, 'x-slack-signature');
        const timestamp = header(req, 'x-slack-request-timestamp');
        // Only signed posts to the events endpoint are checked; Bolt answers everything else (and refuses unsigned posts).
        if (req.method === 'POST' && signature !== undefined && timestamp !== undefined && o.endpoints.includes(new URL(req.url ?? '/', 'http://localhost').pathname)) {
          if (Number(timestamp) > now() / 1000 + MAX_FUTURE_S) {
            o.log.warn({ timestamp }, 'slack: request dated more than 5 minutes ahead refused');
            return refuse(req, res, 401);
          }
          if (seen.has(signature)) return refuse(req, res, replayed(req, timestamp) !== undefined ? 200 : 401);
        }
        listener(req, res);
      };
    },

    remember(request) {
      const signature = header(request, 'x-slack-signature');
      if (signature === undefined || seen.first(signature)) return {};
      replayed(request, header(request, 'x-slack-request-timestamp'));
      return { [REPLAYED]: true };
    },

    async middleware(args) {
      if (args.context[REPLAYED] !== true) return args.next();
      // Events are acknowledged by Bolt before any middleware; everything else is acknowledged here, empty.
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
    },
  };
}
