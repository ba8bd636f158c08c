/**
 * "Who else?" / "ketkä muut?" / "anything else about sports?": the rest of the group just
 * discussed (the other CEMIS partners after KAMK), or the next answer to the question's own
 * words that was not given yet.
 */
import { groupReply, type Group } from '../compose/groups.js';
import { candidateReply } from '../compose/replies.js';
import { frameOf, type FrameHandler } from '../frame.js';
import { splitId } from '../compose/entities.js';
import { groupAsked, groupOfFrame } from './group.js';

export const others: FrameHandler = {
  kind: 'others',
  detect(u, ctx) {
    const previous = u.previous;
    if (u.followUp !== 'others' || !previous) return null;
    const ownTopic = u.topic.filter((t) => !previous.topic.includes(t) && !previous.entities.includes(t));
    // "any ministries besides TEM?" names its own group: the group frame answers it.
    if (ownTopic.length > 0 && groupAsked(u)?.name !== undefined && groupAsked(u)?.name !== 'all' && u.mentions.length > 0) return null;
    if (ownTopic.length > 0) {
      const next = u.ranked.find((s) => !previous.entities.includes(s.candidate.id) && s.candidate.kind !== 'help');
      return next ? frameOf('others', u, { entities: [next.candidate.id] }) : null;
    }
    if (previous.group) return frameOf('others', u, { group: previous.group, entities: previous.entities });
    const [kind, ref] = splitId(previous.entities[0] ?? '');
    if (kind === 'party') {
      const p = ctx.kb.parties.find((x) => x.id === ref);
      const name: Group['name'] = p?.kind === 'contracting' ? 'contracting' : p?.kind === 'regional-authority' ? 'authority' : 'cooperation';
      return frameOf('others', u, { group: `parties/${name}`, entities: previous.entities });
    }
    if (kind === 'goal') return frameOf('others', u, { group: 'goals/all', entities: previous.entities });
    if (kind === 'focus') return frameOf('others', u, { group: 'focus-areas/all', entities: previous.entities });
    return null;
  },
  answer(frame, ctx) {
    if (frame.group) return groupReply(ctx.kb, groupOfFrame(frame.group), ctx.lang, { count: false, exclude: frame.entities });
    const c = ctx.engine.ranker.candidateById(frame.entities[0]!)!;
    return candidateReply(ctx.kb, c, ctx.lang, ctx.hooks, frame.u.progressAsked);
  },
};
