/**
 * The reply to a wish to report written in plain words: the `/report` line built from the
 * words, for the user to check and send ("Send this line to store it: /report companies
 * "Sensorit Oy" party=KAMK"), what is still missing (with a placeholder in its place), and
 * for reporters a button that opens the report form pre-filled with what was understood.
 * Nothing is stored here: only the sent line or the submitted form does that, through the
 * normal `/report` path with its checks.
 */
import type { CommandContext } from '../commands/types.js';
import type { Goal, KnowledgeBase } from '../knowledge/schema.js';
import { reply, type Lang, type Reply } from '../reply.js';
import { commandLine } from '../commands/line.js';
import { checkArgs } from '../commands/dispatch.js';
import type { Command, CommandArgs } from '../commands/types.js';
import { validateRecord } from '../commands/validate.js';
import { reportCommand } from '../commands/report.js';
import { OUTCOME_ARGS } from '../outcomes/fields.js';
import { anyAdmin, canReport } from '../outcomes/authorize.js';
import { today } from '../outcomes/guard.js';
import { exactGoal } from '../outcomes/resolve.js';
import { joinList } from '../i18n.js';
import { echoDate } from '../outcomes/date-text.js';
import { understandReport, type Understood } from './understand.js';
import { FILLERS, fold, NEW_WORDS } from './words.js';

/**
 * Stands for the missing title while the line is built: `quote` leaves it as it is (no
 * spaces or quotes), so it is swapped for the visible `"<title>"` afterwards.
 */
const TITLE_MARK = '\u0000title';
const PLACEHOLDER = { goal: { en: '<goal>', fi: '<tavoite>' }, title: { en: '"<title>"', fi: '"<otsikko>"' } } as const;
/** A date written as a word (today, eilen…) rather than digits. */
const DATE_WORDS = /^\p{L}+$/u;
const FIELD_NAMES = { goal: { en: 'the goal', fi: 'tavoitteen' }, title: { en: 'the title (the name of the company, product…)', fi: 'otsikon (yrityksen, tuotteen… nimen)' } } as const;

/**
 * The goal as the user would type it: its id in English (`companies`), in Finnish its first
 * one-word Finnish name that names it exactly (`yritykset`).
 */
function goalWord(kb: KnowledgeBase, goal: Goal, lang: Lang): string {
  if (lang === 'en') return goal.id;
  return goal.aliases.fi.find((a) => !/\s/.test(a) && exactGoal(kb, a)?.id === goal.id) ?? goal.id;
}

/**
 * The understood parts as the command checks them (goal and party ids, ISO date, Business ID
 * in its normal form). A part the command would refuse (a future date, a title with
 * disguising characters) is left out, so the user fills it in rather than meets an error.
 */
function checkedParts(u: Understood, day: string, kb: KnowledgeBase): Record<string, string> {
  const typed: Record<string, string> = {};
  if (u.goal) typed.goal = u.goal.id;
  if (u.title) typed.title = u.title;
  if (u.party) typed.party = u.party.id;
  if (u.date) typed.date = u.date;
  if (u.link) typed.link = u.link;
  if (u.businessId) typed['business-id'] = u.businessId;
  // Each part on its own: none is required here, and no default is filled in.
  for (let round = 0; round < OUTCOME_ARGS.length; round++) {
    const args = OUTCOME_ARGS.filter((a) => typed[a.name] !== undefined).map(({ required: _r, default: _d, ...a }) => a);
    const r = validateRecord({ args }, typed, { today: day, kb });
    if (r.ok) return r.values;
    const before = Object.keys(typed).length;
    for (const p of r.problems) delete typed[p.field];
    if (Object.keys(typed).length === before) return {};
  }
  return {};
}

/** The `/report` line for `values`, with placeholders where the goal or title is missing. */
function reportLine(kb: KnowledgeBase, values: Readonly<Record<string, string>>, shown: Understood, lang: Lang): string {
  const goal = values.goal ? exactGoal(kb, values.goal) : undefined;
  const record: Record<string, string> = {
    ...values,
    goal: goal ? goalWord(kb, goal, lang) : PLACEHOLDER.goal[lang],
    title: values.title ?? TITLE_MARK,
    // A date as the user wrote it (15.11.2025), except a word: "eilen" sent tomorrow is another day.
    ...(values.date && shown.date ? { date: DATE_WORDS.test(shown.date) ? echoDate(values.date, lang === 'fi' ? 'dotted' : 'iso') : shown.date } : {}),
  };
  return commandLine(reportCommand, record).replace(TITLE_MARK, PLACEHOLDER.title[lang]);
}

