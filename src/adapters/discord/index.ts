/**
 * The Discord adapter: a discord.js client that turns slash commands, the /report form,
 * mentions and DMs into `bot.handle()` calls and renders the neutral `Reply` as embeds.
 * It has no business logic of its own.
 */
import { Events, type Client } from 'discord.js';
import type { App } from '../../main.js';
import { StartupError } from '../../errors.js';
import type { RunningAdapter } from '../types.js';
import { createClient } from './client.js';
import type { AdapterContext } from './context.js';
import { SeenIds } from '../shared/seen-ids.js';
import { onInteraction } from './interactions.js';
import { onMessage } from './messages.js';
import { resolveReporterRole } from './identity.js';

export { registerDiscordCommands, inviteUrl } from './deploy.js';
export { runDiscordCli } from './cli.js';

export interface DiscordOptions {
  /** See `AdapterContext.deferAfterMs`; tests lower it. */
  deferAfterMs?: number;
  /**
   * How long to wait for the gateway to become ready. Discord normally needs a second or
   * two; 30 s allows for a slow network and the identify queue without hanging forever.
   */
  readyTimeoutMs?: number;
}

const DEFAULT_DEFER_AFTER_MS = 1500;
const DEFAULT_READY_TIMEOUT_MS = 30_000;

/** Waits for `ClientReady`, failing after `ms`; `cancel` clears the timer. */
function whenReady(client: Client, ms: number): { promise: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new StartupError(`Discord did not become ready within ${ms / 1000} s. Check the network and DISCORD_API_URL.`)), ms);
    client.once(Events.ClientReady, () => resolve());
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Starts the Discord adapter; resolves once the gateway session is ready. */
export async function startDiscord(app: App, options: DiscordOptions = {}): Promise<RunningAdapter> {
  const config = app.services.config;
  const log = app.services.log.child({ adapter: 'discord' });
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    throw new StartupError('Discord needs both DISCORD_TOKEN and DISCORD_APPLICATION_ID (Discord developer portal → your application).');
  }
  const client = createClient(config);
  const ctx: AdapterContext = {
    app: { bot: app.bot, services: { ...app.services, log } },
    client,
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    seen: new SeenIds(),
  };

  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(ctx, interaction).catch((err: unknown) => log.error({ err }, 'discord interaction handler failed'));
  });
  client.on(Events.MessageCreate, (message) => {
    onMessage(ctx, message).catch((err: unknown) => log.error({ err }, 'discord message handler failed'));
  });
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'discord gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, 'discord gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'discord gateway resumed'));
  client.rest.on('rateLimited', (info) => log.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limited; retrying'));

  // A throw inside a discord.js event handler (a payload it did not expect) surfaces as an
  // uncaught exception or unhandled rejection; neither may take the bot down.
  const onUncaught = (err: unknown): void => log.error({ err }, 'uncaught exception (kept running)');
  const onRejection = (err: unknown): void => log.error({ err }, 'unhandled rejection (kept running)');
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onRejection);
  const unguard = (): void => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onRejection);
  };

  const ready = whenReady(client, options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
  ready.promise.catch(() => undefined);
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready.promise;
  } catch (err) {
    unguard();
    await client.destroy();
    if (err instanceof StartupError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'TokenInvalid') throw new StartupError('Discord rejected DISCORD_TOKEN. Copy the bot token again from the developer portal (Bot → Reset Token).');
    throw new StartupError(`Discord connection failed: ${(err as Error).message}`);
  } finally {
    ready.cancel();
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord ready');
  ctx.reporterRole = resolveReporterRole(client, config, log);

  return {
    name: 'discord',
    async stop() {
      unguard();
      await client.destroy();
    },
  };
}
