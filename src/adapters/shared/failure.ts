/**
 * Failures around the core (rendering, a platform call that threw, a core that rejected):
 * logged once with a reference id and answered with the core's apology, so the user always
 * gets a reply and the operator finds the log line by the reference the user quotes.
 */
import { apologyText, newReference } from '../../core/apology.js';
import type { Lang } from '../../core/reply.js';
import type { Logger } from '../../log.js';

/**
 * Runs a handler body. On failure: logs the error with a new reference (plus `fields`) and
 * passes the apology to `tell`; a failing `tell` is logged too. Never rethrows: one bad
 * request must not disturb the others.
 */
export async function guarded(
  log: Logger,
  what: string,
  lang: Lang,
  fn: () => Promise<void>,
  tell: (apology: string) => Promise<unknown>,
  fields: Record<string, unknown> = {},
): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const reference = newReference();
    log.error({ err, reference, handler: what, ...fields }, `${what} failed`);
    try {
      await tell(apologyText(lang, reference));
    } catch (again) {
      log.error({ err: again, reference, handler: what }, `${what}: the apology could not be sent`);
    }
  }
}
