/** Outside the agreement, or not understood: what the bot answers, with examples. The table's last frame. */
import { frameOf, type FrameHandler } from '../frame.js';
import { declineReply } from './helpers.js';

export const decline: FrameHandler = {
  kind: 'decline',
  detect: (u) => frameOf('decline', u),
  answer: (_frame, ctx) => declineReply(ctx.lang),
};
