import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { localCredentials, privateDir, PRIVATE_DIR, type Credentials } from './credentials.js';
import { ensureNeo4jJars, LAUNCHER_DIR, LIB_DIR } from './fetch.js';
import { LocalNeo4jUnavailable, requireJava } from './prerequisites.js';

export interface LaunchOptions {
  /** Folder holding the store; created when missing, kept between runs. */
  home: string;
  /** Bolt port on 127.0.0.1 (already chosen: a restart must keep it). */
  port: number;
  pageCacheMb?: number;
  startTimeoutMs?: number;
  /** Folder of the compiled Launcher; without it the JVM compiles Launcher.java at every start. */
  launcherClasses?: string | null;
  /** What user neo4j must log in with: given to the launcher on its stdin, never as an argument. */
  credentials: Credentials;
}

// Neo4j 5 on Java 17 reaches into these JDK internals; the same flags as its own neo4j.conf.
export const JVM_FLAGS = [
  '-XX:+UseG1GC', '-XX:-OmitStackTraceInFastThrow', '-XX:+ExitOnOutOfMemoryError',
  '--add-opens=java.base/java.nio=ALL-UNNAMED', '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED', '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED', '--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true', '--enable-native-access=ALL-UNNAMED',
];

/**
 * Checks Java and the jars (fetching them once), compiles the launcher, creates the home, picks
 * the port, and reads (or makes) the password: .neo4j/ and the home are made private (0700).
 */
export async function prepareLaunch(o: { home: string; port: number }, log: (msg: string) => void): Promise<{
  port: number; launcherClasses: string | null; credentials: Credentials;
}> {
  requireJava();
  await ensureNeo4jJars(log);
  privateDir(PRIVATE_DIR);
  privateDir(o.home);
  return { port: o.port === 0 ? await freePort() : o.port, launcherClasses: await compileLauncher(), credentials: localCredentials() };
}

/**
 * Compiles Launcher.java once per version of its text into neo4j-local/target/. Running it from
 * source makes every start (restarts included) compile it again: 1-2 s on an idle machine, 20 s
 * measured on a loaded one. null when javac is missing: the JVM then runs the source itself.
 */
async function compileLauncher(): Promise<string | null> {
  const source = join(LAUNCHER_DIR, 'Launcher.java');
  const version = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const dir = join(LAUNCHER_DIR, 'target', `launcher-${version}`);
  if (existsSync(join(dir, 'Launcher.class'))) return dir;
  const tmp = `${dir}.${process.pid}.tmp`;
  const code = await new Promise<number>((resolve) => {
    const p = spawn('javac', ['-nowarn', '-cp', join(LIB_DIR, '*'), '-d', tmp, source], { stdio: 'ignore' });
    p.on('error', () => resolve(-1));
    p.on('exit', (c) => resolve(c ?? -1));
  });
  if (code !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    return null;
  }
  // Another process may have compiled the same version meanwhile: either copy will do.
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
  return existsSync(join(dir, 'Launcher.class')) ? dir : null;
}

/**
 * Starts one Neo4j Community process (neo4j-local/Launcher.java) on loopback, with authentication:
 * the password goes to it as the first line of its stdin (not on its command line, which `ps`
 * shows). `ready` resolves with its Bolt URI, or rejects (having killed it) when it exits or
 * times out first.
 */
export function launchNeo4j(o: LaunchOptions): { child: ChildProcess; ready: Promise<string> } {
  const heap = process.env.NEO4J_LOCAL_HEAP ?? '1g';
  const main = o.launcherClasses
    ? ['-cp', [join(LIB_DIR, '*'), o.launcherClasses].join(delimiter), 'Launcher']
    : ['-cp', join(LIB_DIR, '*'), join(LAUNCHER_DIR, 'Launcher.java')];
  const child = spawn('java', [`-Xmx${heap}`, ...JVM_FLAGS, ...main, o.home, String(o.port), String(o.pageCacheMb ?? 512)], {
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: LAUNCHER_DIR,
  });
  // Writes to a launcher that died must not crash this process (EPIPE on its stdin).
  child.stdin!.on('error', () => {});
  child.stdin!.write(`${o.credentials.password}\n`);
  return { child, ready: waitForReady(child, o.startTimeoutMs ?? 180_000, o.home, o.port) };
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
      out = (out + d).slice(-20_000);
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

export function freePort(): Promise<number> {
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
