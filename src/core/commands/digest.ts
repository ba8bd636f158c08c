/**
 * `/digest preview [2026-W48]` (anyone, shown only to the asker), `/digest subscribe
 * [fi|en|both]` and `/digest unsubscribe` (admins, in the channel itself).
 */
import type { Command, CommandArgs, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { isAdmin, notAllowed } from '../outcomes/authorize.js';
import { storeGuard } from '../outcomes/guard.js';
import { digestFor, renderFor } from '../digest/build.js';
import { channelFromConversation } from '../digest/channels.js';
import { parsePeriod, previousWeek } from '../digest/period.js';
import { deleteSubscription, upsertSubscription, type DigestLang } from '../../store/digest.js';

const USAGE = '/digest preview [2026-W48] | /digest subscribe [fi|en|both] | /digest unsubscribe';

function preview(ctx: CommandContext, periodText: string | undefined): Reply {
  const { services, lang } = ctx;
  const tz = services.config.BOT_TIMEZONE;
  const period = periodText ? parsePeriod(periodText, tz) : previousWeek(services.now(), tz);
  if (!period) {
    return errorReply(lang, lang === 'fi' ? `Viikko "${periodText}" ei kelpaa. Kirjoita esim. 2026-W48.` : `"${periodText}" is not a week. Write it like 2026-W48.`);
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
  if (!isAdmin(ctx)) {
    return notAllowed(ctx, 'admin', on ? { en: 'subscribe a channel to the weekly digest', fi: 'viikkokoosteen tilaaminen kanavalle' } : { en: 'unsubscribe a channel from the weekly digest', fi: 'viikkokoosteen tilauksen peruminen' });
  }
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
  const chosen = (langText ?? lang).toLowerCase();
  if (!['fi', 'en', 'both'].includes(chosen)) return errorReply(lang, fi ? `Kieli on fi, en tai both. Esim. ${USAGE}` : `The language is fi, en or both, e.g. /digest subscribe both`);
  const setting = chosen as DigestLang;
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

function run(ctx: CommandContext, args: CommandArgs): Reply {
  const [sub, value] = args.positional;
  switch ((sub ?? 'preview').toLowerCase()) {
    case 'preview':
    case 'esikatselu':
      return preview(ctx, value ?? args.named.period);
    case 'subscribe':
    case 'tilaa':
      return subscribe(ctx, value ?? args.named.lang, true);
    case 'unsubscribe':
    case 'peru':
      return subscribe(ctx, undefined, false);
    default:
      return errorReply(ctx.lang, ctx.lang === 'fi' ? `Käyttö: ${USAGE}` : `Usage: ${USAGE}`);
  }
}

export const digestCommand: Command = {
  name: 'digest',
  aliases: ['kooste', 'viikkokooste'],
  summary: { en: 'The weekly progress digest: preview it, or subscribe this channel (admins)', fi: 'Viikkokooste: esikatsele tai tilaa kanavalle (ylläpitäjät)' },
  usage: '/digest [preview|subscribe|unsubscribe]',
  run: storeGuard(run),
};
