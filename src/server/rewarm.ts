import { once } from 'node:events';
import type { Database } from '../bootstrap.js';
import type { Logger } from '../logger.js';
import { planWrites } from '../write/warm.js';
import { warmShapes, type Shape } from './warm.js';

/** The longest /ready says "warming" after a restart: past it, traffic comes back warm or not. */
const MAX_WARMING_MS = 60_000;
/** Warm-up requests in flight at once: one waits for a slot while the other runs. */
const PARALLEL = 2;

/**
 * The plans a restarted Neo4j lost, made again before /ready says 200: after the supervisor
 * restarts the local Neo4j, the IDE examples, the explorer's requests and the write path are
 * planned again (as at start), and `warming()` is true meanwhile, so a balancer sends no traffic
 * to an API that would answer its first requests seconds late. Bounded: at most a minute.
 *
 * A warm-up belongs to one run of Neo4j: when that one dies too, warming() is false at once (/ready
 * says "restarting", not "warming"), the warm-up sends nothing more, and it neither logs success
 * nor clears the warming of the next restart's warm-up.
 */
export function rewarmAfterRestarts(db: Database, url: () => string | undefined, log: Logger): { warming: () => boolean } {
  let until = 0;
  let run = 0;
  db.local?.on('exit', () => {
    run += 1;
    until = 0;
  });
  db.local?.on('ready', () => {
    const mine = ++run;
    const current = () => run === mine;
    const started = Date.now();
    until = started + MAX_WARMING_MS;
    void (async () => {
      try {
        // The supervisor's 'ready' lifts its hold; the probe then brings the database up.
        if (!db.availability.isUp) await Promise.race([once(db.availability, 'up'), new Promise((r) => setTimeout(r, MAX_WARMING_MS).unref())]);
        if (!current()) return;
        const at = url();
        const [reads] = await Promise.all([at ? warmReads(at, current, log) : { sent: 0, failed: 0 }, planWrites(db.graph, log)]);
        if (!current()) return;
        const ms = Date.now() - started;
        if (reads.failed) log.warn({ ms, ...reads }, `Warm-up after the Neo4j restart: ${reads.failed} of ${reads.sent} requests failed; ready`);
        else log.info({ ms, ...reads }, 'Warm again after the Neo4j restart: ready');
        if (ms > MAX_WARMING_MS) log.warn({ ms }, `The warm-up outlasted its bound: /ready said 200 after ${MAX_WARMING_MS} ms, before it ended`);
      } finally {
        if (current()) until = 0;
      }
    })();
  });
  return { warming: () => Date.now() < until };
}

/**
 * The warm-up's read requests (src/server/warm.ts's shapes), PARALLEL at a time, while `current()`;
 * a failure is counted, not logged one by one (an outage would log each), and the first
 * SERVICE_UNAVAILABLE ends it: the database is gone again.
 */
async function warmReads(url: string, current: () => boolean, log: Logger): Promise<{ sent: number; failed: number; lastError?: string }> {
  let shapes: Shape[];
  try {
    shapes = await warmShapes(log);
  } catch (e) {
    log.warn({ err: e }, 'warm-up: the examples could not be read; nothing warmed');
    return { sent: 0, failed: 0 };
  }
  const out: { sent: number; failed: number; lastError?: string } = { sent: 0, failed: 0 };
  let next = 0;
  let down = false;
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    while (next < shapes.length && current() && !down) {
      const { name, query, variables } = shapes[next++]!;
      out.sent += 1;
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
        const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
        if (body.errors?.length) {
          out.failed += 1;
          out.lastError = `${name}: ${body.errors[0]!.extensions?.code ?? body.errors[0]!.message}`;
          if (body.errors[0]!.extensions?.code === 'SERVICE_UNAVAILABLE') down = true;
        }
      } catch (e) {
        out.failed += 1;
        out.lastError = `${name}: ${(e as Error).message}`;
      }
    }
  }));
  return out;
}
