/**
 * "What is the agreement about, in short?", "kerro lyhyesti sopimuksesta", "summarise it":
 * the agreement in a few sentences (what it covers and its focus areas, who made it, its
 * goals). A summary of one entity ("CSC in short") is that entity's lookup, already short.
 */
import { reply } from '../../reply.js';
import { entitySourceIds, entityText, sourcesFor } from '../compose/entities.js';
import { frameOf, type FrameHandler } from '../frame.js';
import { has } from './helpers.js';

/** The agreement's overview, in the order a person would tell it. */
const SUMMARY = ['fact:theme', 'fact:contracting-parties', 'fact:goals-overview'];

export const summary: FrameHandler = {
  kind: 'summary',
  detect(u) {
    if (!has(u, 'c:brief') || u.mentions.some((m) => !m.startsWith('fact:'))) return null;
    // About the agreement: it says so, or asks about nothing else ("in short?" after an agreement answer).
    const about = has(u, 'c:agreement') || u.topic.every((t) => t.startsWith('fact:') || t === 'c:agreement');
    return about ? frameOf('summary', u, { entities: ['fact:theme'] }) : null;
  },
  answer(_frame, ctx) {
    const ids = SUMMARY.filter((id) => entityText(ctx.kb, id, ctx.lang) !== '');
    return reply(ctx.lang, ids.map((id) => entityText(ctx.kb, id, ctx.lang)).join(' '), { sources: sourcesFor(ctx.kb, ids.flatMap((id) => entitySourceIds(ctx.kb, id))) });
  },
};
