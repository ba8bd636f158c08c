import type { App } from '../../main.js';
import type { RunningAdapter } from '../types.js';

/** Starts the Slack adapter (Socket Mode with SLACK_APP_TOKEN, HTTP otherwise). */
export async function startSlack(_app: App): Promise<RunningAdapter> {
  throw new Error('Slack adapter not implemented yet');
}
