/** Publishes the Home tab each time a user opens it, so it always shows current progress. */
import type { App as BoltApp } from '@slack/bolt';
import { ask, coreUser, type SlackContext } from './context.js';
import { guarded } from '../shared/failure.js';
import { homeView, stamp } from './home.js';

/** The core commands whose replies make up the Home tab, in order. */
const HOME_COMMANDS = ['/progress', '/outcomes'];

export function registerHomeTab(bolt: BoltApp, ctx: SlackContext): void {
  bolt.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    if (!ctx.recent.first(`event:${body.event_id}`)) return;
    const { config } = ctx.app.services;
    const lang = (await ctx.locales.lookup(event.user)) ?? config.BOT_DEFAULT_LANGUAGE;
    await guarded(
      ctx.log,
      'home',
      lang,
      async () => {
        const parts = [];
        for (const text of HOME_COMMANDS) parts.push(await ask(ctx, { user: coreUser(event.user), text }, lang));
        // Over the rate limit: leave the tab as it was.
        if (parts.some((p) => p.silent)) return;
        await client.views.publish({ user_id: event.user, view: homeView(lang, parts, stamp(ctx.app.services.now(), config.BOT_TIMEZONE)) });
      },
      // The Home tab has nowhere to show an apology but the tab itself.
      (apology) => client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: apology } }] } }),
    );
  });
}
