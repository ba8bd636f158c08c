/**
 * `/remind [off|on]`: your check-in reminders. Without a word it shows whether they are on,
 * when the next one is due (in BOT_TIMEZONE, in your language) and this month's state;
 * `off` stops them, `on` starts them again (and forgets a DM that failed). `/remind nothing
 * [2026-12]` says there is nothing to report this month: the reminder's "Nothing this time"
 * button sends it, and typed early it means no reminder comes that month.
 */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { nowIso } from '../outcomes/guard.js';
import { storedRoles } from '../../store/roles.js';
import { recordNothing, reminderSend, reminderUser, reportersActiveIn, setReminders } from '../../store/reminders.js';
import { inMonth, monthName, monthOf, parseMonth, type MonthPeriod } from '../reminders/period.js';
import { formatRunTime, nextReminderRun } from '../reminders/schedule.js';

const T = {
  off: L('Check-in reminders are off for you. /remind on turns them back on.', 'Muistutukset ovat sinulta pois päältä. Komento /remind on palauttaa ne.'),
  notReporter: L(
    'You are not a reporter in the bot, so you get no check-in reminders (an admin can make you one with /grant).',
    'Et ole botissa raportoija, joten et saa muistutuksia (ylläpitäjä voi myöntää roolin komennolla /grant).',
  ),
  serverRoleOnly: L(
    'You report through a Discord server role, and the bot cannot list the members of a role, so it cannot remind you. Ask an admin to /grant you the reporter role to get check-in reminders.',
    'Raportoit Discord-palvelimen roolin kautta, eikä botti näe roolin jäseniä, joten se ei voi muistuttaa sinua. Pyydä ylläpitäjää myöntämään raportoijan rooli komennolla /grant, niin saat muistutukset.',
  ),
  console: L('Reminders are direct messages in Slack or Discord; console users get none.', 'Muistutukset ovat yksityisviestejä Slackissa tai Discordissa; konsolin käyttäjät eivät saa niitä.'),
  cronOff: L(
    'Check-in reminders are switched off for everyone (REMINDER_CRON=off); yours will come when they are switched on.',
    'Muistutukset ovat pois käytöstä kaikilta (REMINDER_CRON=off); saat omasi, kun ne otetaan käyttöön.',
  ),
  never: L('The schedule (REMINDER_CRON) has no future date.', 'Aikataulussa (REMINDER_CRON) ei ole tulevia ajankohtia.'),
} as const;

/** The next reminder's date as a sentence, or why there is none. */
function nextText(ctx: CommandContext): string {
  const { config } = ctx.services;
  if (config.REMINDER_CRON === null) return T.cronOff[ctx.lang];
  const next = nextReminderRun(config.REMINDER_CRON, config.BOT_TIMEZONE, ctx.services.now());
  if (!next) return T.never[ctx.lang];
  const when = formatRunTime(next, config.BOT_TIMEZONE, ctx.lang);
  const month = inMonth(monthOf(next, config.BOT_TIMEZONE), ctx.lang);
  return ctx.lang === 'fi'
    ? `Seuraava muistutus: ${when} (${config.BOT_TIMEZONE}), jos et ole raportoinut mitään ${month} siihen mennessä.`
    : `Next reminder: ${when} (${config.BOT_TIMEZONE}), unless you have reported something ${month} by then.`;
}

/** This month as far as reminders go: reported, reminded, answered, or undeliverable. */
function monthState(ctx: CommandContext, period: MonthPeriod): string | null {
  const fi = ctx.lang === 'fi';
  const { store } = ctx.services;
  const month = monthName(period, ctx.lang);
  const reported = reportersActiveIn(store, period.startUtc, period.endUtc).get(ctx.user) ?? 0;
  if (reported > 0) return fi ? `${month}: olet raportoinut ${reported} tulosta, joten muistutusta ei tule.` : `${month}: you have reported ${reported}, so no reminder comes.`;
  const send = reminderSend(store, period.label, ctx.user);
  if (send?.answer === 'nothing') return fi ? `${month}: kerroit, ettei raportoitavaa ole.` : `${month}: you said there is nothing to report.`;
  if (send?.status === 'done') return fi ? `${month}: muistutus lähetettiin ${send.doneAt?.slice(0, 10)}.` : `${month}: reminded on ${send.doneAt?.slice(0, 10)}.`;
  return null;
}

