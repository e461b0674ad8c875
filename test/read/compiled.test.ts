import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { kinds } from '../../bench/compare/kinds.js';
import { BENCH_QUERIES } from '../../bench/queries.js';
import { loadExamples } from '../../src/server/ide.js';
import { compileOnly, renderCompiled } from '../support/compileOnly.js';

/**
 * The Cypher every query we publish or measure compiles to, kept as snapshots (in the manner of
 * @neo4j/graphql's TCK): the IDE examples (src/server/ide/examples/), the benchmark's queries
 * (bench/queries.ts) and this API's side of the comparison (bench/compare/kinds.ts). No database:
 * operations are executed against a stand-in Graph that records the queries it is sent
 * (test/support/compileOnly.ts). A change to the compiler, a definition under cypher/ or a list
 * query shows here as a diff of readable .cypher files, and must be accepted on purpose:
 *
 *   npm run test:unit -- test/read/compiled.test.ts -u
 *
 * In CI (CI=true) a missing snapshot is a failure, not a new file.
 */

const SNAPSHOTS = fileURLToPath(new URL('./__snapshots__/compiled/', import.meta.url));

/**
 * Placeholder ids for the comparison's parameters (bench/compare.ts picks them from the loaded
 * graph). The compiled text does not depend on which ids are given, only the parameters do.
 */
const KIND_PARAMS = { incident: 'syn-incident-0000042', company: 'syn-company-0000042', authority: 'syn-authority-0000007', currency: 'KRW', minAmount: '1000000000' };

/**
 * Errors that come from the stand-in answering no rows, not from compiling: a connection's
 * non-null totalCount with no count row, an entity the stand-in's empty graph does not hold.
 * Any other error (a field with no definition, a bad parameter...) fails the test.
 */
const STAND_IN_ERRORS = [
  /^Cannot return null for non-nullable field \w+Connection\.totalCount\.$/,
  /^id: no entity has the id "[^"]*"\./,
  /^No \w+ has the id "[^"]*"\./,
];

/** "incidents page, filtered by country, by accounts" -> "incidentsPageFilteredByCountryByAccounts". */
const camelCase = (title: string) => title.split(/[^A-Za-z0-9]+/).filter(Boolean)
  .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');

interface Case {
  /** The snapshot's path under __snapshots__/compiled/. */
  file: string;
  query: string;
  variables?: Record<string, unknown> | undefined;
}

const cases: Case[] = [
  ...loadExamples().map((e) => ({ file: `examples/${e.name}.cypher`, query: e.query })),
  ...Object.entries(BENCH_QUERIES).map(([title, q]) => ({ file: `bench/${camelCase(title)}.cypher`, query: q.query, variables: q.variables })),
  ...kinds(KIND_PARAMS).map((k) => ({ file: `compare/${k.key}.cypher`, query: k.api.query, variables: k.api.variables })),
];

describe('compiled Cypher of the published and measured queries (no database)', () => {
  let compiler: ReturnType<typeof compileOnly>;

  beforeAll(() => {
    // createContext reads the cursor key from the configuration: a fixed one, so nothing is written under .neo4j/.
    vi.stubEnv('CURSOR_SECRET', 'compiled-test-cursor-secret-0123456789');
    compiler = compileOnly();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('names every snapshot file once', () => {
    const files = cases.map((c) => c.file);
    expect(files.length).toBeGreaterThan(30);
    expect(new Set(files).size).toBe(files.length);
  });

  it.each(cases)('$file', async ({ file, query, variables }) => {
    const { sent, errors } = await compiler.compile(query, variables);
    const unexpected = errors.filter((e) => !STAND_IN_ERRORS.some((re) => re.test(e.message)));
    expect(unexpected.map((e) => `${e.path?.join('.') ?? ''}: ${e.message}`)).toEqual([]);
    expect(sent.length).toBeGreaterThan(0);
    await expect(renderCompiled({ graphql: query, variables }, sent)).toMatchFileSnapshot(`./__snapshots__/compiled/${file}`);
  });

  // File snapshots are not reported obsolete by vitest: a query removed or renamed leaves its file behind.
  it('keeps no snapshot of a query that is gone', () => {
    const expected = new Set(cases.map((c) => c.file));
    const present = !existsSync(SNAPSHOTS) ? [] : readdirSync(SNAPSHOTS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cypher')).map((f) => f.split('\\').join('/'));
    expect(present.filter((f) => !expected.has(f))).toEqual([]);
  });
});
