/** Likely duplicates: the refusal that points at the existing outcome, and the rule's keys for checking many rows at once. */
import type { CommandContext } from '../commands/types.js';
import { errorReply, type Reply } from '../reply.js';
import type { Outcome } from '../../store/outcomes.js';
import { dayOf } from './guard.js';
import { titleLine } from './format.js';

/** Refuses a report that duplicates existing outcomes, explaining how to confirm it anyway. */
export function duplicateReply(ctx: CommandContext, duplicates: Outcome[]): Reply {
  const fi = ctx.lang === 'fi';
  const lines = duplicates.map((d) =>
    fi
      ? `#${d.id} "${titleLine(d.title)}"${d.businessId ? ` (Y-tunnus ${d.businessId})` : ''}, raportoi ${d.reportedBy} ${dayOf(ctx, d.reportedAt)}`
      : `#${d.id} "${titleLine(d.title)}"${d.businessId ? ` (Business ID ${d.businessId})` : ''}, reported by ${d.reportedBy} on ${dayOf(ctx, d.reportedAt)}`,
  );
  const text = fi
    ? `Tämä näyttää jo raportoidulta, joten mitään ei tallennettu:\n${lines.join('\n')}\nJos kyseessä on eri asia, lisää duplicate=ok.`
    : `This looks like a duplicate, so nothing was stored:\n${lines.join('\n')}\nIf it really is a different one, add duplicate=ok.`;
  return errorReply(ctx.lang, text, { data: { error: 'duplicate', duplicateOf: duplicates.map((d) => d.id) } });
}

/**
 * The keys two counted outcomes share when they are duplicates by the rule `findDuplicates`
 * (src/store/outcomes.ts) applies in SQL: the same goal and title key, or the same Business
 * ID. An import checks the rows of one file against each other with these, in memory.
 */
export function duplicateKeys(f: { goalId: string; titleKey: string; businessId: string | null }): { by: 'title' | 'business-id'; key: string }[] {
  const keys: { by: 'title' | 'business-id'; key: string }[] = [{ by: 'title', key: `title\u0000${f.goalId}\u0000${f.titleKey}` }];
  if (f.businessId !== null) keys.push({ by: 'business-id', key: `business-id\u0000${f.businessId}` });
  return keys;
}
