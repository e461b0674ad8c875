/** The comparison's figures as a markdown table (for bench/README.md) and as plain rows (console). */

export type ServerName = 'api' | 'lib' | 'cypher';

export interface ServerFigures {
  p50: number;
  p95: number;
  /** Requests per second under autocannon, over all rounds. */
  rps: number;
  /** Responses with GraphQL errors or non-2xx status, sequential and under load. */
  failures: number;
}

export interface KindFigures {
  key: string;
  title: string;
  agree: boolean;
  /** Objects in the canonical answer (the same for all three when they agree). */
  objects: number;
  /** Neo4j queries this API reports per request (min and max seen). */
  apiQueries: [number, number];
  servers: Record<ServerName, ServerFigures>;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const rps = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const ratio = (x: number) => `${x.toFixed(2)}x`;
const queries = ([lo, hi]: [number, number]) => (lo === hi ? String(lo) : `${lo}-${hi}`);

export const throughputRatio = (k: KindFigures) => k.servers.api.rps / k.servers.lib.rps;
export const latencyRatio = (k: KindFigures) => k.servers.api.p50 / k.servers.cypher.p50;

/** Issue 7's bar: throughput >= 1.5x @neo4j/graphql's and p50 <= 1.5x the hand-written query's. */
export const meetsBar = (k: KindFigures) => throughputRatio(k) >= 1.5 && latencyRatio(k) <= 1.5;

export function markdownTable(rows: KindFigures[], libVersion: string): string {
  const head = [
    `| query kind | this API p50 / p95 ms, req/s (Neo4j queries) | @neo4j/graphql ${libVersion} | hand-written Cypher | API req/s ÷ @neo4j/graphql | API p50 ÷ hand-written | answers |`,
    '|---|---|---|---|---|---|---|',
  ];
  const cell = (s: ServerFigures) => `${ms(s.p50)} / ${ms(s.p95)}, ${rps(s.rps)}`;
  return [...head, ...rows.map((k) => `| ${k.title} | ${cell(k.servers.api)} (${queries(k.apiQueries)}) | ${cell(k.servers.lib)} | ${cell(k.servers.cypher)}`
    + ` | ${ratio(throughputRatio(k))} | ${ratio(latencyRatio(k))} | ${k.agree ? `agree (${k.objects} objects)` : '**DISAGREE**'} |`)].join('\n');
}

export function consoleRows(rows: KindFigures[]) {
  return rows.map((k) => ({
    kind: k.key,
    'API p50/p95 ms': `${ms(k.servers.api.p50)} / ${ms(k.servers.api.p95)}`,
    'API req/s': rps(k.servers.api.rps),
    'API queries': queries(k.apiQueries),
    'lib p50/p95': `${ms(k.servers.lib.p50)} / ${ms(k.servers.lib.p95)}`,
    'lib req/s': rps(k.servers.lib.rps),
    'cypher p50/p95': `${ms(k.servers.cypher.p50)} / ${ms(k.servers.cypher.p95)}`,
    'cypher req/s': rps(k.servers.cypher.rps),
    'API/lib req/s': ratio(throughputRatio(k)),
    'API/cypher p50': ratio(latencyRatio(k)),
    'bar met': meetsBar(k) ? 'yes' : 'no',
    answers: k.agree ? 'agree' : 'DISAGREE',
  }));
}
