import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ROOT } from '../faults/support.js';
import { neo4jEnv } from '../support/api.js';
import { compose, composeBin, COMPOSE_VERSION, type ComposeConfig, type ServiceConfig } from './compose.js';

/**
 * Issue 28: docker-compose.yml as the real Compose CLI reads it (`docker-compose config`, which
 * needs no Docker engine): Neo4j, a one-shot seed, two API replicas and nginx in front as the
 * only published API port, with secrets required from the environment. The binary comes from
 * `.ci/compose` (or COMPOSE_BIN); without it these tests fail and say so.
 */
const SECRETS = {
  NEO4J_PASSWORD: 'compose-test-neo4j-password-0123456789',
  CURSOR_SECRET: 'compose-test-cursor-secret-0123456789abcdef',
};

let config: ComposeConfig;
let services: Record<string, ServiceConfig>;

/** The project's folder as compose writes it (no trailing slash). */
const PROJECT = resolve(ROOT);

/** The services that run the API server: built from the Dockerfile, with the image's own command. */
function apiServices(): [string, ServiceConfig][] {
  const apis = Object.entries(services).filter(([, s]) => s.build?.context === PROJECT && !s.command);
  if (apis.length === 0) throw new Error('docker-compose.yml has no service built from the Dockerfile that runs the API');
  return apis;
}

function publishedPorts(): { service: string; host_ip?: string; target: number; published?: string }[] {
  return Object.entries(services).flatMap(([service, s]) => (s.ports ?? []).filter((p) => p.published).map((p) => ({ service, ...p })));
}

/** The value of an nginx directive in deploy/nginx.conf (the first one), e.g. `proxy_read_timeout 60s` -> '60s'. */
function nginxDirective(conf: string, name: string): string | undefined {
  return new RegExp(`^\\s*${name}\\s+([^;]+);`, 'm').exec(conf)?.[1]?.trim();
}

