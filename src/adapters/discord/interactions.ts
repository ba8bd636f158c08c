/**
 * Inbound interactions: slash commands, autocomplete, command forms, the 👍/👎 buttons and a
 * reply's own buttons (open a form; run a command line as the clicker, e.g. a reminder's
 * "Nothing this time").
 * Each one is turned into the core's text grammar, answered by `bot.handle()` and rendered.
 * An interaction is answered directly when the core is quick and deferred otherwise, so it
 * never expires; every failure reaches the user as an ephemeral apology with a reference.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Inbound } from '../../core/bot.js';
import type { Lang, Reply } from '../../core/reply.js';
import { findCommand } from '../../core/commands/index.js';
import { slashCommand } from './commands.js';
import { commandText, optionRecord, type OptionValue } from './to-text.js';
import { conversationId, langFromLocale, platformRolesFor } from './identity.js';
import { commandModal, formCommandText, FORM_ID_PREFIX } from './form.js';
import { actionFromButton, feedbackFromButton, renderReply } from './render.js';
import { interactionOptions, isPrivate, messageOptions, NO_PINGS, type AdapterContext } from './context.js';
import { guarded } from '../shared/failure.js';
import { formButtonTarget } from '../shared/form-button.js';
import { PREFILL_EXPIRED } from '../../core/reporting-intent/prefills.js';
import { withinDeadline } from '../shared/deadline.js';
import { suggestionsFor } from './autocomplete.js';
import { replyPayload } from './reply-body.js';

type Answerable = ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction;

/** Handles one interaction. Never throws: failures are logged and answered with an apology. */
export async function onInteraction(ctx: AdapterContext, interaction: Interaction): Promise<void> {
  if (!ctx.seen.first(`interaction:${interaction.id}`)) return;
  const lang: Lang = langFromLocale(interaction.locale) ?? ctx.app.services.config.BOT_DEFAULT_LANGUAGE;
  await guarded(
    ctx.app.services.log,
    'discord interaction',
    lang,
    async () => {
      if (interaction.isChatInputCommand()) await onCommand(ctx, interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(ctx, interaction);
      else if (interaction.isModalSubmit()) await onFormSubmit(ctx, interaction);
      else if (interaction.isButton()) await onButton(ctx, interaction);
    },
    (apology) => tell(interaction, apology),
    { interactionId: interaction.id, user: `discord:${interaction.user.id}` },
  );
}

function optionValues(interaction: ChatInputCommandInteraction): Map<string, OptionValue> {
  const values = new Map<string, OptionValue>();
  for (const o of interaction.options.data) {
    if (o.value !== undefined) values.set(o.name, o.value);
  }
  return values;
}

async function onCommand(ctx: AdapterContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const command = slashCommand(interaction.commandName);
  const lang = langFromLocale(interaction.locale) ?? ctx.app.services.config.BOT_DEFAULT_LANGUAGE;
  if (!command) {
    // A command registered by an older version of the bot: tell the user, privately.
    await interaction.reply({ content: lang === 'fi' ? 'Tätä komentoa ei enää ole. Kokeile /help.' : 'That command no longer exists. Try /help.', flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    return;
  }
  const values = optionValues(interaction);
  // A command with a form opens it when required options are missing (pre-filled with anything given).
  if (command.form && command.args.some((a) => a.required && a.default === undefined && !values.has(a.name))) {
    await interaction.showModal(commandModal(command, ctx.app.services.knowledge.current, lang, optionRecord(command, values)));
    return;
  }
  await answer(ctx, interaction, commandText(command, values), command.private ?? false);
}

async function onFormSubmit(ctx: AdapterContext, interaction: ModalSubmitInteraction): Promise<void> {
  const command = interaction.customId.startsWith(FORM_ID_PREFIX) ? findCommand(interaction.customId.slice(FORM_ID_PREFIX.length)) : undefined;
  if (command?.form) await answer(ctx, interaction, formCommandText(command, interaction), false);
}

/**
 * A 👍/👎 click is the core's business: it becomes `/feedback <ref> up|down` from the clicker.
 * A reply's form button opens the command's form (pre-filled for a suggestion); its command button runs the line as if
 * the clicker had typed it.
 */
async function onButton(ctx: AdapterContext, interaction: ButtonInteraction): Promise<void> {
  const vote = feedbackFromButton(interaction.customId);
  if (vote) {
    await answer(ctx, interaction, `/feedback ${vote.ref} ${vote.vote}`, true);
    return;
  }
  const action = actionFromButton(interaction.customId);
  if (action?.kind === 'command') await answer(ctx, interaction, action.line, true);
  else if (action?.kind === 'form') {
    const lang = langFromLocale(interaction.locale) ?? ctx.app.services.config.BOT_DEFAULT_LANGUAGE;
    const target = formButtonTarget(ctx.app.services, action);
    // A suggestion's pre-fill lives in memory: after a restart or an hour it is gone.
    if (target === 'expired') {
      await interaction.reply({ content: PREFILL_EXPIRED[lang], flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    const command = findCommand(target.command);
    if (!command?.form) return;
    await interaction.showModal(commandModal(command, ctx.app.services.knowledge.current, lang, target.values));
  }
}

async function onAutocomplete(ctx: AdapterContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const lang = langFromLocale(interaction.locale) ?? ctx.app.services.config.BOT_DEFAULT_LANGUAGE;
  const command = slashCommand(interaction.commandName);
  await interaction.respond(command ? suggestionsFor(command, focused.name, String(focused.value), ctx.app.services.knowledge.current, lang) : []);
}

/** The core's view of who asked, where. */
function inboundFor(ctx: AdapterContext, interaction: Answerable, text: string): Inbound {
  return {
    platform: 'discord',
    user: `discord:${interaction.user.id}`,
    text,
    locale: langFromLocale(interaction.locale),
    conversationId: conversationId(interaction.guildId, interaction.channelId),
    platformRoles: platformRolesFor(interaction.member, interaction.guildId, ctx.reporterRole),
  };
}

/**
 * Runs the core and answers. Quick answers go out as the interaction's reply; when the core
 * takes longer than `deferAfterMs` the interaction is deferred first and the answer edited
 * in. A private answer after a public "thinking…" replaces it with an ephemeral follow-up.
 */
async function answer(ctx: AdapterContext, interaction: Answerable, text: string, privateHint: boolean): Promise<void> {
  const inbound = inboundFor(ctx, interaction, text);
  const work = ctx.app.bot.handle(inbound);
  const quick = await withinDeadline(work, ctx.deferAfterMs);
  if (quick) {
    // Over the rate limit and already told: no answer (Discord tells the user it got none).
    if (quick.silent) return;
    const [first, ...rest] = renderReply(quick);
    const ephemeral = isPrivate(quick);
    await interaction.reply(replyPayload(interaction, first!, ephemeral));
    for (const m of rest) await interaction.followUp(interactionOptions(m, ephemeral));
    return;
  }
  await interaction.deferReply(privateHint ? { flags: MessageFlags.Ephemeral } : {});
  const r: Reply = await work;
  if (r.silent) {
    await interaction.deleteReply();
    return;
  }
  const ephemeral = isPrivate(r);
  const messages = renderReply(r);
  if (ephemeral && !privateHint) {
    await interaction.deleteReply();
    for (const m of messages) await interaction.followUp(interactionOptions(m, true));
    return;
  }
  const [first, ...rest] = messages;
  await interaction.editReply(messageOptions(first!));
  for (const m of rest) await interaction.followUp(interactionOptions(m, privateHint || ephemeral));
}

/**
 * Tells the user about a failure, privately, whatever state the interaction is in: an
 * autocomplete gets an empty list; a public "thinking…" placeholder must not become a public
 * error, so it is removed first.
 */
async function tell(interaction: Interaction, apology: string): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (!interaction.isRepliable()) return;
  const message = { content: apology, allowedMentions: NO_PINGS };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    return;
  }
  if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
}
