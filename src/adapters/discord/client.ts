/** The discord.js client and REST setup: intents, partials, API base, safe defaults. */
import { Client, GatewayIntentBits, Options, Partials, REST, type ClientOptions } from 'discord.js';
import type { Config } from '../../config.js';
import { NO_PINGS } from './context.js';

/**
 * Only what the bot needs. `Guilds` caches servers and channels (messages in uncached
 * channels are dropped); `GuildMessages` delivers mentions; `DirectMessages` delivers DMs.
 * No privileged intent: Discord includes the text of messages that mention the bot and of
 * DMs even without Message Content.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** The REST options: `DISCORD_API_URL` replaces discord.com (discord.js appends `/v10`). */
export function restOptions(config: Pick<Config, 'DISCORD_API_URL'>): { api?: string } {
  return config.DISCORD_API_URL ? { api: config.DISCORD_API_URL.replace(/\/+$/, '') } : {};
}

/** A REST client for command registration, outside the gateway client. */
export function createRest(config: Pick<Config, 'DISCORD_API_URL' | 'DISCORD_TOKEN'>): REST {
  return new REST(restOptions(config)).setToken(config.DISCORD_TOKEN ?? '');
}

/** The gateway client. */
export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  const options: ClientOptions = {
    intents: INTENTS,
    // DM channels are not cached until used; without the Channel partial their messages are dropped.
    partials: [Partials.Channel],
    // Client-wide default, so even a message sent without options cannot mass-mention.
    allowedMentions: NO_PINGS,
    rest: restOptions(config),
    // The bot reads guilds, channels, roles (DISCORD_REPORTER_ROLE) and the member that sent a
    // message or interaction (built from the event itself); it never reads cached messages,
    // presences, reactions, thread members, emojis, stickers or voice states.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      ThreadMemberManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      VoiceStateManager: 0,
      StageInstanceManager: 0,
      GuildScheduledEventManager: 0,
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
  };
  return new Client(options);
}
