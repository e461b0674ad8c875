import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/local-neo4j/launch.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FAULT_HOME = fileURLToPath(new URL('../../.neo4j/faults', import.meta.url));
export { freePort };

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  /** Every log line so far, parsed (pino JSON). */
  logs(): Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: string | null; at: number }>;
}

/**
 * `npm start` as an operator runs it, minus npm and tsx's wrapper process: one Node process
 * (so a signal reaches exactly it) serving the API with its own local Neo4j under `home`.
 */
export function spawnApi(o: { home: string; port: number; boltPort: number; env?: Record<string, string> }): ApiProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: '', PORT: String(o.port), HOST: '127.0.0.1', NEO4J_LOCAL_PORT: String(o.boltPort), NEO4J_LOCAL_HOME: o.home,
      NEO4J_LOCAL_HEAP: '512m', NEO4J_LOCAL_PAGECACHE_MB: '64', LOG_LEVEL: 'info',
      // Faults of the pool and of Neo4j, not the fair scheduler's queue (test/security/fairness.test.ts):
      // no global bound or time budget in front of them. A free metrics port: several run at once.
      DB_MAX_CONCURRENT: '1000', CLIENT_DB_MS_PER_SECOND: '0', METRICS_PORT: '0', QUERY_STATS: 'always',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() }));
  });
  return {
    child,
    url: `http://127.0.0.1:${o.port}`,
    logs: () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => { try { return JSON.parse(l); } catch { return {}; } }),
    exited,
  };
}

/** Polls /ready until it answers 200; returns how long that took. */
export async function waitReady(baseUrl: string, timeoutMs: number, exited?: Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  let gone = false;
  void exited?.then(() => { gone = true; });
  while (performance.now() - t0 < timeoutMs) {
    if (gone) throw new Error(`the API process exited before ${baseUrl}/ready answered`);
    const ok = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
    if (ok) return performance.now() - t0;
    await sleep(250);
  }
  throw new Error(`${baseUrl}/ready did not answer 200 within ${timeoutMs} ms`);
}

export interface Timed {
  ms: number;
  status: number;
  code?: string;
  message?: string;
  data?: unknown;
  retryAfter: string | null;
  body: string;
}

/** One GraphQL request over HTTP, timed; the first error's code and message, the raw body. */
export async function timedGql(baseUrl: string, query: string): Promise<Timed> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(120_000),
  });
  const body = await res.text();
  const ms = performance.now() - t0;
  const json = JSON.parse(body) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  return { ms, status: res.status, code: json.errors?.[0]?.extensions?.code, message: json.errors?.[0]?.message, data: json.data, retryAfter: res.headers.get('retry-after'), body };
}

export async function timedReady(baseUrl: string): Promise<{ ms: number; status: number; body: { status: string; reason?: string } }> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(120_000) });
  const body = await res.json() as { status: string; reason?: string };
  return { ms: performance.now() - t0, status: res.status, body };
}

/** The Java processes whose command line names `home` (the local Neo4j of that store). */
export function javaPids(home: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd[0]?.endsWith('java') && cmd.includes(home)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Running or stopped; a zombie (dead, not yet reaped) does not count. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What an answer must not show a client: driver text, pool status, addresses, stack traces. */
export const INTERNALS = /bolt:|Pool status|Neo4jError|ServiceUnavailable|ECONNREFUSED|acquisition|at [\w.]+ \(|127\.0\.0\.1/;

/** Prints a measured figure into the test output (docs/operators.md's fault figures come from these lines). */
export function figure(label: string, ms: number): void {
  console.log(`[faults] ${label}: ${(ms / 1000).toFixed(2)} s`);
}
