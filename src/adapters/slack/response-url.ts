/**
 * Which response URLs the bot posts to when the URL comes back to it in data it once handed
 * out (the report form's private_metadata): only Slack's own, `https://hooks.slack.com/…`,
 * plus the origin of the configured SLACK_API_URL (a GovSlack-style deployment or the local
 * fake Slack in tests). Anything else is refused, so a forged or tampered metadata can never
 * make the bot send a user's report, or anything else, to an address of someone's choosing.
 */

/** Slack's response URLs: `https://hooks.slack.com/commands/…`, `…/actions/…` (no port, no user info). */
const SLACK_HOOKS_HOST = 'hooks.slack.com';

/** True when the bot may post to `url` (Slack's hooks, or the configured API's own origin). */
export function isAllowedResponseUrl(url: string, slackApiUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `https://hooks.slack.com@evil.example/` parses with evil.example as the host; refuse user info outright.
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:' && parsed.host === SLACK_HOOKS_HOST) return true;
  if (!slackApiUrl) return false;
  try {
    return parsed.origin === new URL(slackApiUrl).origin;
  } catch {
    return false;
  }
}
