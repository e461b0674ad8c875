import type { Logger } from '../logger.js';
import { loadExamples } from './ide.js';

/**
 * Runs the IDE's example queries once against the server itself, so that Neo4j has planned their
 * compiled Cypher before an analyst asks: the first use is then as fast as a repeat. Read-only;
 * a failure is logged and changes nothing else.
 */
export async function warmUp(url: string, log: Logger): Promise<void> {
  const started = performance.now();
  for (const { name, query } of loadExamples()) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { errors?: { message: string }[] };
      if (body.errors?.length) log.warn({ example: name, error: body.errors[0]!.message }, 'warm-up query failed');
    } catch (e) {
      log.warn({ example: name, err: e }, 'warm-up query failed');
    }
  }
  log.info(`Query plans warmed in ${((performance.now() - started) / 1000).toFixed(1)}s`);
}
