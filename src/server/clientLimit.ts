import { isIPv6 } from 'node:net';
import type { Request, RequestHandler, Response } from 'express';
import { ErrorCode } from '../errors.js';
import type { QueryStats } from '../graph/graph.js';
import { clientSlots, recordRejection } from './metrics.js';
import { rateLimitHeaders, type ThrottleStatus } from './rateLimitHeaders.js';

export interface ClientLimitOptions {
  /** Requests of one client executing at once (never more than `slots` leaves to others). */
  concurrency: number;
  /** Requests of one client waiting for a slot; one more is refused. */
  queue: number;
  /** Requests executing at once across all clients (DB_MAX_CONCURRENT); none: no global bound. */
  slots?: number;
  /** Neo4j time (ms) a client earns per second (CLIENT_DB_MS_PER_SECOND); 0 or none: no budget. */
  dbMsPerSecond?: number;
  /** Neo4j time (ms) a client may spend ahead of what it earns (CLIENT_DB_BURST_MS). */
  burstMs?: number;
}

export const DEFAULT_CLIENT_LIMIT: ClientLimitOptions = { concurrency: 8, queue: 64 };

/** Seconds a client over its slots is told to wait: slots free as fast as queries end. */
const RETRY_AFTER_SECONDS = 1;
/** Past this many clients remembered, those with nothing running and a full budget are forgotten. */
const SWEEP_AT = 10_000;

/** The request's Neo4j counters, shared with its GraphQL context (src/server/context.ts). */
export function requestStats(res: Response): QueryStats {
  return (res.locals.stats ??= { queries: 0, dbMs: 0 }) as QueryStats;
}

/** Each request's view of its client's Neo4j-time budget, by the request's stats (shared with its context). */
const budgets = new WeakMap<QueryStats, () => ThrottleStatus>();

/**
 * The request's client's Neo4j-time budget as of now, this request's own time counted (it is
 * taken from the budget when the response ends); undefined when no budget is set.
 */
export function throttleStatusOf(stats: QueryStats): ThrottleStatus | undefined {
  return budgets.get(stats)?.();
}

interface Waiter { req: Request; res: Response; next: () => void }

class Client {
  running = 0;
  readonly waiting: Waiter[] = [];
  /** When the client was last given a slot: ties go to the one served longest ago. */
  servedAt = 0;
  /** Neo4j milliseconds the client may still spend, as of `at`. */
  tokens: number;
  at: number;
  constructor(readonly key: string, burstMs: number) {
    this.tokens = burstMs;
    this.at = performance.now();
  }
}

/**
 * Fair shares of the database, by client (req.ip; see TRUST_PROXY):
 * - at most `slots` GraphQL requests execute at once in all, about one per core Neo4j has, so
 *   what runs gets a core instead of every query slowing every other;
 * - one client holds at most `concurrency` of them and never all: a quarter of the slots (at
 *   least one) stays for the others, so a client running the heaviest queries the limits allow
 *   cannot make another's cheap query wait behind them;
 * - a free slot goes to the waiting client with the fewest requests running (then the one served
 *   longest ago), not to whoever queued first: a client's burst does not delay the others;
 * - each client spends Neo4j time from a budget that refills at `dbMsPerSecond` up to `burstMs`
 *   (planning a new query text counts: it is Neo4j's time too); a client in debt is answered
 *   429 RATE_LIMITED with the seconds until it is not;
 * - past its `queue` waiting requests a client is answered 429 RATE_LIMITED with Retry-After.
 * A concurrency and time bound rather than a request rate: the harm is many slow queries at
 * once, which a rate of requests does not see, and a queue lets a burst through where a rate
 * would refuse it.
 */
export class FairScheduler {
  readonly #clients = new Map<string, Client>();
  /** Clients with requests waiting. */
  readonly #queued = new Set<Client>();
  #running = 0;
  readonly #slots: number;
  readonly #perClient: number;
  readonly #rate: number;
  readonly #burst: number;

