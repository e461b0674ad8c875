import { isIPv6 } from 'node:net';
import type { RequestHandler } from 'express';
import pLimit, { type LimitFunction } from 'p-limit';
import { ErrorCode } from '../errors.js';
import { clientSlots, recordRejection } from './metrics.js';

export interface ClientLimitOptions {
  /** Requests of one client executing at once. */
  concurrency: number;
  /** Requests of one client waiting for a slot; one more is refused. */
  queue: number;
}

export const DEFAULT_CLIENT_LIMIT: ClientLimitOptions = { concurrency: 8, queue: 64 };

/** Seconds a refused client is told to wait: slots free as fast as queries end. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Per-client fairness: each client (req.ip; see TRUST_PROXY) has `concurrency` requests
 * executing at most, the next `queue` wait their turn in order, and any more are answered 429
 * RATE_LIMITED with Retry-After. A client flooding the server with slow queries thus holds a
 * bounded share of it and every other client keeps its own slots. A concurrency bound rather
 * than a request rate: the harm is many slow queries at once, which a rate of requests does not
 * see, and a queue lets a burst through where a rate would refuse it.
 */
export function clientLimit(o: ClientLimitOptions = DEFAULT_CLIENT_LIMIT): RequestHandler {
  const clients = new Map<string, LimitFunction>();
  return (req, res, next) => {
    const key = clientKey(req.ip ?? req.socket.remoteAddress ?? '');
    let limit = clients.get(key);
    if (!limit) {
      limit = pLimit(o.concurrency);
      clients.set(key, limit);
    }
    if (limit.activeCount >= o.concurrency && limit.pendingCount >= o.queue) {
      recordRejection(ErrorCode.RATE_LIMITED);
      res.status(429).set('Retry-After', String(RETRY_AFTER_SECONDS)).json({
        errors: [{
          message: `Too many requests from this client: at most ${o.concurrency} run at once and ${o.queue} wait. Retry after ${RETRY_AFTER_SECONDS} s.`,
          extensions: { code: ErrorCode.RATE_LIMITED },
        }],
      });
      return;
    }
    const slots = limit;
    const waits = slots.activeCount >= o.concurrency;
    if (waits) clientSlots.waiting(1);
    void slots(() => new Promise<void>((release) => {
      if (waits) clientSlots.waiting(-1);
      // A client that left while waiting gives its turn to the next.
      if (req.socket.destroyed) return release();
      clientSlots.running(1);
      res.once('close', () => { clientSlots.running(-1); release(); });
      next();
    })).finally(() => {
      // After p-limit has counted the slot free (it does so after this promise settles).
      setImmediate(() => {
        if (slots.activeCount === 0 && slots.pendingCount === 0 && clients.get(key) === slots) clients.delete(key);
      });
    });
  };
}

/**
 * The client an address stands for: an IPv4 address, or the /64 network of an IPv6 one (a
 * single host commonly holds a whole /64, and would otherwise be as many clients as it likes).
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip || 'unknown';
  const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
