/**
 * Child process for the Discord interactions benchmark: `bare` logs in a discord.js client
 * built by the adapter's own `createClient` (same intents, partials, caches and REST options)
 * that replies "ok" to every slash command; `full` starts the real bot (createApp +
 * startDiscord). Both connect to the fake Discord at $DISCORD_API_URL, print `ready` on stdout
 * once the gateway is ready and stop cleanly on SIGTERM. Run in its own process so the load
 * generator and the fake do not share its event loop.
 */
import { Events } from 'discord.js';
import { createApp } from '../src/main.js';
import { loadConfig } from '../src/config.js';
import { startDiscord } from '../src/adapters/discord/index.js';
import { createClient } from '../src/adapters/discord/client.js';

async function main(): Promise<void> {
  const mode = process.argv[2];
  let stop: () => Promise<void>;
  if (mode === 'bare') {
    const client = createClient(loadConfig(process.env));
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) interaction.reply({ content: 'ok' }).catch((err: unknown) => process.stderr.write(`reply failed: ${String(err)}\n`));
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(process.env.DISCORD_TOKEN);
    await ready;
    stop = () => client.destroy();
  } else if (mode === 'full') {
    const app = createApp(process.env);
    const running = await startDiscord(app);
    stop = async () => {
      await running.stop();
      app.close();
    };
  } else {
    throw new Error(`usage: discord-server.ts bare|full (got ${mode})`);
  }
  process.once('SIGTERM', () => {
    void stop().finally(() => process.exit(0));
  });
  process.stdout.write('ready\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`discord-server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
