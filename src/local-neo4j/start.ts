import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureNeo4jJars, LAUNCHER_DIR, LIB_DIR } from './fetch.js';
import { LocalNeo4jUnavailable, requireJava } from './prerequisites.js';

export interface LocalNeo4j {
  uri: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder holding the store; created when missing, kept between runs. */
  home: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  port: number;
  pageCacheMb?: number;
  log?: (msg: string) => void;
  startTimeoutMs?: number;
}

// Neo4j 5 on Java 17 reaches into these JDK internals; the same flags as its own neo4j.conf.
export const JVM_FLAGS = [
  '-XX:+UseG1GC', '-XX:-OmitStackTraceInFastThrow', '-XX:+ExitOnOutOfMemoryError',
  '--add-opens=java.base/java.nio=ALL-UNNAMED', '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED', '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED', '--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true', '--enable-native-access=ALL-UNNAMED',
];

/** Starts Neo4j Community embedded (neo4j-local/Launcher.java) on loopback and waits for Bolt. */
export async function startLocalNeo4j(o: StartOptions): Promise<LocalNeo4j> {
  const log = o.log ?? (() => {});
  requireJava();
  await ensureNeo4jJars(log);
  mkdirSync(o.home, { recursive: true });
  const port = o.port === 0 ? await freePort() : o.port;
  const heap = process.env.NEO4J_LOCAL_HEAP ?? '1g';
  const child = spawn('java', [`-Xmx${heap}`, ...JVM_FLAGS, '-cp', join(LIB_DIR, '*'), join(LAUNCHER_DIR, 'Launcher.java'),
    o.home, String(port), String(o.pageCacheMb ?? 512)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: LAUNCHER_DIR,
  });
  const uri = await waitForReady(child, o.startTimeoutMs ?? 180_000, o.home, port);
  log(`Local Neo4j ready at ${uri} (data in ${o.home})`);
  return { uri, stop: () => stopChild(child) };
}

function waitForReady(child: ChildProcess, timeoutMs: number, home: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LocalNeo4jUnavailable(`The local Neo4j did not start within ${timeoutMs / 1000}s.\n${tail(err)}`));
    }, timeoutMs);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /NEO4J_READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { err = (err + d).slice(-20_000); });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const hint = /lock|Lock/.test(err) ? `\nIs another process already using ${home}? Stop it, or set NEO4J_URI to use it.`
        : /Address already in use|BindException/.test(err) ? `\nPort ${port} is taken: set NEO4J_LOCAL_PORT to another port.` : '';
      reject(new LocalNeo4jUnavailable(`The local Neo4j exited (code ${code}) before it was ready.${hint}\n${tail(err)}`));
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.stdin!.end(); // the launcher shuts the DBMS down cleanly on end of stdin
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function tail(s: string): string {
  return s.split('\n').filter((l) => l.trim()).slice(-15).join('\n');
}
