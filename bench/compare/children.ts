/**
 * Starts bench/compare/serve.ts once per compared server, each in its own Node process (run
 * through tsx, as `npm start` runs the API), and talks to it over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface Child {
  url: string;
  /** The server's process (its CPU time is read from /proc). */
  pid: number | undefined;
  /** Starts V8's CPU profiler in the server; stop(file) writes the profile there (bench/profile.ts). */
  profile: { start(): Promise<void>; stop(file: string): Promise<void> };
  /** Waits until the server has no request in flight; answers how long that took (ms). */
  idle(): Promise<number>;
  close(): Promise<void>;
}

const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

export function startChild(server: 'api' | 'lib' | 'cypher', bolt: string, database: string): Promise<Child> {
  const child: ChildProcess = fork(SERVE, [], {
    execArgv: ['--import', TSX],
    env: { ...process.env, COMPARE_SERVER: server, COMPARE_BOLT: bolt, COMPARE_DATABASE: database },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(key: string) => new Promise<T>((resolve, reject) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (m.error) { cleanup(); reject(new Error(`${server} server: ${String(m.error)}`)); return; }
      if (key in m) { cleanup(); resolve(m[key] as T); }
    };
    const onExit = (code: number | null) => { cleanup(); reject(new Error(`${server} server exited (${code})`)); };
    const cleanup = () => { child.off('message', onMessage); child.off('exit', onExit); };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
  return next<string>('url').then((url) => ({
    url,
    pid: child.pid,
    profile: {
      start: () => { const p = next<void>('profiling'); child.send({ profile: 'start' }); return p; },
      stop: (file: string) => { const p = next<void>('profiled'); child.send({ profile: file }); return p; },
    },
    idle: () => { const p = next<number>('idle'); child.send({ idle: true }); return p; },
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) { resolve(); return; }
      child.once('exit', () => resolve());
      child.send({ stop: true });
    }),
  }));
}
