/**
 * `kajaani-bot remind ...`: the operator's view of the check-in reminders.
 *   kajaani-bot remind preview [--period 2026-12] [--json]   who would get what, and why not the others
 *   kajaani-bot remind run [--period 2026-12] [--json]       send them (once per reporter and month)
 * `run` does what the scheduler does (claims, DMs, marks done) and retries a failed send at
 * once; a reporter already reminded changes nothing and says so. Runs directly too:
 * `node dist/cli-remind.js run`.
 */
import { parseArgs } from 'node:util';
import type { App } from './main.js';
import { openCliApp, isArgsError, runIfMain } from './cli-app.js';
import { replyToPlainText } from './core/reply.js';
import { planReminders, reminderFor, type PlanEntry } from './core/reminders/plan.js';
import { monthOf, parseMonth, type MonthPeriod } from './core/reminders/period.js';
import { nextReminderRun } from './core/reminders/schedule.js';
import { reminderUsers } from './store/reminders.js';
import { deliverReminders, type ReminderResult } from './delivery/reminders.js';
import { dmPostersFromConfig } from './delivery/posters.js';

const USAGE = `Usage:
  kajaani-bot remind preview [--period 2026-12] [--json]   who would get a reminder and what it says; why each other reporter is skipped
  kajaani-bot remind run [--period 2026-12] [--json]       send the month's reminders now (once per reporter and month)
The period is a calendar month in BOT_TIMEZONE (default: the current month).`;

class UsageError extends Error {}

/** What each status means, for the text output. */
const STATUS_TEXT: Record<ReminderResult['status'] | 'due', string> = {
  due: 'would be reminded',
  sent: 'reminded',
  'console-user': 'skipped: a console user (reminders are Slack/Discord DMs)',
  'opted-out': 'skipped: opted out (/remind off)',
  reported: 'skipped: already reported this period',
  answered: 'skipped: answered "nothing this time" for this period',
  reminded: 'skipped: already reminded this period',
  unreachable: 'skipped: cannot be DMed',
  'in-progress': 'skipped: being reminded by another process right now',
  'waiting-retry': 'skipped: failed earlier; waiting for the next retry',
  abandoned: 'skipped: failed too many times this period; given up',
  failed: 'FAILED; will be retried',
  'no-poster': 'skipped: no token configured for this platform (SLACK_BOT_TOKEN / DISCORD_TOKEN)',
};

function periodFrom(app: App, text: string | undefined, notFuture: boolean): MonthPeriod {
  const tz = app.services.config.BOT_TIMEZONE;
  const current = monthOf(app.services.now(), tz);
  if (text === undefined) return current;
  const p = parseMonth(text, tz);
  if (!p) throw new UsageError(`--period must be a month such as ${current.label} (got "${text}").`);
  if (notFuture && p.label > current.label) throw new UsageError(`--period ${p.label} is in the future; reminders are sent for this month (${current.label}) or an earlier one.`);
  return p;
}


async function preview(app: App, argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { period: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  const period = periodFrom(app, values.period, false);
  const { config } = app.services;
  const next = config.REMINDER_CRON === null ? null : nextReminderRun(config.REMINDER_CRON, config.BOT_TIMEZONE, app.services.now());
  // Offline: the language is the default here; Slack users get their Slack language when sent.
  const lang = config.BOT_DEFAULT_LANGUAGE;
  const settings = reminderUsers(app.services.store);
  /** The platform's refusal for an unreachable user, as recorded. */
  const unreachableDetail = (e: PlanEntry) => {
    const s = settings.get(e.user);
    return s?.unreachableError ? `${s.unreachableError}, since ${s.unreachableSince?.slice(0, 10)}` : undefined;
  };
  const reporters = planReminders(app.services, period).map((e) => {
    const status: keyof typeof STATUS_TEXT = e.decision.due ? 'due' : e.decision.reason;
    const detail = status === 'unreachable' ? unreachableDetail(e) : undefined;
    return { user: e.user, status, ...(detail ? { detail } : {}), ...(e.decision.due ? { reminder: reminderFor(app.services, e, period, lang) } : {}) };
  });
  if (values.json) {
    const json = reporters.map(({ reminder, ...r }) => ({ ...r, ...(reminder ? { lang, reminder: { title: reminder.title, text: reminder.text, sections: reminder.sections, actions: reminder.actions } } : {}) }));
    out.write(`${JSON.stringify({ period: period.label, cron: config.REMINDER_CRON, nextRun: next?.toISOString() ?? null, reporters: json })}\n`);
    return 0;
  }
  const head = `Reminders for ${period.label} (REMINDER_CRON ${config.REMINDER_CRON === null ? 'off' : `"${config.REMINDER_CRON}", next run ${next?.toISOString() ?? 'never'}`}):`;
  if (reporters.length === 0) {
    out.write(`${head}\n  no reporters. Grant the role with /grant <user> reporter [party=<id>].\n`);
    return 0;
  }
  const lines = reporters.map((r) => `  ${r.user}: ${STATUS_TEXT[r.status]}${r.detail ? ` (${r.detail})` : ''}`);
  const messages = reporters
    .filter((r) => r.reminder)
    .map((r) => `── to ${r.user} (${lang}; Slack users get their Slack language) ──\n${replyToPlainText(r.reminder!)}`);
  out.write(`${head}\n${lines.join('\n')}\n${messages.length ? `\n${messages.join('\n\n')}\n` : ''}`);
  return 0;
}

async function run(app: App, argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { period: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  const period = periodFrom(app, values.period, true);
  const posters = await dmPostersFromConfig(app.services.config, app.services.log);
  // An operator's run retries a failed send at once rather than waiting for its back-off.
  const report = await deliverReminders(app.services, posters, period, { ignoreBackoff: true });
  if (values.json) {
    out.write(`${JSON.stringify(report)}\n`);
  } else if (report.results.length === 0) {
    out.write(`Reminders ${period.label}: no reporters. Grant the role with /grant <user> reporter [party=<id>].\n`);
  } else {
    const lines = report.results.map((r) => `  ${r.user}: ${STATUS_TEXT[r.status]}${r.messageId ? ` (message ${r.messageId})` : ''}${r.error ? ` — ${r.error}` : ''}`);
    out.write(`Reminders ${period.label}:\n${lines.join('\n')}\n`);
  }
  return report.results.some((r) => r.status === 'failed' || r.status === 'abandoned') ? 1 : 0;
}

/** Runs `kajaani-bot remind <argv>`; returns the exit code. */
export async function remindCli(argv: string[], env: NodeJS.ProcessEnv = process.env, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === '--help' || sub === '-h' || sub === 'help' || rest.includes('--help') || rest.includes('-h')) {
    out.write(`${USAGE}\n`);
    return 0;
  }
  if (sub !== 'preview' && sub !== 'run') {
    err.write(`${sub === undefined ? '' : `Unknown remind command "${sub}".\n`}${USAGE}\n`);
    return 2;
  }
  const app = openCliApp(env, (t) => err.write(t));
  if (!app) return 1;
  try {
    return sub === 'preview' ? await preview(app, rest, out) : await run(app, rest, out);
  } catch (e) {
    if (e instanceof UsageError || isArgsError(e)) {
      err.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  } finally {
    app.close();
  }
}

runIfMain(import.meta.url, 'remind', (argv) => remindCli(argv));
