/**
 * The posters the configuration enables: Slack when SLACK_BOT_TOKEN is set, Discord when
 * DISCORD_TOKEN is set. The SDKs are loaded lazily, like the adapters themselves.
 */
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { DigestPoster } from './poster.js';
import type { DmPoster } from './dm-poster.js';

export async function postersFromConfig(config: Config): Promise<DigestPoster[]> {
  const posters: DigestPoster[] = [];
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackDigestPoster } = await import('../adapters/slack/digest-poster.js');
    posters.push(createSlackDigestPoster({ token: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL }));
  }
  if (config.DISCORD_TOKEN) {
    const { createDiscordDigestPoster } = await import('../adapters/discord/digest-poster.js');
    posters.push(createDiscordDigestPoster({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL }));
  }
  return posters;
}

/** The DM posters (check-in reminders) the configuration enables. */
export async function dmPostersFromConfig(config: Config, log: Logger): Promise<DmPoster[]> {
  const posters: DmPoster[] = [];
  if (config.SLACK_BOT_TOKEN) {
    const { createSlackDmPoster } = await import('../adapters/slack/dm-poster.js');
    posters.push(createSlackDmPoster({ token: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL, log }));
  }
  if (config.DISCORD_TOKEN) {
    const { createDiscordDmPoster } = await import('../adapters/discord/dm-poster.js');
    posters.push(createDiscordDmPoster({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL }));
  }
  return posters;
}
