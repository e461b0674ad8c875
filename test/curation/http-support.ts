import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { devSigningKey, signDevToken } from '../../src/auth/devKey.js';
import { devJwtOptions } from '../../src/auth/options.js';
import type { Role } from '../../src/auth/roles.js';
import { neo4jEnv } from '../support/api.js';
import { startOwnServer } from '../server/ownServer.js';
import { cypher } from './fixtures.js';

// Helpers for the curators' write path over HTTP (test/curation/attacks.test.ts). The same
// steps as test/curation/http.test.ts's token() and post() and test/security/auth.test.ts's
// cli(), which live inside those files.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Answer {
  status: number;
  headers: Headers;
  data?: any;
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
  /** The raw body (what was answered when it is not JSON). */
  text: string;
}

/** A POST to /graphql with a JSON body, or with `body` and `contentType` as given (what a form would send). */
export async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {},
  raw?: { body: string; contentType: string }): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': raw?.contentType ?? 'application/json', ...headers },
    body: raw?.body ?? JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let json: { data?: any; errors?: Answer['errors'] } = {};
  try { json = JSON.parse(text); } catch { /* not JSON: the test reads `text` */ }
  return { status: res.status, headers: res.headers, text, data: json.data, errors: json.errors };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface CuratorServer {
  /** The /graphql URL. */
  url: string;
  /** A development token of this server's own key (as `npm run token` signs), valid 10 minutes. */
  token(role: Role, subject: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * An API server in the test's process on the suite's Neo4j that trusts a development key of its
 * own (in a temporary folder), as test/curation/http.test.ts starts one. API keys work on it too.
 */
export async function curatorServer(): Promise<CuratorServer> {
  const dir = mkdtempSync(join(tmpdir(), 'curation-attacks-'));
  const keyFile = join(dir, 'dev-signing-key.json');
  const server = await startOwnServer({ auth: { readAccess: 'public', jwt: devJwtOptions('roles', 30, keyFile) } });
  return {
    url: server.url,
    token: async (role, subject) => signDevToken(await devSigningKey(keyFile), { subject, role, rolesClaim: 'roles', ttlS: 600 }),
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CliRun { code: number; stdout: string; stderr: string }

/** A CLI of src/cli/ as `npm run` runs it (`npm run keys` is src/cli/keys.ts), against the suite's Neo4j. */
export async function cli(file: string, args: string[]): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, ...neo4jEnv(), NEO4J_DATABASE: inject('database'), LOG_LEVEL: 'warn' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file, ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? String(e) };
  }
}

/** What a write leaves behind in the whole graph: Change nodes, all nodes, all relationships. */
export async function graphCounts(): Promise<{ changes: number; nodes: number; relationships: number }> {
  const [row] = await cypher<{ changes: number; nodes: number; relationships: number }>(`
    CALL () { MATCH (c:Change) RETURN count(c) AS changes }
    CALL () { MATCH (n) RETURN count(n) AS nodes }
    CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
    RETURN changes, nodes, relationships`);
  return row!;
}
