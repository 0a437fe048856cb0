import { defineConfig } from 'vitest/config';

/**
 * How long a test (or a hook) may run before it counts as hung. A hang detector, not a budget: no
 * test alone on an idle machine takes a tenth of it, so a machine four times slower, or one shared
 * with a second `npm test`, still passes; tests that need time wait on events, never on a clock.
 * The only timeout in the suite (Playwright's own are turned off in the browser helpers).
 */
export const HANG_TIMEOUT_MS = 600_000;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Rebuilds dist/ when it is older than the sources: worker threads and the inspector run the build.
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: HANG_TIMEOUT_MS,
    hookTimeout: HANG_TIMEOUT_MS,
    teardownTimeout: HANG_TIMEOUT_MS,
  },
});
