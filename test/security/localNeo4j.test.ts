import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type AuthToken } from 'neo4j-driver';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { boltUriFile, localCredentials, PASSWORD_FILE, PRIVATE_DIR } from '../../src/local-neo4j/credentials.js';
import { freePort } from '../../src/local-neo4j/launch.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/local-neo4j/start.js';
import { neo4jLogin } from '../support/api.js';
import { launchChromium } from '../support/browser.js';

/**
 * Issue 23: the local Neo4j ran without authentication on a fixed port, and Bolt also speaks
 * WebSocket on that port, so any local process, and any web page in a local browser, could run
 * Cypher on it. These tests run against the suite's own Neo4j, a local one started by the same
 * code as `npm start` (src/local-neo4j/, neo4j-local/Launcher.java); with TEST_NEO4J_URI (an
 * external database) they have nothing to test and are skipped.
 */
const local = !process.env.TEST_NEO4J_URI;
const UNAUTHORIZED = 'Neo.ClientError.Security.Unauthorized';
const boltPort = () => new URL(inject('boltUri')).port;

const mode = (path: string) => statSync(path).mode & 0o777;
const octal = (m: number) => `0${m.toString(8)}`;

async function runAs(auth: AuthToken | undefined): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  const driver = neo4j.driver(inject('boltUri'), auth, { connectionTimeout: 10_000, maxTransactionRetryTime: 0 });
  try {
    await driver.executeQuery('RETURN 1 AS x');
    return { ok: true };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { ok: false, code: err.code ?? '', message: (err.message ?? '').split('\n')[0]! };
  } finally {
    await driver.close();
  }
}

describe.skipIf(!local)('the local Neo4j requires a login', () => {
  it('refuses Bolt without a login, with the default neo4j/neo4j, an empty or a wrong password', async () => {
    const attempts: [string, AuthToken | undefined][] = [
      ['no auth (scheme none)', undefined],
      ['neo4j/neo4j', neo4j.auth.basic('neo4j', 'neo4j')],
      ['neo4j with an empty password', neo4j.auth.basic('neo4j', '')],
      ['neo4j with a wrong password', neo4j.auth.basic('neo4j', 'not-the-password-0123456789')],
    ];
    for (const [label, auth] of attempts) {
      const r = await runAs(auth);
      expect({ label, ...r }).toMatchObject({ label, ok: false, code: UNAUTHORIZED });
    }
    // The right login works, and right away after failed ones (no lock-out a page could trigger).
    const login = neo4jLogin();
    expect(await runAs(neo4j.auth.basic(login.user, login.password))).toEqual({ ok: true });
  });
});

describe.skipIf(!local)('a new store', () => {
  // Neo4j makes user neo4j with password "neo4j" (change required) on a new store, unless told
  // otherwise before its first start (neo4j-local/Launcher.java writes data/dbms/auth.ini). Logins
  // with neo4j/neo4j are tried every few milliseconds from before the process starts until after
  // it is ready: none may get past authentication (a CredentialsExpired, or any database error,
  // would mean it did).
  it('never lets neo4j/neo4j in, not even while it starts', async () => {
    const home = join(PRIVATE_DIR, 'test', String(process.pid), 'fresh');
    rmSync(home, { recursive: true, force: true });
    const port = await freePort();
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', 'neo4j'), { connectionTimeout: 2000, maxTransactionRetryTime: 0 });
    const outcomes = new Map<string, number>();
    const count = (what: string) => outcomes.set(what, (outcomes.get(what) ?? 0) + 1);
    let ready = false;
    let readyAt = Infinity;
    const hammer = (async () => {
      while (!ready || performance.now() < readyAt + 2000) {
        // Polled over TCP while closed (a refused connect takes well under a millisecond, a
        // driver's far longer); once Bolt listens, a login is tried again and again.
        if (!(await listening(port))) {
          count('port closed');
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        const afterReady = ready;
        const code = await driver.executeQuery('RETURN 1').then(() => 'ran a query', (e: { code?: string }) => e.code ?? 'no code');
        count(afterReady ? `${code} (after ready)` : code);
      }
    })();
    let neo: LocalNeo4j | undefined;
    try {
      neo = await startLocalNeo4j({ home, port, pageCacheMb: 64 });
      ready = true;
      readyAt = performance.now();
      await hammer;
      const seen = JSON.stringify(Object.fromEntries(outcomes));
      const allowed = ['port closed', 'ServiceUnavailable', UNAUTHORIZED, `ServiceUnavailable (after ready)`, `${UNAUTHORIZED} (after ready)`];
      expect([...outcomes.keys()].filter((c) => !allowed.includes(c)), seen).toEqual([]);
      expect(outcomes.get(`${UNAUTHORIZED} (after ready)`), seen).toBeGreaterThan(0);
      const right = neo4j.driver(neo.uri, neo4j.auth.basic(neo.credentials.user, neo.credentials.password));
      try {
        expect((await right.executeQuery('RETURN 1 AS x')).records[0]!.get('x').toNumber()).toBe(1);
      } finally {
        await right.close();
      }
    } finally {
      ready = true;
      readyAt = Math.min(readyAt, performance.now());
      await hammer.catch(() => {});
      await driver.close();
      await neo?.stop();
      rmSync(home, { recursive: true, force: true });
      try { rmdirSync(join(home, '..')); } catch { /* not empty: another test's */ }
    }
  }, 300_000);
});

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * What a web page can do: it opens ws://127.0.0.1:<bolt> (Neo4j's Bolt connector answers
 * WebSocket on its Bolt port), negotiates Bolt 5.4, and sends HELLO, LOGON, RUN and PULL, in
 * the page's own JavaScript (a minimal PackStream). Against the unauthenticated launcher this
 * ran `RETURN 1` and got its record back.
 */
