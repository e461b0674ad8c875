import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { freePort, ROOT, sleep } from '../faults/support.js';
import { neo4jEnv } from '../support/api.js';

/**
 * deploy/nginx.conf, the proxy of docker-compose.yml, run by Debian's nginx (the `nginx`
 * package; NGINX_BIN to use another) in front of two API replicas on loopback, configured as
 * docker-compose.yml configures them (TRUST_PROXY=1, one CURSOR_SECRET). The only changes to the
 * file are where things are: the upstream `api:4000` (Docker's DNS) becomes the two replicas'
 * loopback ports, without `resolve` (open-source nginx has it since 1.27.3, the official image's
 * 1.28; Debian 12 ships 1.22), the listen port a free one, and pid and temporary files in a
 * folder of the test's own.
 */
const SECRET = 'nginx-test-shared-cursor-secret-0123456789abcdef';
const PAGE = 'query Page($first: Int, $after: String) { companies(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';

function nginxBin(): string {
  const bin = process.env.NGINX_BIN || '/usr/sbin/nginx';
  if (!existsSync(bin)) throw new Error(`nginx is missing (looked for ${bin}): install Debian's nginx (apt-get install -y nginx; .ci/run does), or set NGINX_BIN`);
  return bin;
}

/** deploy/nginx.conf with its upstream moved to loopback; each change must still find its line. */
function loopbackConf(upstreamPorts: number[], listenPort: number, dir: string): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`).join('\n');
  const swaps: [RegExp, string][] = [
    [/^\s*server api:4000\b[^;]*\bresolve\b[^;]*;$/m, upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')],
    [/^\s*resolver 127\.0\.0\.11\b[^;]*;$/m, ''],
    [/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${listenPort};`],
    [/^pid [^;]+;$/m, `pid ${dir}/nginx.pid;`],
    // The container's stdout is a pipe; a child process's here is a socket, which nginx cannot open by name.
    [/^(\s*)access_log \/dev\/stdout main;$/m, `$1access_log ${dir}/access.log main;`],
    [/^http \{$/m, `http {\n${temp}`],
  ];
  let conf = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
  for (const [re, to] of swaps) {
    if (!re.test(conf)) throw new Error(`deploy/nginx.conf no longer has a line this test moves to loopback: ${re}`);
    conf = conf.replace(re, to);
  }
  return conf;
}

interface Reply { status: number; headers: IncomingHttpHeaders; body: string }

/** One HTTP request to the proxy, from a chosen loopback address (another client). */
function send(port: number, path: string, o: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, path, method: o.method ?? 'GET', localAddress: o.from, agent: false,
      headers: { ...(o.body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(o.body)) } : {}), ...o.headers },
      timeout: 60_000,
    }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => { body += d; }).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject).on('timeout', () => req.destroy(new Error(`${path}: no answer within 60 s`)));
    req.end(o.body);
  });
}

const gqlBody = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

/** What each replica received: its path and headers, as nginx sent them. */
interface Seen { url: string; headers: IncomingHttpHeaders }

let dir: string;
let db: Database;
const replicas: RunningServer[] = [];
const seen: Seen[][] = [[], []];
let nginx: ChildProcess | undefined;
let nginxLog = '';
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'incident-graph-nginx-'));
  // Run as root, nginx's workers are another user: they must reach the temporary folders, which nginx makes.
  chmodSync(dir, 0o755);
  // The replicas' settings as docker-compose.yml gives them, on the suite's Neo4j.
  const config = loadConfig({ ...process.env, ...neo4jEnv(), TRUST_PROXY: '1', CURSOR_SECRET: SECRET, SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn', METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' });
  expect(config.http.trustProxy).toBe(1);
  const log = createLogger(config.logLevel);
  db = await openDatabase(config, log);
  for (let i = 0; i < 2; i++) {
    const server = await startServer(db.graph, log, { port: 0, host: '127.0.0.1', ...config.http, cursorSecret: config.cursorSecret });
    server.server.prependListener('request', (req) => { seen[i]!.push({ url: req.url ?? '', headers: req.headers }); });
    replicas.push(server);
  }
  port = await freePort();
  const upstreams = replicas.map((r) => Number(new URL(r.url).port));
  writeFileSync(join(dir, 'nginx.conf'), loopbackConf(upstreams, port, dir));
  nginx = spawn(nginxBin(), ['-e', 'stderr', '-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stdout!.setEncoding('utf8').on('data', (d: string) => { nginxLog += d; });
  nginx.stderr!.setEncoding('utf8').on('data', (d: string) => { nginxLog += d; });
  for (let t0 = performance.now(); ;) {
    if (nginx.exitCode !== null) {
      await new Promise((resolve) => { nginx!.once('close', resolve); setTimeout(resolve, 1000); });
      throw new Error(`nginx exited (${nginx.exitCode}):\n${nginxLog}`);
    }
    const ok = await send(port, '/health').then((r) => r.status === 200, () => false);
    if (ok) break;
    if (performance.now() - t0 > 20_000) throw new Error(`nginx did not answer /health within 20 s:\n${nginxLog}`);
    await sleep(100);
  }
  for (const s of seen) s.length = 0;
}, 120_000);

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx!.once('exit', resolve));
    nginx.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    if (nginx.exitCode === null) nginx.kill('SIGKILL');
  }
  for (const r of replicas) await r.close().catch(() => undefined);
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Which replica received the request with this x-request-id (-1: none). */
function replicaOf(reqId: string): number {
  return seen.findIndex((s) => s.some((r) => r.headers['x-request-id'] === reqId));
}

