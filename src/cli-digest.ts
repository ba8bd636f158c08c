/**
 * `kajaani-bot digest ...`: the operator's view of the weekly digest.
 *   kajaani-bot digest preview [--period 2026-W48] [--lang en|fi|both] [--json] [--chart <file.png>]
 *   kajaani-bot digest run [--period 2026-W48] [--json]
 * `run` does what the scheduler does (claims, posts, marks done); a period already posted
 * changes nothing and says so. Runs directly too: `node dist/cli-digest.js run`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from './config.js';
import type { App } from './main.js';
import { openCliApp, isArgsError, runIfMain } from './cli-app.js';
import { digestFor, renderFor } from './core/digest/build.js';
import { previousWeek, type DigestPeriod } from './core/digest/period.js';
import { checkPeriod, periodProblemText } from './core/digest/period-check.js';
import type { DigestLang } from './store/digest.js';
import { loadDigestConfig } from './delivery/config.js';
import { deliverDigest, type ChannelResult } from './delivery/deliver.js';
import { postersFromConfig } from './delivery/posters.js';
import { digestTargets } from './delivery/targets.js';
import { usageText } from './cli-usage.js';

const USAGE = usageText('digest');

class UsageError extends Error {}

/** The week `--period` names (checked: a real week, started, not before the agreement), or last week. */
function periodFrom(app: App, text: string | undefined): DigestPeriod {
  const tz = app.services.config.BOT_TIMEZONE;
  if (text === undefined) return previousWeek(app.services.now(), tz);
  const checked = checkPeriod(text, tz, app.services.now());
  if (!checked.ok) throw new UsageError(`--period: ${periodProblemText(checked.problem, 'en')}`);
  return checked.period;
}

const STATUS_TEXT: Record<ChannelResult['status'], string> = {
  posted: 'posted',
  'already-posted': 'already posted earlier; nothing changed',
  'skipped-quiet': 'quiet week, skipped (DIGEST_SKIP_QUIET=true)',
  'already-skipped': 'quiet week, already skipped earlier; nothing changed',
  'in-progress': 'being posted by another process right now; nothing changed',
  'waiting-retry': 'failed earlier; waiting for the next retry',
  failed: 'FAILED; will be retried',
  abandoned: 'FAILED too many times; given up',
  'no-poster': 'no Slack/Discord token configured for this platform; not posted',
};

async function preview(app: App, argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { period: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean', default: false }, chart: { type: 'string' } }, strict: true });
  const lang = (values.lang ?? app.services.config.BOT_DEFAULT_LANGUAGE) as DigestLang;
  if (!['fi', 'en', 'both'].includes(lang)) throw new UsageError(`--lang must be fi, en or both (got "${values.lang}").`);
  const kb = app.services.knowledge.current;
  const period = periodFrom(app, values.period);
  const digest = digestFor(app.services.store, kb, period);
  const rendered = renderFor(kb, digest, lang);
  if (values.chart) writeFileSync(values.chart, rendered.chart.png);
  if (values.json) {
    out.write(`${JSON.stringify({ period, digest, text: rendered.text, chart: { alt: rendered.chart.alt, width: rendered.chart.width, height: rendered.chart.height, bytes: rendered.chart.png.length } }, null, 2)}\n`);
  } else {
    out.write(`${rendered.text}\n\n[chart: ${rendered.chart.alt}]\n`);
  }
  return 0;
}

async function run(app: App, argv: string[], env: NodeJS.ProcessEnv, out: NodeJS.WritableStream): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { period: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  const config = loadDigestConfig(env);
  const period = periodFrom(app, values.period);
  const targets = digestTargets(app.services.store, config, app.services.config.BOT_DEFAULT_LANGUAGE);
  const posters = await postersFromConfig(app.services.config);
  // An operator's run retries a failed post at once rather than waiting for its back-off.
  const report = await deliverDigest(app.services, posters, targets, period, { skipQuiet: config.DIGEST_SKIP_QUIET, ignoreBackoff: true });
  if (values.json) {
    out.write(`${JSON.stringify(report)}\n`);
  } else if (report.results.length === 0) {
    out.write(`Digest ${period.label}: no channels. Subscribe one with /digest subscribe, or set DIGEST_SLACK_CHANNELS / DIGEST_DISCORD_CHANNELS.\n`);
  } else {
    const lines = report.results.map((r) => `  ${r.channel}: ${STATUS_TEXT[r.status]}${r.messageId ? ` (message ${r.messageId})` : ''}${r.error ? ` — ${r.error}` : ''}`);
    const nothing = report.results.every((r) => r.status.startsWith('already'));
    out.write(`Digest ${period.label}:${nothing ? ' already delivered everywhere; nothing changed.' : ''}\n${lines.join('\n')}\n`);
  }
  return report.results.some((r) => r.status === 'failed' || r.status === 'abandoned') ? 1 : 0;
}

/** Runs `kajaani-bot digest <argv>`; returns the exit code. */
export async function digestCli(argv: string[], env: NodeJS.ProcessEnv = process.env, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'preview' && sub !== 'run') {
    err.write(`${sub === undefined ? '' : `Unknown digest command "${sub}".\n`}${USAGE}\n`);
    return 2;
  }
  const app = openCliApp(env, (t) => err.write(t));
  if (!app) return 1;
  try {
    return sub === 'preview' ? await preview(app, rest, out) : await run(app, rest, env, out);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || isArgsError(e)) {
      err.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  } finally {
    app.close();
  }
}

runIfMain(import.meta.url, 'digest', (argv) => digestCli(argv));