function seconds(value: string | undefined): number {
  const m = /^(\d+)(ms|s|m)?$/.exec(value ?? '');
  if (!m) throw new Error(`not an nginx time: ${value}`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n / 1000 : m[2] === 'm' ? n * 60 : n;
}

beforeAll(() => {
  const r = compose(['config', '--format', 'json'], SECRETS);
  expect(r.status, r.stderr).toBe(0);
  // Not even a warning (an obsolete key, an unset variable without a default).
  expect(r.stderr).toBe('');
  config = JSON.parse(r.stdout) as ComposeConfig;
  services = config.services;
});

describe('docker-compose.yml, as the Compose CLI reads it', () => {
  it(`is checked by the real Compose CLI ${COMPOSE_VERSION}`, () => {
    const r = spawnSync(composeBin(), ['version', '--short'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(COMPOSE_VERSION.slice(1));
    expect(Object.keys(services).sort()).toEqual(['api', 'neo4j', 'proxy', 'seed']);
  });

  it('runs two API replicas of the Dockerfile\'s image, none of them published', () => {
    const apis = apiServices();
    expect(apis.map(([name]) => name)).toEqual(['api']);
    const replicas = apis.reduce((n, [, s]) => n + (s.deploy?.replicas ?? 1), 0);
    expect(replicas).toBe(2);
    for (const [name, s] of apis) {
      expect(s.ports ?? [], name).toEqual([]);
      // A fixed container name would forbid a second replica.
      expect(s.container_name, name).toBeUndefined();
      expect(s.environment?.HOST, name).toBe('0.0.0.0');
    }
  });

  it('publishes one HTTP port, the proxy\'s, on loopback; Neo4j\'s HTTP port is not published', () => {
    const ports = publishedPorts();
    // Every published port is on loopback, whatever it is.
    for (const p of ports) expect(p.host_ip, `${p.service}:${p.target}`).toBe('127.0.0.1');
    const http = ports.filter((p) => p.service !== 'neo4j');
    expect(http).toEqual([expect.objectContaining({ service: 'proxy', host_ip: '127.0.0.1', published: '4000', target: 80 })]);
    // Neo4j: Bolt only (for the loaders on this machine), never 7474 (Neo4j Browser) or 7473.
    expect(ports.filter((p) => p.service === 'neo4j').map((p) => p.target)).toEqual([7687]);
  });

  it('fronts the replicas with the official nginx image and the committed deploy/nginx.conf, once they are healthy', () => {
    const proxy = services.proxy!;
    // An official ("library") image: no namespace before the name.
    expect(proxy.image).toMatch(/^nginx:[\w.-]+$/);
    expect(proxy.build).toBeUndefined();
    const mount = proxy.volumes?.find((v) => v.target === '/etc/nginx/nginx.conf');
    expect(mount).toMatchObject({ type: 'bind', source: join(ROOT, 'deploy/nginx.conf'), read_only: true });
    expect(existsSync(mount!.source)).toBe(true);
    for (const [name] of apiServices()) expect(proxy.depends_on?.[name]?.condition, name).toBe('service_healthy');
    // The proxy balances over the service's name: every replica, as many as it has.
    const conf = readFileSync(mount!.source, 'utf8');
    expect(conf).toMatch(/^\s*server api:4000\b[^;]*\bresolve\b/m);
    expect(nginxDirective(conf, 'proxy_pass')).toBe('http://api');
  });

  it('gives every replica the same CURSOR_SECRET, from the environment', () => {
    const secrets = apiServices().map(([, s]) => s.environment?.CURSOR_SECRET);
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(s).toBe(SECRETS.CURSOR_SECRET);
    // Nowhere else in the file: one definition, so the replicas cannot drift apart.
    expect(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').match(/\$\{CURSOR_SECRET\b/g)).toHaveLength(1);
  });

  it('starts each replica with a configuration the API accepts: one trusted proxy, no seeding, metrics on the private network', () => {
    for (const [name, s] of apiServices()) {
      const env = Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, v ?? '']));
      // As the image runs it (its ENV NODE_ENV=production): the same validation as at start-up.
      const c = loadConfig({ ...env, NODE_ENV: 'production' });
      expect(c.http.trustProxy, name).toBe(1);
      expect(c.cursorSecret, name).toBe(SECRETS.CURSOR_SECRET);
      expect(c.seedOnEmpty, name).toBe(false);
      expect(c.neo4j.uri, name).toBe('bolt://neo4j:7687');
      expect(c.http.metrics, name).toMatchObject({ host: '0.0.0.0', port: 9464 });
      // /metrics is not served on the API port (that needs METRICS_TOKEN), so not through the proxy either.
      expect(c.http.metrics.token, name).toBeUndefined();
      expect((s.ports ?? []).some((p) => p.target === 9464), name).toBe(false);
      // SIGTERM drains requests in flight before the process exits: Docker waits longer than that.
      expect(seconds(s.stop_grace_period) * 1000, name).toBeGreaterThan(c.shutdownDrainMs);
    }
  });

  it('has the proxy wait longer than the API\'s own time budgets, and never serve /metrics', () => {
    const conf = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
    const [[, api]] = apiServices() as [[string, ServiceConfig]];
    const c = loadConfig({ ...Object.fromEntries(Object.entries(api.environment ?? {}).map(([k, v]) => [k, v ?? ''])), NODE_ENV: 'production' });
    // The longest a GraphQL request takes before the API answers it with its own error: a wait for
    // a pool connection, then the query's budget and the client-side grace past it.
    const apiMs = c.neo4j.acquisitionTimeoutMs + Math.max(c.queryTimeoutMs, c.searchTimeoutMs) + c.deadlineMarginMs;
    expect(seconds(nginxDirective(conf, 'proxy_read_timeout')) * 1000).toBeGreaterThan(apiMs);
    expect(seconds(nginxDirective(conf, 'proxy_send_timeout')) * 1000).toBeGreaterThan(apiMs);
    // Bodies up to the API's own limit (256 kB) reach it, so the client gets the API's error, not nginx's.
    expect(nginxDirective(conf, 'client_max_body_size')).toMatch(/^\d+m$/);
    expect(conf).toMatch(/location = \/metrics \{\s*return 404;\s*\}/);
    for (const header of ['X-Forwarded-For $proxy_add_x_forwarded_for', 'X-Forwarded-Proto $scheme', 'X-Request-Id $req_id']) {
      expect(conf).toContain(`proxy_set_header ${header};`);
    }
  });

  it('has a healthcheck on Neo4j, every replica (its /ready) and the proxy', () => {
    expect(services.neo4j!.healthcheck?.test?.join(' ')).toContain('cypher-shell');
    for (const [name, s] of apiServices()) expect(s.healthcheck?.test?.join(' '), name).toContain('/ready');
    expect(services.proxy!.healthcheck?.test?.join(' ')).toMatch(/http:\/\/127\.0\.0\.1\/health/);
  });

  it('prepares the database once, in a one-shot seed service the replicas wait for', () => {
    const seed = services.seed!;
    expect(seed.build?.context).toBe(PROJECT);
    expect(seed.image).toBe(services.api!.image);
    expect(seed.restart).toBe('no');
    expect(seed.depends_on?.neo4j?.condition).toBe('service_healthy');
    for (const [name, s] of apiServices()) {
      expect(s.depends_on?.seed?.condition, name).toBe('service_completed_successfully');
      expect(s.depends_on?.neo4j?.condition, name).toBe('service_healthy');
    }
    // The image's own seed CLI (dist/, the runtime stage's), nothing mounted.
    expect(seed.command).toEqual(['node', 'dist/cli/seed.js', '--if-empty']);
    expect(seed.volumes ?? []).toEqual([]);
  });

  it('has the seed service\'s command prepare a database with the built code (dist/), and exit', () => {
    const cli = join(ROOT, 'dist/cli/seed.js');
    expect(existsSync(cli), 'dist/cli/seed.js is missing: run npm run build (npm test does)').toBe(true);
    // The suite's Neo4j, already prepared and seeded: the constraints are found, nothing is loaded.
    const r = spawnSync(process.execPath, [cli, '--if-empty'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', ...neo4jEnv(), LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toContain('Database prepared');
    expect(r.stdout).not.toContain('Empty database');
    // Without NEO4J_URI it refuses rather than start a Neo4j of its own inside the container.
    const local = spawnSync(process.execPath, [cli, '--if-empty'], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME }, encoding: 'utf8', timeout: 60_000 });
    expect(local.status).toBe(1);
    expect(local.stderr).toContain('set NEO4J_URI');
  });
});

describe('docker-compose.yml without its secrets', () => {
  for (const missing of ['NEO4J_PASSWORD', 'CURSOR_SECRET'] as const) {
    it(`refuses to start without ${missing}, or with it empty, and says how to set it`, () => {
      const { [missing]: _, ...others } = SECRETS;
      for (const env of [others, { ...others, [missing]: '' }]) {
        const r = compose(['config', '--quiet'], env);
        expect(r.status).not.toBe(0);
        expect(r.stderr).toContain(`required variable ${missing} is missing a value: set ${missing} to a`);
      }
    });
  }

  it('names the secret CURSOR_SECRET needs: 32+ characters, the same for every replica', () => {
    const r = compose(['config', '--quiet'], { NEO4J_PASSWORD: SECRETS.NEO4J_PASSWORD });
    expect(r.stderr).toContain('set CURSOR_SECRET to a random secret of 32+ characters, the same for every replica');
  });
});