describe('deploy/nginx.conf under nginx, in front of two API replicas', () => {
  it('is a valid configuration for nginx', () => {
    const r = spawnSync(nginxBin(), ['-t', '-e', 'stderr', '-p', `${dir}/`, '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('syntax is ok');
  });

  it('sends requests to both replicas', async () => {
    for (let i = 0; i < 8; i++) {
      const r = await send(port, '/graphql', { method: 'POST', body: gqlBody('{ __typename }'), headers: { 'x-request-id': `spread-${i}` } });
      expect(r.status, r.body).toBe(200);
    }
    const per = seen.map((s) => s.filter((r) => r.url === '/graphql').length);
    expect(per[0]! + per[1]!).toBe(8);
    expect(per[0]).toBeGreaterThan(0);
    expect(per[1]).toBeGreaterThan(0);
  });

  it('passes the caller\'s x-request-id through to the replica and back; makes one when there is none', async () => {
    const mine = await send(port, '/health', { headers: { 'x-request-id': 'deploy-test-4f2a9c' } });
    expect(mine.headers['x-request-id']).toBe('deploy-test-4f2a9c');
    expect(replicaOf('deploy-test-4f2a9c')).toBeGreaterThanOrEqual(0);

    const none = await send(port, '/health');
    const made = none.headers['x-request-id'] as string;
    // nginx's $request_id, which the replica received, kept and logged.
    expect(made).toMatch(/^[0-9a-f]{32}$/);
    expect(replicaOf(made)).toBeGreaterThanOrEqual(0);

    // nginx's access line carries the same ids, and the replica it went to.
    const access = readFileSync(join(dir, 'access.log'), 'utf8');
    for (const id of ['deploy-test-4f2a9c', made]) {
      expect(access).toMatch(new RegExp(`"GET /health HTTP/1\\.1" 200 .* upstream=127\\.0\\.0\\.1:\\d+ 200 .* req_id=${id}$`, 'm'));
    }
  });

  it('tells the replica the client\'s own address, last in X-Forwarded-For, whatever the client claims', async () => {
    const r = await send(port, '/health', { from: '127.0.0.2', headers: { 'x-request-id': 'xff-spoofed', 'x-forwarded-for': '203.0.113.9' } });
    expect(r.status).toBe(200);
    const got = seen[replicaOf('xff-spoofed')]!.find((s) => s.headers['x-request-id'] === 'xff-spoofed')!.headers;
    // TRUST_PROXY=1 believes exactly the last hop, the one nginx appended: 127.0.0.2, not 203.0.113.9.
    expect(got['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.2');
    expect((got['x-forwarded-for'] as string).split(',').at(-1)!.trim()).toBe('127.0.0.2');
    expect(got['x-forwarded-proto']).toBe('http');
    // Host as the client sent it, without the port ($host).
    expect(got.host).toBe('127.0.0.1');

    await send(port, '/health', { from: '127.0.0.3', headers: { 'x-request-id': 'xff-plain' } });
    const plain = seen[replicaOf('xff-plain')]!.find((s) => s.headers['x-request-id'] === 'xff-plain')!.headers;
    expect(plain['x-forwarded-for']).toBe('127.0.0.3');
  });

  it('continues a page cursor of one replica on the other (one CURSOR_SECRET)', async () => {
    const first = await send(port, '/graphql', { method: 'POST', body: gqlBody(PAGE, { first: 2 }), headers: { 'x-request-id': 'page-1' } });
    const page1 = JSON.parse(first.body) as { data: { companies: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } } };
    expect(page1.data.companies.edges).toHaveLength(2);
    // The next request goes to the other replica (least_conn, ties in turn); if not, the next one does.
    const replica1 = replicaOf('page-1');
    let second: Reply | undefined;
    let crossed = false;
    for (let i = 0; i < 4 && !crossed; i++) {
      second = await send(port, '/graphql', { method: 'POST', body: gqlBody(PAGE, { first: 2, after: page1.data.companies.pageInfo.endCursor }), headers: { 'x-request-id': `page-2-${i}` } });
      expect(JSON.parse(second.body).errors, second.body).toBeUndefined();
      crossed = replicaOf(`page-2-${i}`) !== replica1;
    }
    expect(crossed).toBe(true);
    const page2 = JSON.parse(second!.body) as { data: { companies: { edges: { node: { id: string } }[] } } };
    const ids1 = page1.data.companies.edges.map((e) => e.node.id);
    for (const e of page2.data.companies.edges) expect(ids1).not.toContain(e.node.id);
  });

  it('does not serve /metrics: the request never reaches a replica', async () => {
    const r = await send(port, '/metrics');
    expect(r.status).toBe(404);
    expect(seen.flat().some((s) => s.url.startsWith('/metrics'))).toBe(false);
  });

  it('sends everything to the other replica when one stops', async () => {
    await replicas[0]!.close();
    seen[1]!.length = 0;
    for (let i = 0; i < 6; i++) {
      const r = await send(port, '/graphql', { method: 'POST', body: gqlBody('{ __typename }'), headers: { 'x-request-id': `after-stop-${i}` } });
      expect(r.status, r.body).toBe(200);
    }
    expect(seen[1]!.filter((s) => s.url === '/graphql')).toHaveLength(6);
  });
});
