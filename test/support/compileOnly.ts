import { execute, parse, print, validate, type GraphQLError, type GraphQLSchema } from 'graphql';
import neo4j from 'neo4j-driver';
import type { BuiltQuery, Graph, GraphOptions, QueryStats } from '../../src/graph/graph.js';
import { QueryRegistry } from '../../src/graph/queries.js';
import { createContext } from '../../src/server/context.js';
import { buildApiSchema } from '../../src/server/executableSchema.js';

/**
 * Compiling GraphQL to Cypher without a database, for snapshot tests of the compiler
 * (test/read/compiled.test.ts). The compiler runs inside the resolvers (ctx.read), so an
 * operation is executed for real: the real executable schema, the real context (createContext:
 * Definitions, Compiler, Reader, Cursors), the real query registry. Only the Graph is a stand-in.
 */

/** One query the Reader sent to the graph: what it is for, its text, its parameters. */
export interface SentQuery {
  name: string;
  text: string;
  params: Record<string, unknown>;
  /** The time budget the Reader asked for, when it asked for one other than the default. */
  timeoutMs: number | undefined;
}

/**
 * STAND-IN for Graph (src/graph/graph.ts), legitimate here because what is tested is a pure
 * function, GraphQL selection -> Cypher text and parameters, not what Neo4j answers (that is
 * test/api/). It has the real `queries` and `options`; `read` records each query it is given
 * and answers no rows. The EXPLAIN round trips the Reader sends first for a text new to the
 * process (plan warm-ups, src/read/reader.ts) are not recorded: they repeat the query's text.
 * With no rows, root fields resolve to empty lists or null, so nothing nested sends a query of
 * its own: what is recorded is the compiled root query (plus any query a resolver sends because
 * the answer was empty, such as an existence check's suggestions; those are recorded too).
 */
export class RecordingGraph {
  readonly queries = new QueryRegistry();
  readonly options: GraphOptions = { database: 'neo4j', timeoutMs: 15_000, searchTimeoutMs: 5_000 };
  readonly sent: SentQuery[] = [];

  async read<T>(query: string | BuiltQuery, params: Record<string, unknown> = {}, _stats?: QueryStats, timeoutMs?: number): Promise<T[]> {
    const { name, text } = typeof query === 'string' ? { name: query, text: this.queries.get(query) } : query;
    if (!text.startsWith('EXPLAIN ')) this.sent.push({ name, text, params, timeoutMs });
    // The first day anything is known, which a read with asOf checks before it is compiled
    // (src/read/asOfCheck.ts): some day before any example's, so that the read goes on.
    if (name === 'asof/earliest') return [{ day: '2000-01-01' } as T];
    return [];
  }

  async write(): Promise<never> {
    throw new Error('The compile-only stand-in for Graph does not write');
  }
}

export interface Compiled {
  sent: SentQuery[];
  errors: readonly GraphQLError[];
}

/** A compile-only setup: the executable schema, and one stand-in graph whose per-process services createContext builds once. */
export function compileOnly(): { schema: GraphQLSchema; compile(query: string, variables?: Record<string, unknown>): Promise<Compiled> } {
  const schema = buildApiSchema();
  const graph = new RecordingGraph();
  return {
    schema,
    async compile(query, variables) {
      const document = parse(query);
      const invalid = validate(schema, document);
      if (invalid.length) throw new Error(`Not a valid operation of the schema: ${invalid.map((e) => e.message).join('; ')}`);
      const from = graph.sent.length;
      // A fresh context per operation, as the server makes per request (its own Reader and batches).
      const contextValue = createContext(graph as unknown as Graph);
      const result = await execute({ schema, document, variableValues: variables, contextValue });
      return { sent: graph.sent.slice(from), errors: result.errors ?? [] };
    },
  };
}

/** JSON of parameters with neo4j Integers as plain numbers (as strings when beyond 2^53). */
export function paramsJson(params: Record<string, unknown>): string {
  return JSON.stringify(params, (_k, v: unknown) => (neo4j.isInt(v) ? (neo4j.integer.inSafeRange(v) ? neo4j.integer.toNumber(v) : neo4j.integer.toString(v)) : v), 2);
}

const commented = (text: string) => text.trimEnd().split('\n').map((l) => (l ? `// ${l}` : '//')).join('\n');

/**
 * A snapshot file: the GraphQL operation (and variables) as a comment header, then each query
 * sent, in order: its name, budget and parameters as comments, then its Cypher text. The operation
 * is printed by graphql-js, so an edit to an example's comments or layout changes no snapshot.
 */
export function renderCompiled(source: { graphql: string; variables?: Record<string, unknown> | undefined }, sent: readonly SentQuery[]): string {
  const out = [
    '// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u',
    '//',
    '// GraphQL:',
    commented(print(parse(source.graphql))),
  ];
  if (source.variables && Object.keys(source.variables).length) out.push('//', '// Variables:', commented(JSON.stringify(source.variables, null, 2)));
  out.push('//', `// ${sent.length} ${sent.length === 1 ? 'query' : 'queries'} sent.`);
  sent.forEach((q, i) => {
    out.push('', `// ---- ${i + 1}/${sent.length}: ${q.name}${q.timeoutMs !== undefined ? ` (timeout ${q.timeoutMs} ms)` : ''}`,
      '// Parameters:', commented(paramsJson(q.params)), q.text.trimEnd());
  });
  return `${out.join('\n')}\n`;
}
