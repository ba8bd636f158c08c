/**
 * Refuses replayed and future-dated Slack requests in HTTP mode, in front of Bolt's own
 * checks. Bolt verifies the signature and refuses a timestamp more than 5 minutes old, but
 * it accepts the very same signed request again and again within those 5 minutes (anyone
 * who sees one request, in a proxy log say, can make the bot run it again: a report stored
 * twice), and it accepts any timestamp in the future (a request signed "for later" stays
 * replayable for as long as it likes).
 *
 * A signature is HMAC(secret, timestamp + body): it names one request exactly. Slack's own
 * retries of an event are new requests, re-signed with the time they are sent (their last
 * retry comes about 5 minutes after the first try, when the first timestamp would already
 * be refused as stale), so they pass here and are de-duplicated by event id as before. Should
 * a byte-identical copy ever come marked as Slack's retry (`x-slack-retry-num`), it gets a
 * plain 200 and nothing runs: Slack then stops retrying what was already handled, and a
 * replayer gains nothing by adding the header.
 *
 * Wraps the HTTPReceiver's public `requestListener`: the body is read here (with Bolt's own
 * reader and size limit, which leaves it where Bolt looks for it), the signature checked
 * with Bolt's own `isValidSlackRequest`, and the request then handed to Bolt, which checks
 * it again as usual. Requests that fail the signature check are left to Bolt to refuse.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isValidSlackRequest, type BufferedIncomingMessage } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { SeenIds } from '../shared/seen-ids.js';

/** Slack's clock and ours may differ a little, but a request dated more than 5 minutes ahead is refused. */
export const MAX_FUTURE_S = 5 * 60;
/**
 * How long a signature is remembered. Bolt accepts a timestamp until it is 5 minutes old,
 * and this guard accepts one up to 5 minutes ahead: a signature can therefore be valid for
 * at most 10 minutes after it first arrives. (SeenIds' cap of 50,000 bounds the memory; only
 * verified signatures are remembered, so nobody without the signing secret can fill it.)
 */
export const SIGNATURE_MEMORY_MS = 10 * 60 * 1000;

export interface ReplayGuardOptions {
  signingSecret: string;
  /** The receiver's endpoints (`/slack/events`); other paths pass untouched. */
  endpoints: readonly string[];
  log: Logger;
  /** Milliseconds; tests move it. */
  now?: () => number;
}

function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status);
  res.end();
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/** Wraps a Bolt HTTPReceiver's request listener with the replay and future-timestamp checks. */
export function guardAgainstReplay(listener: RequestListener, o: ReplayGuardOptions): RequestListener {
  const now = o.now ?? Date.now;
  const seen = new SeenIds(SIGNATURE_MEMORY_MS, now);

  const check = async (req: IncomingMessage, res: ServerResponse, signature: string, timestamp: number): Promise<void> => {
    if (timestamp > now() / 1000 + MAX_FUTURE_S) {
      o.log.warn({ timestamp }, 'slack: request dated more than 5 minutes ahead refused');
      req.resume();
      return refuse(res, 401);
    }
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
    } catch (err) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(err) && (err as { statusCode?: number }).statusCode === 413;
      o.log.warn({ err }, 'slack: request body could not be read');
      return refuse(res, tooLarge ? 413 : 400);
    }
    const valid = isValidSlackRequest({
      signingSecret: o.signingSecret,
      body: buffered.rawBody.toString(),
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    });
    // Not valid: Bolt refuses it (401) and logs why; it is never remembered here.
    if (valid && !seen.first(signature)) {
      const retry = header(req, 'x-slack-retry-num');
      o.log.warn({ timestamp, retry }, 'slack: replayed request refused (this exact signed request was already handled)');
      return refuse(res, retry !== undefined ? 200 : 401);
    }
    listener(req, res);
  };

  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const signature = header(req, 'x-slack-signature');
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    // Only signed posts to the events endpoint are checked; Bolt answers everything else (and refuses unsigned posts).
    if (req.method !== 'POST' || !o.endpoints.includes(path) || signature === undefined || !Number.isFinite(timestamp)) {
      listener(req, res);
      return;
    }
    check(req, res, signature, timestamp).catch((err: unknown) => {
      o.log.error({ err }, 'slack: request check failed');
      if (!res.headersSent) refuse(res, 500);
    });
  };
}
