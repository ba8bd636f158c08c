/**
 * `/verify <id> [<id> …]`: an admin confirms reported outcomes (audited). Each number is
 * verified in its own transaction: one that cannot be (unknown, already verified, retracted)
 * is named with the reason and leaves the others verified.
 */
import type { CheckedArgs, Command, CommandContext } from './types.js';
import type { ArgSpec } from './spec.js';
import { errorReply, reply, type Reply } from '../reply.js';
import { L } from '../i18n.js';
import { dayOf, nowIso } from '../outcomes/guard.js';
import { getOutcome, verifyOutcome, type Outcome } from '../../store/outcomes.js';
import { StoreBusyError } from '../../store/store.js';

/**
 * The most numbers one /verify takes: a reply naming each stays well inside a chat
 * message (Discord's 2,000 characters), and a longer list is more likely a paste mistake.
 */
const MAX_IDS = 25;

/** The outcome numbers, as `6 7`, `#6 #7` or `6, 7`. */
const OUTCOME_IDS: ArgSpec = {
  name: 'id',
  nameFi: 'numero',
  keyAliases: ['ids', 'numerot'],
  kind: 'outcome-ids',
  required: true,
  position: 'rest',
  limits: { max: MAX_IDS },
  label: L('Outcome numbers', 'Tulosten numerot'),
  description: L('One or more outcome numbers, e.g. 6 7 (see /outcomes)', 'Yksi tai useampi tuloksen numero, esim. 6 7 (katso /outcomes)'),
  usage: L('<id> [<id> …]', '<numero> [<numero> …]'),
};

/** Why one number was not verified. */
type Failure = { id: number; error: 'not-found' | 'state' | 'busy'; status?: Outcome['status']; reason: string };

/** Verifies one outcome, or says why not. */
function verifyOne(ctx: CommandContext, id: number): { ok: true; outcome: Outcome } | ({ ok: false } & Failure) {
  const fi = ctx.lang === 'fi';
  const o = getOutcome(ctx.services.store, id);
  if (!o) return { ok: false, id, error: 'not-found', reason: fi ? `Tulosta #${id} ei ole. Katso numerot: /outcomes` : `There is no outcome #${id}. See the numbers with /outcomes` };
  if (o.status === 'verified') {
    const when = dayOf(ctx, o.verifiedAt ?? '');
    return { ok: false, id, error: 'state', status: o.status, reason: fi ? `Tulos #${o.id} on jo vahvistettu (${o.verifiedBy}, ${when}).` : `Outcome #${o.id} is already verified (by ${o.verifiedBy} on ${when}).` };
  }
  if (o.status === 'retracted') {
    return { ok: false, id, error: 'state', status: o.status, reason: fi ? `Tulos #${o.id} on peruttu, eikä sitä voi vahvistaa.` : `Outcome #${o.id} is retracted and cannot be verified.` };
  }
  try {
    return { ok: true, outcome: verifyOutcome(ctx.services.store, o.id, ctx.user, nowIso(ctx))! };
  } catch (err) {
    // Another process held the lock: this one is not verified; the ones before it stay verified.
    if (!(err instanceof StoreBusyError)) throw err;
    return { ok: false, id, error: 'busy', reason: fi ? `Tulosta #${id} ei vahvistettu: tietokanta oli varattu. Yritä hetken päästä uudelleen.` : `Outcome #${id} was not verified: the database was busy. Try it again in a moment.` };
  }
}

function run(ctx: CommandContext, { values }: CheckedArgs): Reply {
  const fi = ctx.lang === 'fi';
  const ids = values.id!.split(' ').map(Number);
  const done: Outcome[] = [];
  const failed: Failure[] = [];
  for (const id of ids) {
    const r = verifyOne(ctx, id);
    if (r.ok) done.push(r.outcome);
    else failed.push({ id: r.id, error: r.error, ...(r.status ? { status: r.status } : {}), reason: r.reason });
  }
  const outcomes = done.map((o) => ({ id: o.id, goal: o.goalId, status: o.status }));
  if (ids.length === 1) {
    const f = failed[0];
    if (f) return errorReply(ctx.lang, f.reason, { data: { error: f.error, ...(f.status ? { status: f.status } : {}) } });
    const o = done[0]!;
    return reply(ctx.lang, fi ? `Vahvistettu: #${o.id} "${o.title}".` : `Verified: #${o.id} "${o.title}".`, { data: { outcome: outcomes[0] } });
  }
  const data = { outcomes, failed: failed.map(({ id, error, reason }) => ({ id, error, reason })) };
  const lines = failed.map((f) => `- ${f.reason}`);
  if (done.length === 0) {
    return errorReply(ctx.lang, [fi ? 'Mitään ei vahvistettu:' : 'Nothing was verified:', ...lines].join('\n'), { data: { error: 'state', ...data } });
  }
  const list = done.map((o) => `#${o.id} "${o.title}"`).join(', ');
  const head = fi ? `Vahvistettu: ${list}.` : `Verified: ${list}.`;
  const tail = failed.length > 0 ? [fi ? `Ei vahvistettu (${failed.length}):` : `Not verified (${failed.length}):`, ...lines] : [];
  return reply(ctx.lang, [head, ...tail].join('\n'), { data });
}

export const verifyCommand: Command = {
  name: 'verify',
  aliases: ['vahvista'],
  summary: L('Verify reported outcomes (admins)', 'Vahvista raportoituja tuloksia (ylläpitäjät)'),
  args: [OUTCOME_IDS],
  role: 'admin',
  roleAction: L('verify outcomes', 'tulosten vahvistaminen'),
  writes: true,
  private: true,
  examples: { en: ['/verify 12', '/verify 6 7'], fi: ['/verify 12', '/verify 6 7'] },
  run,
};
