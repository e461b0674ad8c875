import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql-js for everything, as under Node: Vite would otherwise give the project's own
  // files graphql's ESM build and Node-loaded packages (Apollo Server, graphql-query-complexity)
  // its CommonJS one, and errors of one fail the other's instanceof checks.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    // One Neo4j for the run; files run one after another so none sees another's writes mid-test.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default', './test/support/summaryReporter.ts'],
  },
});
