import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for this app's operations, from the schema the server serves (GET /schema.graphql).
// The scalar mapping is what keeps money and dates typed: without it they would be `unknown`,
// and strictScalars makes a scalar this file does not map an error instead.
const config: CodegenConfig = {
  schema: process.env.SCHEMA_URL ?? 'http://127.0.0.1:4000/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  // Imports with .js extensions, as NodeNext module resolution requires.
  emitLegacyCommonJSImports: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        strictScalars: true,
        scalars: {
          // An exact decimal string ("134790000000"): never parse it into a JavaScript number.
          Decimal: 'string',
          // "2025", "2025-08", "2025-08-28" or a quarter "2025-07/2025-09".
          PartialDateString: 'string',
          // An absolute http(s) URL.
          URL: 'string',
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
