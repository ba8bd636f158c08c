/**
 * Starts the platform adapters the configuration enables. The SDKs are imported lazily so
 * the console chat and one-shot `ask` never pay for loading Bolt or discord.js.
 */
import { performance } from 'node:perf_hooks';
import type { App } from '../main.js';
import type { RunningAdapter } from './types.js';

/** True when Slack or Discord is configured. */
export function platformsConfigured(app: App): { slack: boolean; discord: boolean } {
  const c = app.services.config;
  return { slack: c.SLACK_BOT_TOKEN !== undefined, discord: c.DISCORD_TOKEN !== undefined };
}

/** Starts every configured adapter; logs which started. */
export async function startAdapters(app: App): Promise<RunningAdapter[]> {
  const which = platformsConfigured(app);
  const running: RunningAdapter[] = [];
  if (which.slack) {
    const { startSlack } = await import('./slack/index.js');
    performance.mark('kajaani:slack-imported');
    running.push(await startSlack(app));
    performance.mark('kajaani:slack-ready');
  }
  if (which.discord) {
    const { startDiscord } = await import('./discord/index.js');
    performance.mark('kajaani:discord-imported');
    running.push(await startDiscord(app));
    performance.mark('kajaani:discord-ready');
  }
  app.services.log.info({ adapters: running.map((r) => r.name) }, 'adapters started');
  return running;
}
