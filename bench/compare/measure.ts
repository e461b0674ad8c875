/**
 * Timing over HTTP: sequential latency with fetch (keep-alive), and throughput with autocannon
 * run as a child process, so that the load generator does not share the event loop of the
 * servers it measures (they all live in the benchmark's process).
 */
import { spawn } from 'node:child_process';
import type { Server, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export interface Target {
  url: string;
  body: string;
}

export interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string }[]; extensions?: { neo4j?: { queries?: number; plans?: number } } };
  ms: number;
}

export async function post(t: Target): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: t.body });
  const body = (await res.json()) as Answer['body'];
  return { status: res.status, body, ms: performance.now() - started };
}

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

export interface Throughput {
  requests: number;
  seconds: number;
  /** Responses that were not 2xx, and connection errors or timeouts. */
  non2xx: number;
  errors: number;
  p50: number;
}

const CANNON = fileURLToPath(new URL('./cannon.mjs', import.meta.url));

/**
 * autocannon with `connections` connections POSTing the same body until `amount` responses are
 * in (bench/compare/cannon.mjs, timed from its start to its last response). A fixed amount rather
 * than a fixed duration: a run then ends when its last request does, so a slow server is not
 * charged for requests cut off at the end (at 1 s a request, a 5 s run would lose a fifth of its
 * work), and the requests/s are the amount over the time it took.
 */
export function autocannon(t: Target, connections: number, amount: number): Promise<Throughput> {
  const args = [CANNON, JSON.stringify({ url: t.url, body: t.body, connections, amount })];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { err += c.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) { reject(new Error(`autocannon exited with ${code}: ${err.trim()}`)); return; }
      try {
        resolve(JSON.parse(out) as Throughput);
      } catch (e) {
        reject(new Error(`autocannon printed no JSON: ${(e as Error).message}: ${out.slice(0, 200)} ${err.slice(0, 200)}`));
      }
    });
  });
}

/**
 * Counts the requests a server is still working on. autocannon gives up on a request at its
 * timeout, but the server still works on it: the next run must wait until it is idle, or it is
 * measured against that leftover work. A request is done when its handler ends the response,
 * whether or not the client is still there.
 */
export function inFlight(server: Server) {
  let n = 0;
  server.prependListener('request', (_req, res: ServerResponse) => {
    n++;
    let done = false;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    res.end = ((...a: unknown[]) => {
      if (!done) { done = true; n--; }
      return end(...a);
    }) as unknown as ServerResponse['end'];
  });
  return {
    /** Waits until no request is in flight; answers how long that took (ms). */
    async idle(timeoutMs = 600_000): Promise<number> {
      const started = performance.now();
      while (n > 0) {
        if (performance.now() - started > timeoutMs) throw new Error(`server still busy with ${n} requests after ${timeoutMs} ms`);
        await sleep(10);
      }
      return performance.now() - started;
    },
  };
}
