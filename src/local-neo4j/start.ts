import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync, rmSync } from 'node:fs';
import { settlesWithin } from '../graph/deadline.js';
import { boltUriFile, type Credentials } from './credentials.js';
import { launchNeo4j, prepareLaunch } from './launch.js';

export interface StartOptions {
  /** Folder holding the store; created when missing, kept between runs. */
  home: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one (kept across restarts). */
  port: number;
  pageCacheMb?: number;
  log?: (msg: string) => void;
  startTimeoutMs?: number;
  /** Restart backoff: first delay, ceiling, and how long a run must last to reset it. */
  restart?: { initialDelayMs?: number; maxDelayMs?: number; stableAfterMs?: number };
}

/**
 * The local Neo4j, supervised: when its process exits unasked, it is started again on the same
 * port and store, after 0.5 s, then 1, 2, 4 ... up to 30 s while restarts keep failing. It
 * requires a login (user neo4j, the password of .neo4j/neo4j-password); while it runs, its Bolt
 * URI is in <home>/bolt-uri (see neo4j-local/Launcher.java).
 *
 * Events: 'exit' ({ code, signal }) the moment the process dies; 'restarting' ({ attempt,
 * delayMs }); 'ready' ({ uri, restarts }) when a restart answers on Bolt; 'restart-failed' (Error).
 */
export interface LocalNeo4j extends EventEmitter {
  readonly uri: string;
  /** User neo4j and the password of .neo4j/neo4j-password: what a driver must log in with. */
  readonly credentials: Credentials;
  /** The running Java process, if any. */
  readonly pid: number | undefined;
  /** Restarts begun since start (the metrics' counter: see also localNeo4jRestarts()). */
  readonly restarts: number;
  /** Ends supervision; asks Neo4j to stop, kills it past timeoutMs; resolves once it has exited. */
  stop(timeoutMs?: number): Promise<StopOutcome>;
  /** Ends supervision and kills the process now (synchronous: safe in an 'exit' handler). */
  kill(): void;
}

export type StopOutcome = 'stopped' | 'killed' | 'not-running';

let restartsInProcess = 0;
/** Restarts of local Neo4j processes begun by this Node process, for /metrics. */
export function localNeo4jRestarts(): number {
  return restartsInProcess;
}

// Whatever ends this process, a Neo4j it started must not outlive it holding the store lock.
const live = new Set<SupervisedNeo4j>();
let exitHook = false;

export async function startLocalNeo4j(o: StartOptions): Promise<LocalNeo4j> {
  const log = o.log ?? (() => {});
  const prepared = await prepareLaunch(o, log);
  const neo = new SupervisedNeo4j({ ...o, ...prepared }, log);
  await neo.start();
  log(`Local Neo4j ready at ${neo.uri} (data in ${o.home})`);
  return neo;
}

class SupervisedNeo4j extends EventEmitter implements LocalNeo4j {
  uri = '';
  restarts = 0;
  #child: ChildProcess | undefined;
  #readyAt = 0;
  #failures = 0;
  #stopping = false;
  #restartTimer: NodeJS.Timeout | undefined;
  readonly #backoff: Required<NonNullable<StartOptions['restart']>>;

