import { once } from 'node:events';
import type { Database } from '../bootstrap.js';
import type { Logger } from '../logger.js';
import { planWrites } from '../write/warm.js';
import { warmUp } from './warm.js';

/** The longest /ready says "warming" after a restart: past it, traffic comes back warm or not. */
const MAX_WARMING_MS = 60_000;

/**
 * The plans a restarted Neo4j lost, made again before /ready says 200: after the supervisor
 * restarts the local Neo4j, the IDE examples and the write path are planned again (as at start),
 * and `warming()` is true meanwhile, so a balancer sends no traffic to an API that would answer
 * its first requests seconds late. Bounded: at most a minute.
 */
export function rewarmAfterRestarts(db: Database, url: () => string | undefined, log: Logger): { warming: () => boolean } {
  let until = 0;
  db.local?.on('ready', () => {
    const started = Date.now();
    until = started + MAX_WARMING_MS;
    void (async () => {
      try {
        // The supervisor's 'ready' lifts its hold; the probe then brings the database up.
        if (!db.availability.isUp) await Promise.race([once(db.availability, 'up'), new Promise((r) => setTimeout(r, MAX_WARMING_MS).unref())]);
        const at = url();
        await Promise.all([at ? warmUp(at, log) : Promise.resolve(), planWrites(db.graph, log)]);
        log.info({ ms: Date.now() - started }, 'Warm again after the Neo4j restart: ready');
      } finally {
        until = 0;
      }
    })();
  });
  return { warming: () => Date.now() < until };
}
