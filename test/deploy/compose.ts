import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../faults/support.js';

/**
 * The real Docker Compose CLI (github.com/docker/compose/v5, built by `.ci/compose`): COMPOSE_BIN
 * when set (.ci/run sets it), else where `.ci/compose` puts it. Missing, it throws: a deployment
 * check that cannot run must fail, never pass by skipping.
 */
export const COMPOSE_VERSION = 'v5.6.0';

export function composeBin(): string {
  const bin = process.env.COMPOSE_BIN
    || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'incident-graph', 'compose', COMPOSE_VERSION, 'docker-compose');
  if (!existsSync(bin)) {
    throw new Error(`The Docker Compose CLI is missing (looked for ${bin}): run .ci/compose, which builds it with Go and prints its path, or set COMPOSE_BIN to a docker-compose binary`);
  }
  return bin;
}

export interface ComposeRun { status: number | null; stdout: string; stderr: string }

/**
 * `docker-compose <args>` on the repository's docker-compose.yml with exactly `env` (plus PATH and
 * HOME): nothing of this machine's environment, and no .env file, decides what it sees.
 */
export function compose(args: string[], env: Record<string, string>): ComposeRun {
  const r = spawnSync(composeBin(), ['--project-directory', ROOT, '-f', join(ROOT, 'docker-compose.yml'), '--env-file', '/dev/null', '-p', 'incident-graph', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? homedir(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The parts of `docker-compose config --format json` these tests read. */
export interface PortConfig { mode?: string; host_ip?: string; target: number; published?: string; protocol?: string }
export interface ServiceConfig {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[] | null;
  entrypoint?: string[] | null;
  environment?: Record<string, string | null>;
  ports?: PortConfig[];
  expose?: string[];
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string; required?: boolean }>;
  healthcheck?: { test?: string[]; disable?: boolean; interval?: string; timeout?: string; retries?: number };
  volumes?: { type: string; source: string; target: string; read_only?: boolean }[];
  restart?: string;
  stop_grace_period?: string;
  container_name?: string;
}
export interface ComposeConfig { name: string; services: Record<string, ServiceConfig>; volumes?: Record<string, unknown> }
