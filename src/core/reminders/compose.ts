/**
 * What a check-in reminder says (pure): whose figures it shows and what they reported this
 * month and in total, the goals behind pace, and two buttons, as a neutral `Reply` with
 * `actions` that each adapter renders (Slack buttons, Discord components).
 */
import type { KnowledgeBase } from '../knowledge/schema.js';
import { reply, type Lang, type Reply } from '../reply.js';
import { capitalise, L } from '../i18n.js';
import { paceGap, rate, targetText } from '../outcomes/progress.js';
import { partyShortName } from '../outcomes/format.js';
import type { ReportedFigures } from '../../store/reminders.js';
import { inMonth, monthName, type MonthPeriod } from './period.js';

/** Whose figures a reminder shows, and why those. */
export type ReminderSubject =
  /** The party given with the reporter grant, or (`latest-report`) the party of their latest report. */
  | { kind: 'party'; partyId: string; basis: 'grant' | 'latest-report' }
  /** No party known: the user's own reports. */
  | { kind: 'own' };

/** The party a reminder speaks for: the grant's, else the latest report's, else none. */
export function reminderSubject(grantParty: string | null, latestReportParty: string | null): ReminderSubject {
  if (grantParty) return { kind: 'party', partyId: grantParty, basis: 'grant' };
  if (latestReportParty) return { kind: 'party', partyId: latestReportParty, basis: 'latest-report' };
  return { kind: 'own' };
}

/** Everything a reminder shows. */
export interface ReminderContent {
  lang: Lang;
  period: MonthPeriod;
  subject: ReminderSubject;
  figures: ReportedFigures;
  /** Counted outcomes per goal id (all parties): which goals are behind pace. */
  goalCounts: ReadonlyMap<string, number>;
  /** Today in BOT_TIMEZONE, for the pace. */
  today: string;
}

/** The command line the "nothing this time" button sends for a period. */
export function nothingLine(period: MonthPeriod): string {
  return `/remind nothing ${period.label}`;
}

const T = {
  title: L('Monthly check-in: %s', 'Kuukauden muistutus: %s'),
  hello: L('Hi! Anything new to report for the Kajaani ecosystem agreement?', 'Hei! Onko Kajaanin ekosysteemisopimukseen uutta raportoitavaa?'),
  behindHeading: L('Goals behind pace', 'Tavoitteet jäljessä tahdista'),
  noneBehind: L('Every goal with a target is on pace.', 'Kaikki määrälliset tavoitteet etenevät tahdissa.'),
  ask: L(
    'Report an outcome with the button, or tell me there is nothing this time. /remind off stops these reminders.',
    'Ilmoita tulos painikkeella tai kerro, ettei tällä kertaa ole mitään. Komento /remind off lopettaa muistutukset.',
  ),
  report: L('Report an outcome', 'Ilmoita tulos'),
  nothing: L('Nothing this time', 'Ei mitään tällä kertaa'),
} as const;

/** The figures sentence: who, this month, in total. */
function figuresLine(kb: KnowledgeBase, c: ReminderContent): string {
  const { lang, figures: f } = c;
  const month = inMonth(c.period, lang);
  if (c.subject.kind === 'own') {
    return lang === 'fi'
      ? `Olet raportoinut ${month} toistaiseksi ${f.inPeriod} tulosta, yhteensä ${f.total} (vahvistettuja ${f.verified}).`
      : `You have reported ${f.inPeriod} outcome${f.inPeriod === 1 ? '' : 's'} ${month} so far, ${f.total} in total (${f.verified} verified).`;
  }
  const party = partyShortName(kb, c.subject.partyId, lang);
  const why =
    c.subject.basis === 'grant'
      ? lang === 'fi' ? 'osapuolesi' : 'your party'
      : lang === 'fi' ? 'viimeisimmän raporttisi osapuoli' : 'the party of your latest report';
  return lang === 'fi'
    ? `${party} (${why}) on raportoinut ${month} toistaiseksi ${f.inPeriod} tulosta, yhteensä ${f.total} (vahvistettuja ${f.verified}).`
    : `${party} (${why}) has reported ${f.inPeriod} outcome${f.inPeriod === 1 ? '' : 's'} ${month} so far, ${f.total} in total (${f.verified} verified).`;
}

/** One line per goal behind pace, in the knowledge base's goal order. */
export function behindLines(kb: KnowledgeBase, counts: ReadonlyMap<string, number>, today: string, lang: Lang): string[] {
  const lines: string[] = [];
  for (const goal of kb.goals) {
    const count = counts.get(goal.id) ?? 0;
    const gap = paceGap(goal, count, today, lang);
    if (!gap) continue;
    const name = capitalise(goal.name[lang]);
    const target = targetText(goal, lang);
    const needed = gap.figures.neededPerMonth;
    lines.push(
      lang === 'fi'
        ? `${name}: ${count} / ${target}; tasaisella tahdilla nyt olisi ${gap.onPaceByNow}${needed === null ? ' (määräaika on mennyt)' : ` (tarvitaan ${rate(needed, lang)} kuukaudessa 31.12.2029 mennessä)`}.`
        : `${name}: ${count} of ${target}; a steady pace would have ${gap.onPaceByNow} by now${needed === null ? ' (the deadline has passed)' : ` (${rate(needed, lang)} a month needed by 31 Dec 2029)`}.`,
    );
  }
  return lines;
}

/** The reminder as a neutral reply: private, with "Report an outcome" and "Nothing this time". */
export function composeReminder(kb: KnowledgeBase, c: ReminderContent): Reply {
  const { lang } = c;
  const behind = behindLines(kb, c.goalCounts, c.today, lang);
  return reply(lang, `${T.hello[lang]} ${figuresLine(kb, c)}`, {
    title: T.title[lang].replace('%s', monthName(c.period, lang)),
    sections: [behind.length > 0 ? { heading: T.behindHeading[lang], lines: behind } : { lines: [T.noneBehind[lang]] }, { lines: [T.ask[lang]] }],
    visibility: 'ephemeral',
    actions: [
      { kind: 'form', command: 'report', label: T.report[lang], style: 'primary' },
      { kind: 'command', line: nothingLine(c.period), label: T.nothing[lang] },
    ],
    data: { reminder: { period: c.period.label, subject: c.subject, figures: c.figures, behind: behind.length } },
  });
}
