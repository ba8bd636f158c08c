import type { App } from '../../main.js';
import type { RunningAdapter } from '../types.js';

/** Starts the Discord adapter. */
export async function startDiscord(_app: App): Promise<RunningAdapter> {
  throw new Error('Discord adapter not implemented yet');
}
