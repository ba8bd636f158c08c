/**
 * The reliability suite (`npm run test:reliability`): the fast reliability tests that also run
 * in `npm test` (test/reliability/*.test.ts) plus the slow ones (*.rel.ts: the full fuzz,
 * SIGKILL rounds, disk trouble), which the default config's `*.test.ts` never picks up.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts', 'test/reliability/**/*.rel.ts'],
    globalSetup: ['test/global-setup.ts'],
    // The slow tests spawn the built CLI many times and wait out real busy timeouts.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
