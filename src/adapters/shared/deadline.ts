/** The race every adapter runs against a platform deadline: the work, or "not yet" after `ms`. */

/**
 * Resolves with the work's result if it settles within `ms`, else with `undefined` (the work
 * keeps running; await it again for the result). The timer is always cleared, so nothing is
 * left behind to keep a process or a test alive. A rejection of the work passes through.
 */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