function boltOverWebSocket({ url, auth }: { url: string; auth: Record<string, string> }): Promise<BoltProbe> {
  const out: BoltProbe = { opened: false, version: null, responses: [], closed: null, error: null, timedOut: false };
  const textEncoder = new TextEncoder();
  const textDecoder = new TextDecoder();
  const packString = (s: string): number[] => {
    const b = [...textEncoder.encode(s)];
    if (b.length < 16) return [0x80 + b.length, ...b];
    if (b.length < 256) return [0xd0, b.length, ...b];
    return [0xd1, b.length >> 8, b.length & 0xff, ...b];
  };
  const pack = (v: unknown): number[] => {
    if (v === null) return [0xc0];
    if (typeof v === 'string') return packString(v);
    if (typeof v === 'number') return [v & 0xff]; // tiny ints only (-16..127)
    if (Array.isArray(v)) return [0x90 + v.length, ...v.flatMap(pack)];
    const entries = Object.entries(v as Record<string, unknown>);
    return [0xa0 + entries.length, ...entries.flatMap(([k, x]) => [...packString(k), ...pack(x)])];
  };
  const message = (signature: number, ...fields: unknown[]): number[] => {
    const body = [0xb0 + fields.length, signature, ...fields.flatMap(pack)];
    return [body.length >> 8, body.length & 0xff, ...body, 0, 0];
  };
  const unpack = (b: Uint8Array, at: number): [unknown, number] => {
    const m = b[at]!;
    const view = new DataView(b.buffer, b.byteOffset);
    const str = (start: number, n: number): [string, number] => [textDecoder.decode(b.subarray(start, start + n)), start + n];
    const seq = (start: number, n: number, pairs: boolean): [unknown, number] => {
      const items: unknown[] = [];
      let i = start;
      for (let k = 0; k < n * (pairs ? 2 : 1); k++) { const [v, next] = unpack(b, i); items.push(v); i = next; }
      if (!pairs) return [items, i];
      const map: Record<string, unknown> = {};
      for (let k = 0; k < items.length; k += 2) map[String(items[k])] = items[k + 1];
      return [map, i];
    };
    if (m < 0x80) return [m, at + 1];
    if (m >= 0xf0) return [m - 256, at + 1];
    switch (m & 0xf0) {
      case 0x80: return str(at + 1, m & 0x0f);
      case 0x90: return seq(at + 1, m & 0x0f, false);
      case 0xa0: return seq(at + 1, m & 0x0f, true);
      case 0xb0: { const [fields, next] = seq(at + 2, m & 0x0f, false); return [{ signature: b[at + 1], fields }, next]; }
    }
    switch (m) {
      case 0xc0: return [null, at + 1];
      case 0xc1: return [view.getFloat64(at + 1), at + 9];
      case 0xc2: return [false, at + 1];
      case 0xc3: return [true, at + 1];
      case 0xc8: return [view.getInt8(at + 1), at + 2];
      case 0xc9: return [view.getInt16(at + 1), at + 3];
      case 0xca: return [view.getInt32(at + 1), at + 5];
      case 0xcb: return [Number(view.getBigInt64(at + 1)), at + 9];
      case 0xcc: return [`<${b[at + 1]} bytes>`, at + 2 + b[at + 1]!];
      case 0xd0: return str(at + 2, b[at + 1]!);
      case 0xd1: return str(at + 3, view.getUint16(at + 1));
      case 0xd2: return str(at + 5, view.getUint32(at + 1));
      case 0xd4: return seq(at + 2, b[at + 1]!, false);
      case 0xd5: return seq(at + 3, view.getUint16(at + 1), false);
      case 0xd8: return seq(at + 2, b[at + 1]!, true);
      case 0xd9: return seq(at + 3, view.getUint16(at + 1), true);
    }
    throw new Error(`PackStream marker 0x${m.toString(16)} not handled`);
  };
  const NAMES: Record<number, string> = { 0x70: 'SUCCESS', 0x71: 'RECORD', 0x7e: 'IGNORED', 0x7f: 'FAILURE' };
  const requests = [
    message(0x01, { user_agent: 'page/1.0', bolt_agent: { product: 'page/1.0' } }), // HELLO
    message(0x6a, auth), // LOGON
    message(0x10, 'RETURN 1 AS x', {}, {}), // RUN
    message(0x3f, { n: -1 }), // PULL all
  ];
  return new Promise((resolve) => {
    let ws: WebSocket;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      try { ws.close(); } catch { /* closed already */ }
      resolve(out);
    };
    const timer = setTimeout(() => { out.timedOut = true; finish(); }, 20_000);
    try {
      ws = new WebSocket(url);
    } catch (e) {
      out.error = String(e);
      finish();
      return;
    }
    ws.binaryType = 'arraybuffer';
    let pending = new Uint8Array(0);
    let body: number[] = [];
    ws.onopen = () => {
      out.opened = true;
      // Magic, then four proposals: 5.4, 5.0, 4.4, 4.3.
      ws.send(new Uint8Array([0x60, 0x60, 0xb0, 0x17, 0, 0, 4, 5, 0, 0, 0, 5, 0, 0, 4, 4, 0, 0, 3, 4]));
    };
    ws.onerror = () => { out.error = 'WebSocket error'; };
    ws.onclose = (e) => { out.closed = { code: e.code, reason: e.reason }; finish(); };
    ws.onmessage = (e) => {
      const data = new Uint8Array(e.data as ArrayBuffer);
      const joined = new Uint8Array(pending.length + data.length);
      joined.set(pending);
      joined.set(data, pending.length);
      pending = joined;
      if (out.version === null) {
        if (pending.length < 4) return;
        out.version = `${pending[3]}.${pending[2]}`;
        pending = pending.slice(4);
        if (out.version === '0.0') { finish(); return; }
        ws.send(new Uint8Array(requests.flat()));
      }
      // Chunks: a 2-byte size, then that many bytes; size 0 ends a message.
      while (pending.length >= 2) {
        const size = (pending[0]! << 8) | pending[1]!;
        if (pending.length < 2 + size) return;
        if (size === 0) {
          const [msg] = unpack(new Uint8Array(body), 0) as [{ signature: number; fields: unknown[] }, number];
          const meta = msg.fields[0] as Record<string, unknown> | unknown[] | undefined;
          out.responses.push({ type: NAMES[msg.signature] ?? `0x${msg.signature.toString(16)}`, meta: meta ?? null });
          body = [];
          if (out.responses.length === requests.length) { finish(); return; }
        } else {
          body.push(...pending.subarray(2, 2 + size));
        }
        pending = pending.slice(2 + size);
      }
    };
  });
}