function status(ctx: CommandContext): Reply {
  const { lang, platform } = ctx;
  const fi = lang === 'fi';
  const settings = reminderUser(ctx.services.store, ctx.user);
  const reporter = storedRoles(ctx.services.store, ctx.user).includes('reporter');
  const lines: string[] = [];
  let text: string;
  if (platform === 'console') text = T.console[lang];
  else if (!reporter) text = ctx.platformRoles?.includes('reporter') ? T.serverRoleOnly[lang] : T.notReporter[lang];
  else if (settings?.optedOut) text = T.off[lang];
  else if (ctx.services.config.REMINDER_CRON === null) text = T.cronOff[lang];
  else {
    text = fi ? `Muistutukset ovat sinulle päällä. ${nextText(ctx)}` : `Check-in reminders are on for you. ${nextText(ctx)}`;
    const state = monthState(ctx, monthOf(ctx.services.now(), ctx.services.config.BOT_TIMEZONE));
    if (state) lines.push(state);
    if (settings?.unreachableSince) {
      lines.push(
        fi
          ? `Muistutusta ei voitu toimittaa (${settings.unreachableError}, ${settings.unreachableSince.slice(0, 10)} alkaen). /remind on yrittää seuraavalla kerralla uudelleen.`
          : `A reminder could not be delivered (${settings.unreachableError}, since ${settings.unreachableSince.slice(0, 10)}). /remind on tries again next time.`,
      );
    }
    lines.push(fi ? 'Lopeta muistutukset: /remind off' : 'Stop them: /remind off');
  }
  return reply(lang, text, { visibility: 'ephemeral', sections: lines.length ? [{ lines }] : [], data: { reminders: { on: !settings?.optedOut, reporter, unreachable: settings?.unreachableSince ?? null } } });
}

function turn(ctx: CommandContext, on: boolean): Reply {
  const fi = ctx.lang === 'fi';
  setReminders(ctx.services.store, ctx.user, on, nowIso(ctx));
  if (!on) return reply(ctx.lang, T.off[ctx.lang], { visibility: 'ephemeral', data: { reminders: { on } } });
  const text = fi ? `Muistutukset ovat taas päällä. ${nextText(ctx)}` : `Check-in reminders are on again. ${nextText(ctx)}`;
  return reply(ctx.lang, text, { visibility: 'ephemeral', data: { reminders: { on } } });
}

function nothing(ctx: CommandContext, periodText: string | undefined): Reply {
  const { lang, services } = ctx;
  const fi = lang === 'fi';
  const tz = services.config.BOT_TIMEZONE;
  const current = monthOf(services.now(), tz);
  const period = periodText === undefined ? current : parseMonth(periodText, tz);
  if (!period || period.label > current.label) {
    return errorReply(lang, fi ? `"${periodText}" ei ole kulunut tai kuluva kuukausi. Kirjoita se muodossa ${current.label}.` : `"${periodText}" is not this or an earlier month. Write it like ${current.label}.`, {
      data: { error: 'invalid' },
    });
  }
  const { already } = recordNothing(services.store, period.label, ctx.user, nowIso(ctx));
  const month = monthName(period, lang);
  const text = already
    ? fi ? `Kirjattu jo: ${month} ei raportoitavaa. Kiitos!` : `Already noted: nothing to report for ${month}. Thank you!`
    : fi ? `Kiitos! Kirjattu: ${month} ei raportoitavaa.` : `Thank you! Noted: nothing to report for ${month}.`;
  return reply(lang, text, { visibility: 'ephemeral', data: { reminders: { nothing: period.label, already } } });
}

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  if (values.action === 'off') return turn(ctx, false);
  if (values.action === 'on') return turn(ctx, true);
  if (values.action === 'nothing') return nothing(ctx, values.period);
  return status(ctx);
}

export const remindCommand: Command = {
  name: 'remind',
  aliases: ['muistutus', 'muistuta', 'muistutukset'],
  summary: L('Your monthly check-in reminders: on, off, or when the next one is', 'Kuukausimuistutuksesi: päälle, pois tai milloin seuraava tulee'),
  args: [
    {
      name: 'action',
      nameFi: 'toiminto',
      keyAliases: ['toiminto'],
      kind: 'choice',
      choices: [
        { value: 'off', label: L('off', 'pois'), aliases: ['pois'] },
        { value: 'on', label: L('on', 'päälle'), aliases: ['päälle', 'paalle'] },
        { value: 'nothing', label: L('nothing to report this month', 'ei raportoitavaa tässä kuussa'), aliases: ['ei-mitään', 'ei-mitaan', 'ei'] },
      ],
      position: 'positional',
      label: L('Action', 'Toiminto'),
      description: L('off, on, or nothing (to report this month); empty shows your state', 'pois, päälle tai ei-mitään (raportoitavaa); tyhjä näyttää tilan'),
    },
    {
      name: 'period',
      nameFi: 'kuukausi',
      keyAliases: ['kuukausi', 'month'],
      kind: 'word',
      onlyWith: { arg: 'action', values: ['nothing'] },
      position: 'positional',
      limits: { maxLength: 7 },
      label: L('Month', 'Kuukausi'),
      description: L('The month, e.g. 2026-12 (default: this month)', 'Kuukausi, esim. 2026-12 (oletus: kuluva kuukausi)'),
      usage: L('YYYY-MM', 'VVVV-KK'),
    },
  ],
  role: 'anyone',
  writes: true,
  private: true,
  examples: {
    en: ['/remind', '/remind off', '/remind on', '/remind nothing'],
    fi: ['/muistutus', '/muistutus pois', '/muistutus päälle', '/muistutus ei-mitään'],
  },
  run,
};
