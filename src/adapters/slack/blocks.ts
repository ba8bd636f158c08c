/** Block Kit types, taken through @slack/bolt (which re-exports @slack/types) rather than a transitive import. */
import type { types } from '@slack/bolt';

export type KnownBlock = types.KnownBlock;
export type HomeView = types.HomeView;
export type ModalView = types.ModalView;
export type Button = types.Button;
export type PlainTextOption = types.PlainTextOption;
export type InputBlock = types.InputBlock;
