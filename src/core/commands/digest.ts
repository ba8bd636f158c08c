/**
 * `/digest preview [2026-W48]` (anyone, shown only to the asker), `/digest subscribe
 * [fi|en|both]` and `/digest unsubscribe` (admins, in the channel itself).
 */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { digestFor, renderFor } from '../digest/build.js';
import { channelFromConversation } from '../digest/channels.js';
import { previousWeek } from '../digest/period.js';
import { checkPeriod, periodProblemText } from '../digest/period-check.js';
import { deleteSubscription, upsertSubscription, type DigestLang } from '../../store/digest.js';

function preview(ctx: CommandContext, periodText: string | undefined): Reply {
  const { services, lang } = ctx;
  const tz = services.config.BOT_TIMEZONE;
  let period = previousWeek(services.now(), tz);
  if (periodText) {
    const checked = checkPeriod(periodText, tz, services.now());
    if (!checked.ok) return errorReply(lang, periodProblemText(checked.problem, lang), { data: { error: 'invalid', problem: checked.problem.code } });
    period = checked.period;
  }
  const rendered = renderFor(services.knowledge.current, digestFor(services.store, services.knowledge.current, period), lang);
  const r = rendered.replies[0]!;
  return {
    ...r,
    visibility: 'ephemeral',
    files: [{ filename: rendered.chart.filename, contentType: 'image/png', data: rendered.chart.png, alt: rendered.chart.alt }],
    data: { ...r.data, preview: true },
  };
}

function subscribe(ctx: CommandContext, langText: string | undefined, on: boolean): Reply {
  const { lang, services } = ctx;
  const fi = lang === 'fi';
  const channel = channelFromConversation(ctx.conversationId);
  if (!channel) {
    return errorReply(lang, fi ? 'Viikkokoosteen voi tilata vain Slack- tai Discord-kanavalla: kirjoita komento siellä kanavalla, johon koosteen haluat.' : 'The weekly digest can only be subscribed in a Slack or Discord channel: use the command in the channel that should get it.');
  }
  if (!on) {
    const removed = deleteSubscription(services.store, channel.key);
    return reply(lang, removed ? (fi ? 'Tämä kanava ei enää saa viikkokoostetta.' : 'This channel will no longer get the weekly digest.') : fi ? 'Tällä kanavalla ei ollut tilausta.' : 'This channel was not subscribed.', {
      data: { channel: channel.key, removed: removed !== null },
    });
  }
  const setting = (langText ?? lang) as DigestLang;
  const { created } = upsertSubscription(services.store, {
    channel: channel.key,
    platform: channel.platform,
    conversation: ctx.conversationId!,
    lang: setting,
    subscribedBy: ctx.user,
    subscribedAt: services.now().toISOString(),
  });
  const langName = { fi: fi ? 'suomeksi' : 'in Finnish', en: fi ? 'englanniksi' : 'in English', both: fi ? 'suomeksi ja englanniksi' : 'in Finnish and English' }[setting];
  const text = created
    ? fi
      ? `Tämä kanava saa viikkokoosteen maanantaisin ${langName}. Esikatselu: /digest preview`
      : `This channel will get the weekly digest on Mondays, ${langName}. Preview it with /digest preview`
    : fi
      ? `Tilaus päivitetty: viikkokooste ${langName}.`
      : `Subscription updated: the weekly digest ${langName}.`;
  return reply(lang, text, { data: { channel: channel.key, lang: setting, created } });
}

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  if (values.action === 'subscribe') return subscribe(ctx, values.lang, true);
  if (values.action === 'unsubscribe') return subscribe(ctx, undefined, false);
  return preview(ctx, values.period);
}

export const digestCommand: Command = {
  name: 'digest',
  aliases: ['kooste', 'viikkokooste'],
  summary: L('The weekly progress digest: preview it, or subscribe this channel (admins)', 'Viikkokooste: esikatsele tai tilaa kanavalle (ylläpitäjät)'),
  args: [
    {
      name: 'action',
      nameFi: 'toiminto',
      keyAliases: ['toiminto'],
      kind: 'choice',
      choices: [
        { value: 'preview', label: L('preview', 'esikatselu'), aliases: ['esikatselu'] },
        { value: 'subscribe', label: L('subscribe this channel', 'tilaa tälle kanavalle'), aliases: ['tilaa'], role: 'admin', roleAction: L('subscribe a channel to the weekly digest', 'viikkokoosteen tilaaminen kanavalle') },
        { value: 'unsubscribe', label: L('unsubscribe this channel', 'peru kanavan tilaus'), aliases: ['peru'], role: 'admin', roleAction: L('unsubscribe a channel from the weekly digest', 'viikkokoosteen tilauksen peruminen') },
      ],
      default: 'preview',
      position: 'positional',
      label: L('Action', 'Toiminto'),
      description: L('What to do', 'Mitä tehdään'),
    },
    {
      name: 'period',
      nameFi: 'viikko',
      keyAliases: ['viikko', 'week'],
      kind: 'word',
      onlyWith: { arg: 'action', values: ['preview'] },
      position: 'positional',
      label: L('Week', 'Viikko'),
      description: L('The week to preview, e.g. 2026-W48 (default: last week)', 'Esikatseltava viikko, esim. 2026-W48 (oletus: viime viikko)'),
      usage: L('2026-W48', '2026-W48'),
      placeholder: L('2026-W48', '2026-W48'),
    },
    {
      name: 'lang',
      nameFi: 'kieli',
      keyAliases: ['kieli', 'language'],
      kind: 'choice',
      choices: [
        { value: 'en', label: L('English', 'englanti') },
        { value: 'fi', label: L('Finnish', 'suomi') },
        { value: 'both', label: L('both', 'molemmat') },
      ],
      onlyWith: { arg: 'action', values: ['subscribe'] },
      position: 'positional',
      label: L('Language', 'Kieli'),
      description: L('Digest language when subscribing', 'Koosteen kieli tilattaessa'),
    },
  ],
  role: 'anyone',
  writes: true,
  examples: {
    en: ['/digest preview', '/digest preview 2026-W48', '/digest subscribe both'],
    fi: ['/digest esikatselu', '/digest esikatselu 2026-W48', '/digest tilaa fi'],
  },
  run,
};
