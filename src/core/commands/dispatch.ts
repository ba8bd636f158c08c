/**
 * Runs a command by its spec: checks the role it needs, binds and validates its arguments
 * (refusing with every problem at once, or with the usage when nothing was given), checks
 * a role a chosen option needs, and guards the store for commands that write. `run` only
 * ever sees a user who may run it and arguments that passed.
 */
import type { Reply } from '../reply.js';
import { errorReply } from '../reply.js';
import { describeProblems } from '../outcomes/field-messages.js';
import { mayRun, notAllowed } from '../outcomes/authorize.js';
import { busyReply, today } from '../outcomes/guard.js';
import { StoreBusyError } from '../../store/store.js';
import { bindArgs } from './bind.js';
import { usageHint, type Choice } from './spec.js';
import { choiceFor, validateRecord } from './validate.js';
import type { CheckedArgs, Command, CommandArgs, CommandContext } from './types.js';

/** The checked arguments, or the reply that refuses them. */
export function checkArgs(command: Command, ctx: CommandContext, args: CommandArgs): { ok: true; args: CheckedArgs } | { ok: false; reply: Reply } {
  const { lang } = ctx;
  const kb = ctx.services.knowledge.current;
  const bound = bindArgs(command, args, kb);
  const needsSomething = command.args.some((a) => a.required && a.default === undefined);
  if (!bound.given && needsSomething) return { ok: false, reply: errorReply(lang, usageHint(command, lang), { data: { error: 'invalid' } }) };
  const checked = validateRecord(command, bound.record, { today: today(ctx), kb });
  const problems = [...(checked.ok ? [] : checked.problems), ...bound.problems];
  if (!checked.ok || problems.length > 0) {
    const refusal = command.refusal ?? (command.writes ? 'changed' : 'listed');
    return { ok: false, reply: errorReply(lang, `${describeProblems(lang, problems, refusal)}\n${usageHint(command, lang)}`, { data: { error: 'invalid', problems } }) };
  }
  return { ok: true, args: { ...args, values: checked.values, corrected: checked.corrected, dateStyles: checked.dateStyles } };
}

/** The refusal when a chosen option needs a role the user lacks (e.g. /digest subscribe). */
function choiceRefusal(command: Command, ctx: CommandContext, values: Readonly<Record<string, string>>): Reply | null {
  for (const arg of command.args) {
    if (!Array.isArray(arg.choices) || values[arg.name] === undefined) continue;
    const choice = choiceFor(arg.choices as readonly Choice[], values[arg.name]!);
    if (choice?.role && !mayRun(ctx, choice.role)) return notAllowed(ctx, choice.role, choice.roleAction ?? { en: `/${command.name} ${choice.value}`, fi: `/${command.name} ${choice.value}` });
  }
  return null;
}

/** An answer that can be rated is remembered, so a 👍/👎 on it can say what it was about. */
function rated(command: Command, ctx: CommandContext, args: CheckedArgs, r: Reply): Reply {
  return command.rated && r.ok ? { ...r, feedbackRef: ctx.services.shown.remember(args.raw, r) } : r;
}

/** Runs `command` for `ctx` with the parsed `args`, as its spec says. */
export async function dispatch(command: Command, ctx: CommandContext, args: CommandArgs): Promise<Reply> {
  if (command.role !== 'anyone' && !mayRun(ctx, command.role)) {
    return notAllowed(ctx, command.role, command.roleAction ?? { en: `use /${command.name}`, fi: `/${command.name}-komennon käyttö` });
  }
  const checked = checkArgs(command, ctx, args);
  if (!checked.ok) return checked.reply;
  const refused = choiceRefusal(command, ctx, checked.args.values);
  if (refused) return refused;
  if (!command.writes) return rated(command, ctx, checked.args, await command.run(ctx, checked.args));
  try {
    return await command.run(ctx, checked.args);
  } catch (err) {
    // Another process held the database lock beyond the busy timeout: nothing was written.
    if (!(err instanceof StoreBusyError)) throw err;
    ctx.services.log.warn({ requestId: ctx.requestId, user: ctx.user, command: command.name }, 'database busy');
    return busyReply(ctx);
  }
}
