/**
 * Per-user settings (migration 8): the language a user chose with `/lang`. A user with no
 * setting follows their platform's locale. Written only by the core's `/lang` command.
 */
import type { Store } from './store.js';
import { stmt } from './statements.js';

/** A language a user can choose (the same two the bot speaks). */
export type UserLang = 'en' | 'fi';

/** The language `user` chose, or null when they never chose one (or cleared it). */
export function userLanguage(store: Store, user: string): UserLang | null {
  const row = stmt(store, 'SELECT lang FROM user_settings WHERE user_id = ?').get(user) as { lang: UserLang | null } | undefined;
  return row?.lang ?? null;
}

/** Sets (or, with null, clears) the language `user` chose. */
export function setUserLanguage(store: Store, user: string, lang: UserLang | null, at: string): void {
  stmt(store, 'INSERT INTO user_settings (user_id, lang, updated_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at').run(user, lang, at);
}
