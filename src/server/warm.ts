import type { Logger } from '../logger.js';
import { loadExamples, operationOf } from './ide.js';

export interface Shape { name: string; query: string; variables?: Record<string, unknown> }

/** What src/server/explore/static/queries.js exports (a browser module, so untyped here). */
interface ExplorerQueries {
  NODE: string; SEARCH: string; NEIGHBOURHOOD: string; PATHS: string; HISTORY: string;
  DETAILS: Record<string, string>;
  detailsQuery(type: string): string;
  sourcesQuery(type: string): string | null;
}

/**
 * The graph explorer's own requests (/explore): the shapes every use of it sends, whatever the
 * ids. The query text Neo4j plans depends only on the shape, so any id warms it.
 */
async function explorerShapes(): Promise<Shape[]> {
  const q = (await import(new URL('./explore/static/queries.js', import.meta.url).href)) as ExplorerQueries;
  const types = Object.keys(q.DETAILS);
  return [
    { name: 'explore: node', query: q.NODE, variables: { id: 'coupang' } },
    { name: 'explore: search', query: q.SEARCH, variables: { query: 'Coupang', first: 20 } },
    { name: 'explore: neighbourhood', query: q.NEIGHBOURHOOD, variables: { id: 'coupang-breach-2025', depth: 2, limit: 200 } },
    { name: 'explore: paths', query: q.PATHS, variables: { from: 'coupang', to: 'sk-telecom', maxHops: 6, first: 10 } },
    { name: 'explore: history', query: q.HISTORY, variables: { id: 'coupang-breach-2025', first: 10 } },
    ...types.map((t) => ({ name: `explore: details of ${t}`, query: q.detailsQuery(t), variables: { id: 'coupang' } })),
    ...types.flatMap((t) => { const query = q.sourcesQuery(t); return query ? [{ name: `explore: sources of ${t}`, query, variables: { id: 'coupang' } }] : []; }),
  ];
}

/**
 * True when the warm-up may send the document: it parses and every operation in it is a query.
 * A mutation (the curators' examples in the IDE) is never sent: the warm-up must not write.
 */
function readOnly(shape: Shape, log?: Logger): boolean {
  try {
    if (operationOf(shape.query) === 'query') return true;
    log?.debug({ example: shape.name }, 'warm-up: a mutation, not sent');
  } catch (e) {
    log?.warn({ example: shape.name, err: e }, 'warm-up: the document does not parse, not sent');
  }
  return false;
}

/** What the warm-up sends: the IDE examples, then the explorer's requests; queries only, never a mutation. */
export async function warmShapes(log?: Logger): Promise<Shape[]> {
  // Every example the IDE offers, mutations included, so that the filter below is what keeps them out.
  const examples: Shape[] = loadExamples(undefined, { mutations: true });
  let explorer: Shape[] = [];
  try {
    explorer = await explorerShapes();
  } catch (e) {
    log?.warn({ err: e }, 'warm-up: the explorer\'s queries could not be read');
  }
  return [...examples, ...explorer].filter((s) => readOnly(s, log));
}

/**
 * Runs the IDE's example queries and the explorer's requests once against the server itself, so
 * that Neo4j has planned their compiled Cypher before an analyst asks: the first use is then as
 * fast as a repeat (bench/firstUse.ts measures it). Read-only: mutations are skipped, and the
 * requests carry no identity (a write would be refused). Never fails: a failure is logged and
 * changes nothing else (main.ts does not wait for it).
 */
export async function warmUp(url: string, log: Logger): Promise<void> {
  const started = performance.now();
  let shapes: Shape[];
  try {
    shapes = await warmShapes(log);
  } catch (e) {
    log.warn({ err: e }, 'warm-up: the examples could not be read; nothing warmed');
    return;
  }
  for (const { name, query, variables } of shapes) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: { message: string }[] };
      if (body.errors?.length) log.warn({ example: name, error: body.errors[0]!.message }, 'warm-up query failed');
    } catch (e) {
      log.warn({ example: name, err: e }, 'warm-up query failed');
    }
  }
  log.info(`Query plans warmed in ${((performance.now() - started) / 1000).toFixed(1)}s`);
}