interface BoltProbe {
  opened: boolean;
  /** The Bolt version the server chose, "major.minor". */
  version: string | null;
  responses: { type: string; meta: Record<string, unknown> | unknown[] | null }[];
  closed: { code: number; reason: string } | null;
  error: string | null;
  timedOut: boolean;
}

describe.skipIf(!local)('a web page on another origin, over Bolt-on-WebSocket', () => {
  let browser: Browser;
  let site: Server;
  let pageUrl: string;

  beforeAll(async () => {
    // The attacker's page: any origin will do; here http://localhost:<another port>.
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>some other site</title><p>nothing to see</p>');
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://localhost:${(site.address() as { port: number }).port}/`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  for (const [label, auth] of [
    ['scheme "none"', { scheme: 'none' }],
    ['the default neo4j/neo4j', { scheme: 'basic', principal: 'neo4j', credentials: 'neo4j' }],
  ] as const) {
    it(`cannot run Cypher with ${label}: LOGON fails with Unauthorized, no record comes back`, async () => {
      const page = await browser.newPage();
      try {
        await page.goto(pageUrl);
        expect(new URL(page.url()).origin).not.toBe(`http://127.0.0.1:${boltPort()}`);
        const probe = await page.evaluate(boltOverWebSocket, { url: `ws://127.0.0.1:${boltPort()}`, auth: { ...auth } }) as BoltProbe;
        const seen = JSON.stringify(probe);
        // What is observed: the WebSocket opens (Neo4j 5.26 cannot turn WebSocket off on its
        // Bolt port) and Bolt is negotiated; HELLO succeeds, LOGON is refused, and what follows
        // is never run.
        expect(probe.timedOut, seen).toBe(false);
        expect(probe.responses.filter((r) => r.type === 'RECORD'), seen).toEqual([]);
        expect(probe.responses.find((r) => r.type === 'FAILURE')?.meta, seen).toMatchObject({ code: UNAUTHORIZED });
        expect(probe.responses.slice(0, 2).map((r) => r.type), seen).toEqual(['SUCCESS', 'FAILURE']);
        expect(probe.responses.slice(2).every((r) => r.type === 'IGNORED'), seen).toBe(true);
      } finally {
        await page.close();
      }
    });
  }
});

