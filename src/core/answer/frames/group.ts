/**
 * A group listed: "which ministries are involved?", "who are the contracting parties?",
 * "which goals have numeric targets?". The members come from the knowledge base.
 */
import { GROUP_FEATURES, groupReply, type Group } from '../compose/groups.js';
import { frameOf, type FrameHandler } from '../frame.js';
import { isSignal } from '../signals.js';
import type { Understanding } from '../types.js';
import { has, mentioned } from './helpers.js';

/** The group a question asks about, or the remembered one when it points back ("how many are there?"). */
export function groupAsked(u: Understanding): Group | null {
  for (const [g, features] of GROUP_FEATURES) {
    // CEMIS names a group only with a word for members ("CEMIS partners", "kumppanit").
    if (g.name === 'cemis' && !has(u, 'c:party')) continue;
    if (has(u, ...features)) return g;
  }
  const previous = u.previous?.group;
  if (previous && u.followUp !== null) {
    const [of, name] = previous.split('/') as [Group['of'], Group['name']];
    return { of, name };
  }
  return null;
}

/** "parties/contracting" for a frame's `group`. */
export function groupKey(g: Group): string {
  return `${g.of}/${g.name}`;
}

/** The group a frame names. */
export function groupOfFrame(key: string | undefined): Group {
  const [of, name] = (key ?? 'parties/all').split('/') as [Group['of'], Group['name']];
  return { of, name };
}

/** Words a plain "which/who are the …?" uses besides the group's own. */
const LIST_WORDS = new Set(['c:who', 'c:what', 'c:all', 'c:party', 'c:goal', 'c:focus', 'c:agreement', 'c:role', 'c:state', 'c:region']);

export const group: FrameHandler = {
  kind: 'group',
  detect(u) {
    // "Are there any ministries besides TEM?": the rest of the group, a yes/no on whether there are any.
    const besides = has(u, 'c:else');
    if (has(u, 'c:count') || (u.shape.yesNo && !besides)) return null;
    const g = groupAsked(u);
    if (!g || g.name === 'all' || !has(u, 'c:who', 'c:what', 'c:all', 'c:party', 'c:goal')) return null;
    if (besides && g.of === 'parties') return frameOf('group', u, { group: groupKey(g), entities: mentioned(u, 'party') });
    // "Which minister signed?", "what period do the quantitative targets cover?": another question.
    const own = GROUP_FEATURES.flatMap(([, fs]) => fs);
    if ([...u.features].some((f) => f.startsWith('c:') && !LIST_WORDS.has(f) && !own.includes(f) && !isSignal(f))) return null;
    // A named party or goal makes it a question about that one.
    if (mentioned(u, g.of === 'goals' ? 'goal' : 'party').length > 0) return null;
    // "contracting parties and cooperation parties": each group asked about, in one reply.
    const asked = GROUP_FEATURES.filter(([x, fs]) => x.of === g.of && x.name !== 'all' && has(u, ...fs) && (x.name !== 'cemis' || has(u, 'c:party')));
    return frameOf('group', u, { group: (asked.length > 1 ? asked.map(([x]) => groupKey(x)) : [groupKey(g)]).join(',') });
  },
  answer(frame, ctx) {
    const groups = (frame.group ?? 'parties/all').split(',');
    const r = groupReply(ctx.kb, groupOfFrame(groups[0]), ctx.lang, { count: false, exclude: frame.entities.length > 0 ? frame.entities : undefined });
    for (const key of groups.slice(1)) {
      const more = groupReply(ctx.kb, groupOfFrame(key), ctx.lang, { count: false });
      r.text = `${r.text} ${more.text}`;
    }
    if (frame.u.shape.yesNo) {
      const any = !/^(There are no|Muita)/.test(r.text);
      r.text = `${ctx.lang === 'fi' ? (any ? 'Kyllä.' : 'Ei.') : any ? 'Yes.' : 'No.'} ${r.text}`;
    }
    return r;
  },
};
