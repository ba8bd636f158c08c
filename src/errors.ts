/**
 * Errors that leaf modules raise and the entry points (the CLI, the composition root) turn
 * into a message for the operator. Kept apart from `main.ts`, so an adapter or the digest
 * scheduler can raise one without importing the composition root.
 */

/** A start-up failure with a message for the operator. */
export class StartupError extends Error {
  override name = 'StartupError';
}
