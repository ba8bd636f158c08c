/**
 * Inbound messages: a mention in a server channel is answered as a reply there; a direct
 * message is answered in the DM. Messages from bots (this one included) and webhooks are
 * ignored. Without the privileged Message Content intent Discord still delivers the text
 * of these two kinds of message, which are the only ones the bot reads.
 */
import { ChannelType, type Message } from 'discord.js';
import type { Reply } from '../../core/reply.js';
import { renderReply } from './render.js';
import { conversationId, platformRolesFor } from './identity.js';
import { NO_PINGS, messageOptions, type AdapterContext } from './context.js';
import { guarded } from '../shared/failure.js';
import { withinDeadline } from '../shared/deadline.js';
import { toCoreText } from '../shared/command-text.js';

/** A reply pings only the asker (an explicit reply ping), never anyone named in the text. */
const REPLY_MENTIONS = { ...NO_PINGS, repliedUser: true } as const;

const SENT_PRIVATELY = {
  en: 'I sent you the answer as a direct message.',
  fi: 'Lähetin vastauksen sinulle yksityisviestinä.',
};
const COULD_NOT_DM = {
  en: 'That answer is private, and I could not send you a direct message. Use the slash command instead.',
  fi: 'Vastaus on yksityinen, enkä voinut lähettää sinulle yksityisviestiä. Käytä mieluummin komentoa.',
};

/** The message text addressed to the bot, with its own mentions (user or managed role) removed. */
export function textForBot(content: string, botId: string, botRoleId?: string): string {
  const mention = botRoleId ? `<@!?${botId}>|<@&${botRoleId}>` : `<@!?${botId}>`;
  return content.replace(new RegExp(mention, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** Handles one message. Never throws: failures are logged and answered with an apology. */
export async function onMessage(ctx: AdapterContext, message: Message): Promise<void> {
  const me = ctx.client.user;
  if (!me || message.author.bot || message.author.id === me.id || message.webhookId) return;
  const isDm = message.channel.type === ChannelType.DM;
  // Discord's mention picker often inserts the bot's managed role (`<@&id>`) rather than the
  // bot user, so both count as addressing the bot.
  const botRoleId = message.guild?.roles.botRoleFor(me.id)?.id;
  if (!isDm && !message.mentions.users.has(me.id) && !(botRoleId && message.mentions.roles.has(botRoleId))) return;
  if (!ctx.seen.first(`message:${message.id}`)) return;

  const user = `discord:${message.author.id}`;
  await guarded(
    ctx.app.services.log,
    'discord message',
    ctx.app.services.config.BOT_DEFAULT_LANGUAGE,
    async () => {
      // A bare mention is a request for help; a first word naming a command is that command.
      const text = toCoreText(textForBot(message.content, me.id, botRoleId));
      const work = ctx.app.bot.handle({
        platform: 'discord',
        user,
        text,
        conversationId: conversationId(message.guildId, message.channelId),
        platformRoles: platformRolesFor(message.member, message.guildId, ctx.reporterRole),
      });
      // Show "typing…" only when the answer is slow: it costs a REST call.
      let r = await withinDeadline(work, ctx.deferAfterMs);
      if (r === undefined) {
        if (message.channel.isSendable()) await message.channel.sendTyping().catch(() => undefined);
        r = await work;
      }
      await deliver(ctx, message, r, isDm);
    },
    (apology) => message.reply({ content: apology, allowedMentions: REPLY_MENTIONS }),
    { messageId: message.id, user },
  );
}

/**
 * Sends the answer. A channel cannot show ephemeral messages, so a private answer to a
 * mention (an export, someone's roles) goes to the asker's DMs with a short note in the
 * channel. Rejections of what the user typed stay where they typed it.
 */
async function deliver(ctx: AdapterContext, message: Message, r: Reply, isDm: boolean): Promise<void> {
  // Over the rate limit and already told: send nothing.
  if (r.silent) return;
  const messages = renderReply(r);
  if (!isDm && r.ok && r.visibility === 'ephemeral') {
    try {
      const dm = await message.author.createDM();
      for (const m of messages) await dm.send(messageOptions(m));
      await message.reply({ content: SENT_PRIVATELY[r.lang], allowedMentions: REPLY_MENTIONS });
    } catch (err) {
      ctx.app.services.log.warn({ err, user: `discord:${message.author.id}` }, 'discord DM failed');
      await message.reply({ content: COULD_NOT_DM[r.lang], allowedMentions: REPLY_MENTIONS });
    }
    return;
  }
  const channel = message.channel;
  if (!channel.isSendable()) return;
  const [first, ...rest] = messages;
  if (isDm) await channel.send(messageOptions(first!));
  else await message.reply({ ...messageOptions(first!), allowedMentions: REPLY_MENTIONS });
  for (const m of rest) await channel.send(messageOptions(m));
}
