/**
 * The import rules of src/, checked by test/architecture/imports.test.ts with dependency-cruiser
 * (`npx depcruise --config test/architecture/dependencyRules.cjs src` prints the same verdict).
 * Type-only imports count: a circle through `import type` still ties two files' meanings together.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import circles in src/.', from: {}, to: { circular: true } },
    {
      name: 'graph-is-the-floor', severity: 'error',
      comment: 'src/graph/ (the database boundary) knows nothing of the API above it.',
      from: { path: '^src/graph/' }, to: { path: '^src/(modules|read|write|server|seed|import|synthetic|cli)/' },
    },
    {
      name: 'modules-not-server', severity: 'error',
      comment: 'A domain module is resolvers, records and list specs: it never reaches into the HTTP server.',
      from: { path: '^src/modules/' }, to: { path: '^src/server/' },
    },
    {
      name: 'write-not-server', severity: 'error',
      comment: 'The write path (changesets, changes, their checks) is independent of the HTTP server and of any one domain\'s resolvers.',
      from: { path: '^src/write/' }, to: { path: '^src/(server|cli)/|^src/modules/[^/]+/(resolvers|mutations|revert)\\.ts$' },
    },
    {
      name: 'read-not-server', severity: 'error',
      comment: 'The read compiler is independent of the HTTP server (it compiles without one in test/read/).',
      from: { path: '^src/read/' }, to: { path: '^src/server/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
