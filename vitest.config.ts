import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Rebuilds dist/ when it is older than the sources: worker threads and the inspector run the build.
    globalSetup: ['test/setup/global-setup.ts'],
    testTimeout: 60_000,
  },
});
