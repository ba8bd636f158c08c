/**
 * Child process for the Slack HTTP benchmark: `bare` starts a Bolt app whose slash-command
 * handler only acks; `echo` one that acks and posts a fixed "ok" to the response_url (the
 * SDK and HTTP cost of answering, without the bot); `full` starts the real bot (createApp +
 * startSlack). Like with like: the same Bolt, loaded the same way (tsx), the built-in
 * HTTPReceiver on the same path, no logging (LOG_LEVEL=silent for the bot, ERROR for Bolt),
 * and the Bolt options the bot sets that any app could (no conversation store). All listen on
 * 127.0.0.1:$SLACK_PORT, use the fake Web API at $SLACK_API_URL, print `ready` on stdout and
 * stop cleanly on SIGTERM. Run in its own process so the load generator does not share its
 * event loop.
 */
import { App as BoltApp, LogLevel } from '@slack/bolt';
import { createApp } from '../src/main.js';
import { startSlack } from '../src/adapters/slack/index.js';

async function main(): Promise<void> {
  const mode = process.argv[2];
  const port = Number(process.env.SLACK_PORT);
  let stop: () => Promise<void>;
  if (mode === 'bare' || mode === 'echo') {
    const bolt = new BoltApp({
      token: process.env.SLACK_BOT_TOKEN,
      signingSecret: process.env.SLACK_SIGNING_SECRET,
      clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
      logLevel: LogLevel.ERROR,
      // The bot's own setting (src/adapters/slack/index.ts): the conversation store is unused,
      // and Bolt's default one builds an Error per request. Left on here, the baseline would
      // carry a cost the bot does not, and the ratio would flatter the bot.
      convoStore: false,
    });
    bolt.command(/^\/.+/, async ({ ack, respond }) => {
      await ack();
      if (mode === 'echo') await respond({ response_type: 'ephemeral', text: 'ok' });
    });
    await bolt.start({ port, host: '127.0.0.1' });
    stop = () => bolt.stop() as Promise<void>;
  } else if (mode === 'full') {
    const app = createApp(process.env);
    const running = await startSlack(app, { host: '127.0.0.1' });
    stop = async () => {
      await running.stop();
      app.close();
    };
  } else {
    throw new Error(`usage: slack-server.ts bare|echo|full (got ${mode})`);
  }
  process.once('SIGTERM', () => {
    void stop().finally(() => process.exit(0));
  });
  process.stdout.write('ready\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`slack-server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
