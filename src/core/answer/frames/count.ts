/**
 * Counts: "how many parties are there?", "montako painopistettä?", "how many ministries are
 * involved?". Counted from the knowledge base, with the members named. "How many companies"
 * is the companies goal, not a count (a named goal makes it a lookup).
 */
import { groupReply } from '../compose/groups.js';
import { frameOf, type FrameHandler } from '../frame.js';
import { has, mentioned } from './helpers.js';
import { groupAsked, groupKey, groupOfFrame } from './group.js';

export const count: FrameHandler = {
  kind: 'count',
  detect(u) {
    // "How many …" about when, where or why is another question ("mille aikavälille määrälliset tavoitteet…").
    if (!has(u, 'c:count') || u.progressAsked || has(u, 'c:innocities', 'c:period', 'c:when', 'c:end', 'c:start', 'c:why', 'c:where', 'c:sign')) return null;
    const g = groupAsked(u);
    if (!g) return null;
    // A named goal, focus area or place makes it a question about that one ("how many data centre operators?").
    if (u.mentions.some((m) => /^(goal|focus):/.test(m) || (m.startsWith('place:') && m !== 'place:cemis'))) return null;
    if (g.of === 'parties' && g.name === 'all' && mentioned(u, 'party').length > 0) return null;
    return frameOf('count', u, { group: groupKey(g) });
  },
  answer: (frame, ctx) => groupReply(ctx.kb, groupOfFrame(frame.group), ctx.lang, { count: true }),
};
