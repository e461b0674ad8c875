import { defineConfig } from 'vitest/config';

/**
 * The tests that need no database, on their own: the compiler's snapshots, pure functions and the
 * import rules, in seconds (`npm run test:unit`). `npm test` runs them too, with the rest.
 */
export default defineConfig({
  // As in vitest.config.ts: one graphql-js for everything.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts', 'test/architecture/**/*.test.ts', 'test/read/compiled.test.ts', 'test/read/decode.test.ts', 'test/read/compilerShapes.test.ts', 'test/read/definitions.test.ts', 'test/read/nestedConnections.test.ts'],
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
