/**
 * The user's language from their Slack locale (`users.info` with `include_locale`), cached:
 * `fi-FI` → Finnish, any other locale → English, unknown → undefined (the core then detects
 * the language of the text).
 *
 * Two ways to ask. `known(user)` never waits: a slash command answers inside its
 * acknowledgement, and a users.info round trip (100–300 ms from Slack, seconds when rate
 * limited) would eat the time that acknowledgement has. On a miss it answers undefined, so
 * the core goes by the language of the text (a question's own words are the best sign of
 * the language wanted anyway, and a bare command falls back to BOT_DEFAULT_LANGUAGE, the
 * workspace's language as the operator set it), and it starts the lookup in the background,
 * so from the user's next command on their Slack language applies. `lookup(user)` waits a
 * little on a miss: the paths whose acknowledgement is already sent (events, clicks, forms)
 * lose nothing by it.
 */
import type { webApi } from '@slack/bolt';
import type { Lang } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { withinDeadline } from '../shared/deadline.js';

/**
 * People rarely change their Slack language; an hour keeps `users.info` calls (rate tier 4)
 * to about one per active user per hour while a change still shows up the same day. An
 * entry past it is still used while a fresh lookup runs in the background, so an expired
 * entry never makes anyone wait.
 */
const LOCALE_TTL_MS = 60 * 60 * 1000;
/**
 * A failed lookup is remembered as "unknown" for a minute: a user writing several commands
 * while users.info fails (or is rate limited) does not set off one call per command.
 */
const FAILURE_TTL_MS = 60 * 1000;
/**
 * `lookup()` never holds an answer up for long: a form's trigger id expires 3 s after the
 * click, and a rate-limited users.info may wait far longer. After 1 s the text's language is
 * used instead; the call still completes in the background and fills the cache.
 */
const LOOKUP_WAIT_MS = 1000;
/** Bounds the cache in a large workspace: past it the oldest entry goes (a later miss only costs a lookup). */
const MAX_ENTRIES = 5000;

/** Slack locale (`fi-FI`, `en-US`, `ja-JP`) → the bot's language. */
export function langFromSlackLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  return /^fi\b/i.test(locale) ? 'fi' : 'en';
}

/** The users' languages, cached. */
export interface LocaleCache {
  /** The language if cached (a stale entry too, refreshed in the background); never waits. A miss starts the lookup. */
  known(userId: string): Lang | undefined;
  /** The language, waiting up to a second for users.info on a miss. */
  lookup(userId: string): Promise<Lang | undefined>;
}

interface Entry {
  lang: Lang | undefined;
  /** When the entry stops being fresh (ms). */
  freshUntil: number;
}

/** A cached `users.info` lookup. A failed call gives undefined (remembered briefly). */
export function createLocaleCache(client: webApi.WebClient, log: Logger, now: () => number = Date.now): LocaleCache {
  const cache = new Map<string, Entry>();
  // One call per user at a time, however many commands arrive while it runs.
  const inFlight = new Map<string, Promise<Lang | undefined>>();

  const remember = (userId: string, lang: Lang | undefined, ttl: number) => {
    cache.delete(userId);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(userId, { lang, freshUntil: now() + ttl });
  };

  const fetchLang = (userId: string): Promise<Lang | undefined> => {
    const running = inFlight.get(userId);
    if (running) return running;
    const call = (async () => {
      try {
        const res = await client.users.info({ user: userId, include_locale: true });
        const lang = langFromSlackLocale(res.user?.locale);
        remember(userId, lang, LOCALE_TTL_MS);
        return lang;
      } catch (err) {
        log.warn({ err, user: userId }, 'slack: users.info failed; language will be detected from the text');
        // Keep a known language over a failed refresh; otherwise remember "unknown" briefly.
        const old = cache.get(userId);
        remember(userId, old?.lang, old?.lang ? LOCALE_TTL_MS : FAILURE_TTL_MS);
        return old?.lang;
      } finally {
        inFlight.delete(userId);
      }
    })();
    inFlight.set(userId, call);
    return call;
  };

  return {
    known(userId) {
      const hit = cache.get(userId);
      if (!hit || now() >= hit.freshUntil) void fetchLang(userId);
      return hit?.lang;
    },
    async lookup(userId) {
      const hit = cache.get(userId);
      if (hit) {
        if (now() >= hit.freshUntil) void fetchLang(userId);
        return hit.lang;
      }
      return withinDeadline(fetchLang(userId), LOOKUP_WAIT_MS);
    },
  };
}