  constructor(readonly o: ClientLimitOptions) {
    this.#slots = o.slots ?? Infinity;
    const reserve = Number.isFinite(this.#slots) ? Math.max(1, Math.floor(this.#slots / 4)) : 0;
    this.#perClient = Math.max(1, Math.min(o.concurrency, this.#slots - reserve));
    this.#rate = o.dbMsPerSecond ?? 0;
    this.#burst = o.burstMs ?? 30_000;
  }

  /** Requests one client may have executing at once. */
  get perClient(): number {
    return this.#perClient;
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const client = this.#client(clientKey(req.ip ?? req.socket.remoteAddress ?? ''));
      const debt = this.#debtSeconds(client);
      if (this.#rate > 0) {
        const stats = requestStats(res);
        budgets.set(stats, () => this.#status(client, stats.dbMs));
      }
      if (debt > 0) {
        refuse(res, Math.ceil(debt), `This client has used its share of database time: it earns ${this.#rate} ms of Neo4j time a second, up to ${this.#burst} ms. Retry after ${Math.ceil(debt)} s.`);
        return;
      }
      if (client.running >= this.#perClient && client.waiting.length >= this.o.queue) {
        refuse(res, RETRY_AFTER_SECONDS, `Too many requests from this client: at most ${this.#perClient} run at once and ${this.o.queue} wait. Retry after ${RETRY_AFTER_SECONDS} s.`);
        return;
      }
      requestStats(res);
      client.waiting.push({ req, res, next });
      this.#queued.add(client);
      clientSlots.waiting(1);
      // A client that leaves while waiting gives up its place.
      res.once('close', () => {
        const i = client.waiting.findIndex((w) => w.res === res);
        if (i < 0) return;
        client.waiting.splice(i, 1);
        clientSlots.waiting(-1);
        if (client.waiting.length === 0) this.#queued.delete(client);
        this.#forgetIfIdle(client);
      });
      this.#dispatch();
    };
  }

  #client(key: string): Client {
    let c = this.#clients.get(key);
    if (!c) {
      if (this.#clients.size >= SWEEP_AT) for (const other of this.#clients.values()) this.#forgetIfIdle(other);
      c = new Client(key, this.#burst);
      this.#clients.set(key, c);
    }
    return c;
  }

  /** Seconds until the client's budget is out of debt; 0 when it may spend now. */
  #debtSeconds(c: Client): number {
    if (this.#rate <= 0) return 0;
    const now = performance.now();
    c.tokens = Math.min(this.#burst, c.tokens + ((now - c.at) * this.#rate) / 1000);
    c.at = now;
    return c.tokens > 0 ? 0 : -c.tokens / this.#rate;
  }

  /** The budget as Shopify's throttleStatus words it, less `spending` (ms not yet taken from it). */
  #status(c: Client, spending: number): ThrottleStatus {
    this.#debtSeconds(c);
    return { maximumAvailable: this.#burst, currentlyAvailable: Math.max(0, Math.floor(c.tokens - spending)), restoreRate: this.#rate };
  }

  #dispatch(): void {
    while (this.#running < this.#slots) {
      let pick: Client | undefined;
      for (const c of this.#queued) {
        if (c.running >= this.#perClient) continue;
        if (!pick || c.running < pick.running || (c.running === pick.running && c.servedAt < pick.servedAt)) pick = c;
      }
      if (!pick) return;
      const w = pick.waiting.shift()!;
      if (pick.waiting.length === 0) this.#queued.delete(pick);
      clientSlots.waiting(-1);
      this.#start(pick, w);
    }
  }

  #start(c: Client, w: Waiter): void {
    c.running += 1;
    c.servedAt = performance.now();
    this.#running += 1;
    clientSlots.running(1);
    w.res.once('close', () => {
      c.running -= 1;
      this.#running -= 1;
      clientSlots.running(-1);
      if (this.#rate > 0) {
        this.#debtSeconds(c);
        c.tokens -= requestStats(w.res).dbMs;
      }
      this.#forgetIfIdle(c);
      this.#dispatch();
    });
    w.next();
  }

  #forgetIfIdle(c: Client): void {
    if (c.running > 0 || c.waiting.length > 0) return;
    if (this.#rate > 0 && (this.#debtSeconds(c), c.tokens < this.#burst)) return;
    if (this.#clients.get(c.key) === c) this.#clients.delete(c.key);
  }
}

function refuse(res: Response, retryAfterSeconds: number, message: string): void {
  recordRejection(ErrorCode.RATE_LIMITED);
  const budget = throttleStatusOf(requestStats(res));
  if (budget) for (const [name, value] of rateLimitHeaders(budget)) res.set(name, value);
  res.status(429).set('Retry-After', String(retryAfterSeconds)).json({
    errors: [{ message, extensions: { code: ErrorCode.RATE_LIMITED } }],
    ...(budget ? { extensions: { cost: { throttleStatus: budget } } } : {}),
  });
}

/** The fair scheduler's middleware (FairScheduler). */
export function clientLimit(o: ClientLimitOptions = DEFAULT_CLIENT_LIMIT): RequestHandler {
  return new FairScheduler(o).middleware();
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
