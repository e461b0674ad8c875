/** The comparison's figures as a markdown table (for bench/README.md) and as plain rows (console). */
import { percentile } from './measure.js';

export type ServerName = 'api' | 'lib' | 'cypher';

export interface ServerFigures {
  p50: number;
  p95: number;
  /** Requests per second under autocannon, over all rounds. */
  rps: number;
  /** Responses with GraphQL errors or non-2xx status, sequential and under load. */
  failures: number;
  /** CPU time of the server's process under load, per request (ms; /proc/<pid>/stat). */
  cpuMsPerRequest: number;
  /** CPU time of Neo4j's process over the same runs, per request (ms; NaN when not started here). */
  neo4jCpuMsPerRequest: number;
}

/** New texts (the query with one leaf left out): each one's first request and its repeats (ms). */
export interface FirstUse {
  texts: number;
  first: number[];
  repeats: number[];
  failures: number;
  /**
   * This API only: first requests that had Neo4j plan a text (extensions.neo4j.plans). A new
   * GraphQL text may compile to a Cypher text already planned (leaving out a value the compiler
   * reads anyway), so fewer than `texts` are new to Neo4j.
   */
  planned?: number;
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
  firstUse: Partial<Record<ServerName, FirstUse>>;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const rps = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const ratio = (x: number) => `${x.toFixed(2)}x`;
const queries = ([lo, hi]: [number, number]) => (lo === hi ? String(lo) : `${lo}-${hi}`);

export const throughputRatio = (k: KindFigures) => k.servers.api.rps / k.servers.lib.rps;
export const latencyRatio = (k: KindFigures) => k.servers.api.p50 / k.servers.cypher.p50;

/** Issue 7's bar: throughput >= 1.5x @neo4j/graphql's and p50 <= 1.5x the hand-written query's. */
export const meetsBar = (k: KindFigures) => throughputRatio(k) >= 1.5 && latencyRatio(k) <= 1.5;

export const floorRatio = (k: KindFigures) => k.servers.api.rps / k.servers.cypher.rps;

/** Issue 25's bar: req/s >= 0.5x the hand-written server's and >= 2x @neo4j/graphql's, p50 <= 1.3x hand-written's (or within 1 ms). */
export const meetsIssue25 = (k: KindFigures) => floorRatio(k) >= 0.5 && throughputRatio(k) >= 2
  && (latencyRatio(k) <= 1.3 || k.servers.api.p50 - k.servers.cypher.p50 <= 1);

/** Issue 25's first-use bar: the new texts' p95 within 2x their repeats' p95, none over 500 ms (a kind that sent none has not met it). */
export const firstUseMet = (f: FirstUse | undefined) => f !== undefined && f.first.length > 0 && percentile(f.first, 95) <= 2 * percentile(f.repeats, 95) && Math.max(...f.first) <= 500;

const cpu = (s: ServerFigures) => `${ms(s.cpuMsPerRequest)} / ${Number.isNaN(s.neo4jCpuMsPerRequest) ? '-' : ms(s.neo4jCpuMsPerRequest)}`;
const first = (f: FirstUse | undefined) => (f && f.first.length > 0
  ? `${ms(percentile(f.first, 95))} / ${ms(percentile(f.repeats, 95))} (max ${ms(Math.max(...f.first))}; ${f.texts} texts${f.planned === undefined ? '' : `, ${f.planned} planned`})` : '-');

/**
 * Per kind: CPU ms per request under load of each server's process and of Neo4j's (over that
 * server's runs), the throughput ratios of issue 25, and first use: p95 of the first request of
 * each new text / p95 of its repeats (ms).
 */
export function costTable(rows: KindFigures[]): string {
  return [
    '| query kind | CPU ms/request, server / Neo4j: this API | @neo4j/graphql | hand-written Cypher | API req/s ÷ hand-written | first use p95 / repeats p95 ms: this API | @neo4j/graphql |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((k) => `| ${k.key} | ${cpu(k.servers.api)} | ${cpu(k.servers.lib)} | ${cpu(k.servers.cypher)} | ${ratio(floorRatio(k))} | ${first(k.firstUse.api)} | ${first(k.firstUse.lib)} |`),
  ].join('\n');
}

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
    'API/cypher req/s': ratio(floorRatio(k)),
    'CPU ms/req api/lib/cypher': [k.servers.api, k.servers.lib, k.servers.cypher].map((s) => ms(s.cpuMsPerRequest)).join(' / '),
    'Neo4j CPU ms/req api/lib/cypher': [k.servers.api, k.servers.lib, k.servers.cypher].map((s) => ms(s.neo4jCpuMsPerRequest)).join(' / '),
    'API first p95/repeat p95': first(k.firstUse.api),
    'bar met': meetsBar(k) ? 'yes' : 'no',
    answers: k.agree ? 'agree' : 'DISAGREE',
  }));
}
