/**
 * The question frames, in the order they are tried: the first whose `detect` recognises the
 * question answers it. Specific shapes come first (injection, small talk, honest gaps,
 * comparisons, follow-ups, counts, yes/no, groups, several entities, passing mentions),
 * then the plain lookup, and the decline catches the rest.
 */
import type { FrameHandler } from '../frame.js';
import { comparison } from './comparison.js';
import { count } from './count.js';
import { decline } from './decline.js';
import { gap } from './gap.js';
import { group } from './group.js';
import { injection } from './injection.js';
import { lookup } from './lookup.js';
import { mention } from './mention.js';
import { more } from './more.js';
import { ordinal } from './ordinal.js';
import { others } from './others.js';
import { several } from './several.js';
import { smallTalk } from './small-talk.js';
import { summary } from './summary.js';
import { yesNo } from './yes-no.js';

export const FRAMES: readonly FrameHandler[] = [injection, smallTalk, gap, comparison, ordinal, summary, others, more, count, yesNo, group, several, mention, lookup, decline];
