/**
 * Who gets a check-in reminder for a period (pure): a reporter granted in the bot, on Slack
 * or Discord, who has not opted out, has reported nothing in the period, and has not been
 * reminded (or answered, or been found unreachable) for it yet. Everyone else gets a reason.
 */
import type { Platform } from '../platform.js';
import type { ReminderSend, ReminderUser } from '../../store/reminders.js';

/** Why a reporter gets no reminder. */
export type SkipReason =
  /** Console users have no DMs. */
  | 'console-user'
  /** `/remind off`. */
  | 'opted-out'
  /** Reported something in the period already. */
  | 'reported'
  /** Answered "nothing this time" for the period. */
  | 'answered'
  /** The period's reminder was sent. */
  | 'reminded'
  /** The platform refused a DM (this period, or earlier and not cleared by `/remind on`). */
  | 'unreachable'
  /** Another process is sending it right now. */
  | 'in-progress'
  /** The last attempt failed; the next waits for its back-off. */
  | 'waiting-retry'
  /** Failed too many times this period. */
  | 'abandoned';

/** What is known about one reporter for one period. */
export interface ReporterFacts {
  /** Platform-qualified id. */
  user: string;
  platform: Platform;
  settings: ReminderUser | null;
  /** Counted outcomes this user reported in the period. */
  reportedInPeriod: number;
  /** The period's send row, if any. */
  send: ReminderSend | null;
}

/** Due, or skipped with a reason. */
export type Decision = { due: true } | { due: false; reason: SkipReason };

/** Decides one reporter at `now` (ISO): the first reason that applies, in the order above. */
export function decide(f: ReporterFacts, now: string): Decision {
  const skip = (reason: SkipReason): Decision => ({ due: false, reason });
  if (f.platform === 'console') return skip('console-user');
  if (f.settings?.optedOut) return skip('opted-out');
  if (f.reportedInPeriod > 0) return skip('reported');
  const s = f.send;
  if (s?.answer === 'nothing') return skip('answered');
  if (s) {
    switch (s.status) {
      case 'done':
        return skip('reminded');
      case 'skipped':
        return skip('answered');
      case 'unreachable':
        return skip('unreachable');
      case 'abandoned':
        return skip('abandoned');
      case 'claimed':
        if (s.leaseUntil > now) return skip('in-progress');
        break;
      case 'failed':
        if ((s.nextAttemptAt ?? '') > now) return skip('waiting-retry');
        break;
    }
  }
  if (f.settings?.unreachableSince) return skip('unreachable');
  return { due: true };
}