  constructor(private readonly o: StartOptions & { launcherClasses: string | null; credentials: Credentials }, private readonly log: (msg: string) => void) {
    super();
    this.#backoff = { initialDelayMs: 500, maxDelayMs: 30_000, stableAfterMs: 60_000, ...o.restart };
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  get credentials(): Credentials {
    return this.o.credentials;
  }

  async start(): Promise<void> {
    live.add(this);
    if (!exitHook) {
      exitHook = true;
      process.on('exit', () => { for (const n of live) n.kill(); });
    }
    try {
      await this.#launch();
    } catch (e) {
      live.delete(this);
      throw e;
    }
  }

  async #launch(): Promise<void> {
    const { child, ready } = launchNeo4j(this.o);
    this.#child = child;
    this.#readyAt = 0;
    child.once('exit', (code, signal) => this.#onExit(child, code, signal));
    this.uri = await ready;
    this.#readyAt = Date.now();
  }

  #onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.#child) return;
    this.#child = undefined;
    // Died while starting: the launch's rejection decides what comes next.
    if (this.#stopping || this.#readyAt === 0) return;
    if (Date.now() - this.#readyAt >= this.#backoff.stableAfterMs) this.#failures = 0;
    this.emit('exit', { code, signal });
    this.#scheduleRestart();
  }

  #scheduleRestart(): void {
    if (this.#stopping) return;
    const delayMs = Math.min(this.#backoff.maxDelayMs, this.#backoff.initialDelayMs * 2 ** this.#failures);
    this.#failures += 1;
    this.emit('restarting', { attempt: this.#failures, delayMs });
    this.#restartTimer = setTimeout(() => void this.#restart(), delayMs);
  }

  async #restart(): Promise<void> {
    if (this.#stopping) return;
    this.restarts += 1;
    restartsInProcess += 1;
    try {
      await this.#launch();
    } catch (e) {
      if (this.#stopping) return;
      this.emit('restart-failed', e);
      this.#scheduleRestart();
      return;
    }
    if (this.#stopping) return;
    this.emit('ready', { uri: this.uri, restarts: this.restarts });
  }

  async stop(timeoutMs = 20_000): Promise<StopOutcome> {
    this.#stopping = true;
    clearTimeout(this.#restartTimer);
    try {
      const child = this.#child;
      if (!child || !running(child)) return 'not-running';
      const { outcome, why, ms } = await stopChild(child, timeoutMs);
      const s = (ms / 1000).toFixed(1);
      if (outcome === 'stopped') this.log(`The local Neo4j stopped in ${s} s`);
      else if (why === 'frozen') this.log(`The local Neo4j is frozen (stopped by a signal, it cannot shut down): killed it at once, ${s} s after asking it to stop`);
      else this.log(`The local Neo4j did not stop within ${timeoutMs} ms: killed it`);
      if (outcome === 'killed') this.#forgetUri();
      return outcome;
    } finally {
      live.delete(this);
    }
  }

  kill(): void {
    this.#stopping = true;
    clearTimeout(this.#restartTimer);
    if (this.#child && running(this.#child)) {
      this.#child.kill('SIGKILL');
      this.#forgetUri();
    }
    live.delete(this);
  }

  /** A killed launcher cannot delete <home>/bolt-uri itself: done here, if the file is still its. */
  #forgetUri(): void {
    const file = boltUriFile(this.o.home);
    try {
      if (this.uri && readFileSync(file, 'utf8').trim() === this.uri) rmSync(file, { force: true });
    } catch {
      // No file: nothing to forget.
    }
  }
}

function running(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * End of stdin asks the launcher for a clean shutdown. Past the timeout (`why: 'timeout'`), or at
 * once if the process is stopped (`why: 'frozen'`: SIGSTOP, it cannot shut down until someone
 * resumes it), SIGKILL, which works on a stopped process too. `ms`: from the request to the exit.
 */
async function stopChild(child: ChildProcess, timeoutMs: number): Promise<{ outcome: 'stopped' | 'killed'; why?: 'timeout' | 'frozen'; ms: number }> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin!.end();
  const t0 = performance.now();
  const deadline = t0 + timeoutMs;
  let why: 'timeout' | 'frozen' = 'timeout';
  while (performance.now() < deadline) {
    if (await settlesWithin(exited, Math.min(250, deadline - performance.now()))) return { outcome: 'stopped', ms: performance.now() - t0 };
    if (child.pid !== undefined && isStopped(child.pid)) {
      why = 'frozen';
      break;
    }
  }
  child.kill('SIGKILL');
  await settlesWithin(exited, 5000);
  return { outcome: 'killed', why, ms: performance.now() - t0 };
}

/** Linux: the process is stopped by a signal (state T in /proc/<pid>/stat). Elsewhere: unknown, false. */
function isStopped(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] === 'T';
  } catch {
    return false;
  }
}
