/** The refusal for a likely duplicate: points at the existing outcome, who reported it and when. */
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