describe('the password and where it is kept', () => {
  it.skipIf(!local)('.neo4j/ is 0700 and .neo4j/neo4j-password 0600; the running Neo4j\'s URI file is 0600 and names it', () => {
    expect(octal(mode(PRIVATE_DIR))).toBe('0700');
    expect(octal(mode(PASSWORD_FILE))).toBe('0600');
    expect(readFileSync(PASSWORD_FILE, 'utf8').trim()).toBe(neo4jLogin().password);
    // The suite's store is .neo4j/test/<pid>: the one whose bolt-uri names the suite's Neo4j.
    const testRoot = join(PRIVATE_DIR, 'test');
    const homes = readdirSync(testRoot).map((d) => join(testRoot, d))
      .filter((h) => existsSync(boltUriFile(h)) && readFileSync(boltUriFile(h), 'utf8').trim() === inject('boltUri'));
    expect(homes).toHaveLength(1);
    expect(octal(mode(boltUriFile(homes[0]!)))).toBe('0600');
    expect(octal(mode(homes[0]!))).toBe('0700');
  });

  it.skipIf(!local || process.platform !== 'linux')('is not on the launcher\'s command line, nor in its environment', () => {
    const { password } = neo4jLogin();
    expect(password.length).toBeGreaterThanOrEqual(32);
    const port = boltPort();
    const launchers = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
      let argv: string[];
      try {
        argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      } catch {
        return []; // gone meanwhile
      }
      const at = argv.findIndex((a) => a === 'Launcher' || a.endsWith('/Launcher.java'));
      return at >= 0 && argv[at + 2] === port ? [{ pid, argv, environ: readFileSync(`/proc/${pid}/environ`, 'utf8') }] : [];
    });
    expect(launchers).toHaveLength(1);
    expect(launchers[0]!.argv.join(' ')).not.toContain(password);
    expect(launchers[0]!.environ).not.toContain(password);
  });

  it('is made at first use (32 random bytes, base64url), and makes an existing folder and file private', () => {
    const dir = mkdtempSync(join(tmpdir(), 'neo4j-credentials-'));
    try {
      const fresh = join(dir, 'new', 'neo4j-password');
      const made = localCredentials(fresh);
      expect(made.user).toBe('neo4j');
      expect(made.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(octal(mode(fresh))).toBe('0600');
      expect(octal(mode(join(dir, 'new')))).toBe('0700');
      expect(localCredentials(fresh)).toEqual(made); // kept, not made again

      const old = join(dir, 'old');
      mkdirSync(old, { mode: 0o755 });
      chmodSync(old, 0o755);
      writeFileSync(join(old, 'neo4j-password'), 'an-earlier-password-0123\n', { mode: 0o644 });
      chmodSync(join(old, 'neo4j-password'), 0o644);
      expect(localCredentials(join(old, 'neo4j-password')).password).toBe('an-earlier-password-0123');
      expect(octal(mode(old))).toBe('0700');
      expect(octal(mode(join(old, 'neo4j-password')))).toBe('0600');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