/** Who can give the reporter role, without naming admins (issue 11 item 9: refusals say "ask an admin"). */
function grantNote(ctx: CommandContext): string {
  const fi = ctx.lang === 'fi';
  const grant = `/grant ${ctx.user} reporter`;
  if (!anyAdmin(ctx)) {
    return fi
      ? `Sinulla ei ole raportoijan (reporter) roolia, joten riviä ei vielä hyväksytä. Ylläpitäjiä ei ole vielä (ne asetetaan BOT_ADMINS-muuttujalla); ylläpitäjä antaa roolin komennolla ${grant}.`
      : `You don't have the reporter role yet, so the line would be refused. There are no admins yet (they are set with BOT_ADMINS); an admin grants the role with ${grant}.`;
  }
  return fi
    ? `Sinulla ei ole raportoijan (reporter) roolia, joten riviä ei vielä hyväksytä. Pyydä ylläpitäjää antamaan se: ${grant}`
    : `You don't have the reporter role yet, so the line would be refused. Ask an admin to grant it: ${grant}`;
}

/**
 * The suggestion for a plain-words message that asks to report an outcome, or null when the
 * message is no such wish (then it is a question for the answerer).
 */
export function reportingSuggestion(ctx: CommandContext, text: string): Reply | null {
  const understood = understandReport(text, ctx.services.knowledge.current);
  return understood ? suggestionFor(ctx, understood) : null;
}

/** The reply for what was understood. */
function suggestionFor(ctx: CommandContext, understood: Understood): Reply {
  const kb = ctx.services.knowledge.current;
  const { lang } = ctx;
  const values = checkedParts(understood, today(ctx), kb);
  const line = reportLine(kb, values, understood, lang);
  const missing = (['goal', 'title'] as const).filter((f) => values[f] === undefined);
  const fi = lang === 'fi';

  const lines: string[] = [];
  if (missing.length === 0) {
    lines.push(fi ? `Lähetä tämä rivi, niin se tallennetaan: ${line}` : `Send this line to store it: ${line}`);
  } else {
    const what = joinList(lang, missing.map((f) => FIELD_NAMES[f][lang]));
    lines.push(fi ? `Raportointia varten tarvitsen vielä ${what}. Täydennä ja lähetä: ${line}` : `To report it I still need ${what}. Fill it in and send: ${line}`);
    if (values.goal === undefined) {
      const goals = kb.goals.map((g) => goalWord(kb, g, lang)).join(', ');
      lines.push(fi ? `Tavoitteet: ${goals}.` : `Goals: ${goals}.`);
    }
  }
  const reporter = canReport(ctx);
  const formWord = reporter ? (fi ? ' tai lähetät lomakkeen' : ' or submit the form') : '';
  lines.push(fi ? `Tarkista ensin: mitään ei tallenneta ennen kuin lähetät rivin${formWord}.` : `Check it first: nothing is stored until you send the line${formWord}.`);
  if (!reporter) lines.push(grantNote(ctx));

  const prefill = reporter ? ctx.services.prefills.remember({ command: reportCommand.name, values }) : undefined;
  return reply(lang, lines.join('\n'), {
    // The suggestion is for the writer alone: their words, their role, their button.
    visibility: 'ephemeral',
    data: { suggestion: { line, missing, values, reporter } },
    ...(prefill
      ? { actions: [{ kind: 'form' as const, command: reportCommand.name, label: fi ? 'Avaa täytetty lomake' : 'Open the filled-in form', style: 'primary' as const, prefill }] }
      : {}),
  });
}

/**
 * The suggestion for a `/report` line that is plain words rather than the command's grammar.
 * Slack and Discord turn a message starting with a command's name into that command, so
 * "raportoi uusi yritys: Sensorit Oy, KAMK" arrives as `/raportoi uusi yritys: …`, whose
 * goal "uusi" is no goal. When the goal's place holds no goal but the words name one
 * elsewhere (or it holds "a", "new", "uusi"…), the writer gets the line to send instead of
 * the refusal. A misspelt goal in the command's own shape (`/report datta "X Oy"`) keeps its
 * "did you mean", a line whose goal is right its own messages, non-reporters their refusal.
 */
export function misfiredReport(ctx: CommandContext, command: Command, args: CommandArgs, text: string): Reply | null {
  const first = args.tokens?.[0];
  if (!first || first.quoted || first.key !== undefined) return null;
  const checked = checkArgs(command, ctx, args);
  if (checked.ok) return null;
  const problems = Array.isArray(checked.reply.data.problems) ? (checked.reply.data.problems as { field: string; code: string }[]) : [];
  if (!problems.some((p) => p.field === 'goal' && p.code === 'unknown-goal')) return null;
  const understood = understandReport(text, ctx.services.knowledge.current);
  if (!understood) return null;
  const slot = fold(first.text);
  if (!understood.goal && !FILLERS.has(slot) && !NEW_WORDS.has(slot)) return null;
  return suggestionFor(ctx, understood);
}
