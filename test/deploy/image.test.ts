import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jEnv } from '../support/api.js';
import { parseDockerfile, runDockerfile, type StageRun } from '../support/dockerfile.js';
import { freePort, ROOT, waitReady } from '../faults/support.js';

/**
 * The production image, as far as a machine without a Docker engine can build it: the
 * Dockerfile's own instructions run stage by stage into folders outside the checkout (so the
 * runtime stage resolves nothing from the repository's node_modules), then the runtime stage's
 * CMD starts with plain Node on the suite's Neo4j and its HEALTHCHECK decides when it is up.
 */
const dockerfile = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
let dir: string;
let runtime: StageRun;
let skipped: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'incident-graph-image-'));
  // npm's cache of this machine first: the same packages as `npm ci` of the checkout fetched.
  const stages = runDockerfile(dockerfile, ROOT, dir, { npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' });
  runtime = stages.at(-1)!;
  skipped = stages.flatMap((s) => s.skipped);
}, 600_000);

afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe('the Dockerfile', () => {
  it('builds on the Node of .nvmrc, which this suite runs on', () => {
    const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim();
    expect(dockerfile.args.NODE_VERSION).toBe(nvmrc);
    expect(dockerfile.stages.map((s) => s.from)).toEqual([`node:${nvmrc}-bookworm-slim`, `node:${nvmrc}-bookworm-slim`]);
    expect(process.version).toBe(`v${nvmrc}`);
  });

  it('leaves out only what changes the image\'s system, and runs as a user, under an init, in production mode', () => {
    // Exactly the two system steps, each found (an empty list would pass an every() alone).
    expect(skipped).toHaveLength(2);
    expect(skipped.some((s) => /apt-get install .*tini/.test(s))).toBe(true);
    expect(skipped.some((s) => /chown node:node/.test(s))).toBe(true);
    expect(runtime.user).toBe('node');
    expect(runtime.entrypoint).toEqual(['/usr/bin/tini', '--']);
    expect(runtime.env.NODE_ENV).toBe('production');
    expect(runtime.cmd).toEqual(['node', 'dist/main.js']);
  });

  it('gives the runtime stage built JavaScript and production dependencies only', () => {
    const app = join(runtime.root, runtime.workdir);
    for (const f of ['dist/main.js', 'dist/server/ide/index.html', 'dist/server/explore/static/queries.js', 'build/vendor/manifest.json', 'cypher', 'schema', 'seeds'])
      expect(existsSync(join(app, f)), f).toBe(true);
    for (const f of ['src', 'scripts', 'node_modules/typescript', 'node_modules/tsx', 'node_modules/vitest', 'node_modules/@neo4j/graphql'])
      expect(existsSync(join(app, f)), f).toBe(false);
    expect(existsSync(join(app, 'node_modules/neo4j-driver'))).toBe(true);
  });

  it('starts from its CMD, turns healthy by its HEALTHCHECK, serves the API and the IDE, and stops on SIGTERM', async () => {
    const app = join(runtime.root, runtime.workdir);
    const port = await freePort();
    const env = {
      PATH: process.env.PATH!, HOME: app, ...runtime.env, ...neo4jEnv(),
      HOST: '127.0.0.1', PORT: String(port), METRICS_PORT: '0', CURSOR_SECRET: 'x'.repeat(48), LOG_LEVEL: 'info',
    };
    const [cmd, ...args] = runtime.cmd!;
    const child = spawn(cmd!, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d; });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitReady(`http://127.0.0.1:${port}`, 120_000, exited).catch((e: Error) => { throw new Error(`${e.message}\n${out.slice(-3000)}`); });
      const [hc, ...hcArgs] = runtime.healthcheck!;
      const health = spawnSync(hc!, hcArgs, { cwd: app, env, encoding: 'utf8', timeout: 30_000 });
      expect(health.status, health.stderr).toBe(0);

      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ incident(id: "coupang-breach-2025") { id title company { name } } }' }),
      });
      const body = await res.json() as { data?: { incident?: { id: string; company: { name: string } } } };
      expect(body.data?.incident?.company.name).toBe('Coupang');
      const ide = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
      expect(ide.status).toBe(200);
      expect(await ide.text()).toContain('<html');
      expect(out).not.toMatch(/\btsx\b/);
    } finally {
      child.kill('SIGTERM');
      const code = await exited;
      expect(code, out.slice(-3000)).toBe(0);
    }
  }, 180_000);
});
