/**
 * Errors that leaf modules raise and the entry points (the CLI, the composition root) turn
 * into a message for the operator. Kept apart from `main.ts`, so an adapter or the digest
 * scheduler can raise one without importing the composition root.
 */

/** A start-up failure with a message for the operator. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/**
 * A platform refused a message for a reason retrying will not change: a user the bot cannot
 * DM (Slack `cannot_dm_bot`, `user_not_found`; Discord 50007 "Cannot send messages to this
 * user"). Posters throw it; delivery records the recipient as unreachable instead of
 * retrying. `code` is the platform's own code, for the log and the record.
 */
export class UnreachableError extends Error {
  override name = 'UnreachableError';
  constructor(
    readonly code: string,
    message = `cannot deliver: ${code}`,
  ) {
    super(message);
  }
}
