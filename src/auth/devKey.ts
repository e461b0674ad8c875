import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { privateDir } from '../local-neo4j/credentials.js';
import { writePrivateOnce } from '../privateFile.js';
import { DEV_ALGORITHM, DEV_AUDIENCE, DEV_ISSUER, DEV_KEY_FILE } from './options.js';
import type { Role } from './roles.js';

export interface DevKey {
  /** Signs development tokens (npm run token). */
  privateKey: CryptoKey | Uint8Array;
  /** What the server trusts: the public half, with its kid. */
  publicJwk: JWK;
  kid: string;
}

/**
 * The local path's signing key pair (ES256): a private JWK in .neo4j/dev-signing-key.json, made
 * at first use, mode 0600 in the private folder (0700), both made private again at every use.
 * Two processes making one at once agree on one (the file is linked into place, never
 * overwritten). Only for development: the server trusts it only when no AUTH_* is set and
 * NODE_ENV is not production.
 */
export async function devSigningKey(file: string = DEV_KEY_FILE): Promise<DevKey> {
  privateDir(dirname(file));
  if (!existsSync(file)) await createKeyFile(file);
  if ((statSync(file).mode & 0o777) !== 0o600) chmodSync(file, 0o600);
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch {
    jwk = {};
  }
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.x || !jwk.y || !jwk.kid) {
    throw new Error(`${file} is not a development signing key (a private P-256 JWK): delete it and a new one is made.`);
  }
  const { d: _private, ...publicJwk } = jwk;
  return { privateKey: await importJWK(jwk, DEV_ALGORITHM), publicJwk: { ...publicJwk, alg: DEV_ALGORITHM, use: 'sig' }, kid: jwk.kid };
}

async function createKeyFile(file: string): Promise<void> {
  const { privateKey } = await generateKeyPair(DEV_ALGORITHM, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  writePrivateOnce(file, `${JSON.stringify({ ...jwk, kid, alg: DEV_ALGORITHM, use: 'sig' })}\n`);
}

export interface DevTokenRequest {
  subject: string;
  role: Role;
  /** Where the server reads roles (AUTH_ROLES_CLAIM): a claim name or a dotted path. */
  rolesClaim: string;
  /** Lifetime in seconds. */
  ttlS: number;
}

/** A development token: the dev issuer and audience, the subject, the role at the roles claim, a jti. */
export async function signDevToken(key: DevKey, r: DevTokenRequest): Promise<string> {
  return new SignJWT(nested(r.rolesClaim, [r.role]))
    .setProtectedHeader({ alg: DEV_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(r.subject)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + r.ttlS)
    .sign(key.privateKey);
}

/** { a: { b: value } } for the path "a.b". */
function nested(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<Record<string, unknown>>((inner, part) => ({ [part]: inner }), value as never) as Record<string, unknown>;
}
