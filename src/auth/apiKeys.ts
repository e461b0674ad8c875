import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Graph, QueryStats } from '../graph/graph.js';
import type { QueryRegistry } from '../graph/queries.js';
import type { GraphWriter } from '../graph/writer.js';
import type { Actor } from './actor.js';
import { unauthenticated } from './errors.js';
import { isRole, type Role } from './roles.js';

/**
 * API keys of service accounts: `igk_<id>_<secret>`, a 16-hex-digit id and 32 random bytes
 * (base64url). The id finds the key (an (:ApiKey {id}) node); only the SHA-256 of the secret is
 * stored, so a copy of the database gives no usable key. Printed once, at creation.
 */
export const API_KEY_PREFIX = 'igk_';
const API_KEY = /^igk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._@-]{0,63}$/;

export function isApiKeyShaped(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX);
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** What is wrong with a key's name, or null: 1 to 64 letters, digits, spaces and ._@- (it is logged as the actor). */
export function nameProblem(name: string): string | null {
  return NAME.test(name) ? null : 'a name is 1 to 64 characters: letters, digits, spaces and . _ @ -, starting with a letter or digit';
}

/**
 * The actor of a presented key, read from Neo4j at every request (no cache: a revoked key is
 * refused from the next request on). An unknown id, a wrong secret and a revoked key get the same
 * answer: UNAUTHENTICATED.
 */
export async function verifyApiKey(graph: Graph, presented: string, stats?: QueryStats): Promise<Actor> {
  const m = API_KEY.exec(presented);
  if (!m) throw unauthenticated('The API key is not one this server issues (igk_<id>_<secret>).', true);
  const [, id, secret] = m as unknown as [string, string, string];
  const rows = await graph.read<{ name: string; role: string; hash: string; revoked: boolean }>('auth/findKey', { id }, stats);
  const row = rows[0];
  const given = Buffer.from(secretHash(secret), 'hex');
  const stored = row ? Buffer.from(row.hash, 'hex') : undefined;
  const matches = !!stored && stored.length === given.length && timingSafeEqual(stored, given);
  if (!row || !matches || row.revoked) throw unauthenticated('The API key is not valid: unknown, revoked, or not the key as it was issued.', true);
  return { subject: row.name, role: isRole(row.role) ? row.role : undefined, via: 'api-key', keyId: id };
}

export interface KeyRow { id: string; name: string; role: string; createdAt: string; revokedAt: string | null }

/** A new key: written in one write transaction; the key itself is returned once and never stored. */
export async function createApiKey(writer: GraphWriter, queries: QueryRegistry, name: string, role: Role): Promise<KeyRow & { key: string }> {
  const problem = nameProblem(name);
  if (problem) throw new Error(`--name: ${problem}`);
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const records = await writer.transaction((tx) => tx.run(queries.statement('auth/createKey'), { id, name, role, hash: secretHash(secret) }));
  const row = records.records[0] as unknown as KeyRow;
  return { ...row, revokedAt: null, key: `${API_KEY_PREFIX}${id}_${secret}` };
}

/** Every key, oldest first, without hashes. */
export async function listApiKeys(graph: Graph): Promise<KeyRow[]> {
  return graph.read<KeyRow & Record<string, unknown>>('auth/listKeys');
}

/** Revokes a key at once (one write transaction); undefined when no key has that id. */
export async function revokeApiKey(writer: GraphWriter, queries: QueryRegistry, id: string): Promise<(KeyRow & { already: boolean }) | undefined> {
  const { records } = await writer.transaction((tx) => tx.run(queries.statement('auth/revokeKey'), { id }));
  return records[0] as unknown as (KeyRow & { already: boolean }) | undefined;
}
