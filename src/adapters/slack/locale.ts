/**
 * The user's language from their Slack locale (`users.info` with `include_locale`), cached:
 * `fi-FI` → Finnish, any other locale → English, unknown → undefined (the core then detects
 * the language of the text).
 */
import type { webApi } from '@slack/bolt';
import type { Lang } from '../../core/reply.js';
import type { Logger } from '../../log.js';
import { withinDeadline } from '../shared/deadline.js';

/**
 * People rarely change their Slack language; an hour keeps `users.info` calls (rate tier 4)
 * to about one per active user per hour while a change still shows up the same day.
 */
const LOCALE_TTL_MS = 60 * 60 * 1000;
/**
 * The lookup never holds an answer up for long: a form's trigger id expires 3 s after the
 * click, and a rate-limited users.info may wait far longer. After 1 s the text's language is
 * used instead; the call still completes in the background and fills the cache.
 */
const LOOKUP_WAIT_MS = 1000;
/** Bounds the cache in a large workspace. */
const MAX_ENTRIES = 5000;

/** Slack locale (`fi-FI`, `en-US`, `ja-JP`) → the bot's language. */
export function langFromSlackLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  return /^fi\b/i.test(locale) ? 'fi' : 'en';
}

export type LocaleLookup = (userId: string) => Promise<Lang | undefined>;

/** A cached `users.info` lookup. A failed call gives undefined (and is not cached). */
export function createLocaleLookup(client: webApi.WebClient, log: Logger, now: () => number = Date.now): LocaleLookup {
  const cache = new Map<string, { lang: Lang | undefined; at: number }>();
  const fetchLang = async (userId: string): Promise<Lang | undefined> => {
    try {
      const res = await client.users.info({ user: userId, include_locale: true });
      const lang = langFromSlackLocale(res.user?.locale);
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      cache.set(userId, { lang, at: now() });
      return lang;
    } catch (err) {
      log.warn({ err, user: userId }, 'slack: users.info failed; language will be detected from the text');
      return undefined;
    }
  };
  return async (userId) => {
    const hit = cache.get(userId);
    if (hit && now() - hit.at < LOCALE_TTL_MS) return hit.lang;
    return withinDeadline(fetchLang(userId), LOOKUP_WAIT_MS);
  };
}
