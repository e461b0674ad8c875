import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from 'jose';
import type { Logger } from '../logger.js';
import type { Actor } from './actor.js';
import { roleFromClaims } from './claims.js';
import { devSigningKey } from './devKey.js';
import { unauthenticated } from './errors.js';
import type { JwtOptions } from './options.js';
import { providerUrlProblem } from './urls.js';

/** How jose caches a provider's keys: refetched after 10 minutes, or when a token names a kid it does not have, at most once per 30 s. */
const REMOTE_JWKS = { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 600_000 };
/** After a failed discovery, requests fail at once for this long before it is tried again. */
const DISCOVERY_RETRY_MS = 30_000;
const DISCOVERY_TIMEOUT_MS = 5000;

type GetKey = JWTVerifyGetKey | CryptoKey | ReturnType<typeof createPublicKey>;

/**
 * Verifies bearer JWTs with jose: the signature against the trusted keys (a JWKS endpoint, the
 * issuer's discovery document, a key file or the development key), `alg` in the allowlist, the
 * issuer, the audience, exp (required) and nbf with a small clock tolerance, and a `sub`.
 * Returns the actor; anything else is UNAUTHENTICATED, naming what failed and never the token.
 */
export class JwtVerifier {
  private key?: GetKey;
  private discovering?: Promise<GetKey>;
  private discoveryFailedAt = -Infinity;
  /** Where discovery found the keys. */
  private jwksUri?: string;

  private constructor(readonly options: JwtOptions, private readonly log: Logger) {}

  /** Loads local keys now (a bad key file or dev key stops the start); remote keys are fetched when needed. */
  static async create(options: JwtOptions, log: Logger): Promise<JwtVerifier> {
    const v = new JwtVerifier(options, log);
    const { keys } = options;
    if (keys.kind === 'dev') {
      const dev = await devSigningKey(keys.file);
      v.key = createLocalJWKSet({ keys: [dev.publicJwk] });
    } else if (keys.kind === 'file') {
      v.key = keyFile(keys.path);
    } else if (keys.kind === 'jwks') {
      v.key = createRemoteJWKSet(new URL(keys.url), REMOTE_JWKS);
    }
    return v;
  }

  /** With discovery: finds the jwks_uri now, so a wrong AUTH_ISSUER shows at start (a failure is tried again at the next token). */
  async prepare(): Promise<string | undefined> {
    if (this.options.keys.kind !== 'discovery') return undefined;
    await this.keys();
    return this.jwksUri;
  }

  private async keys(): Promise<GetKey> {
    if (this.key) return this.key;
    if (performance.now() - this.discoveryFailedAt < DISCOVERY_RETRY_MS) throw new KeysUnavailable('discovery failed shortly before');
    // One discovery at a time: requests arriving meanwhile wait for the same one.
    if (!this.discovering) {
      const attempt = this.discover();
      this.discovering = attempt;
      attempt.then(() => {}, () => {}).finally(() => { if (this.discovering === attempt) this.discovering = undefined; });
    }
    return this.discovering;
  }

  private async discover(): Promise<GetKey> {
    try {
      this.jwksUri = await discoverJwksUri(this.options.issuer!);
      this.key = createRemoteJWKSet(new URL(this.jwksUri), REMOTE_JWKS);
      return this.key;
    } catch (e) {
      this.discoveryFailedAt = performance.now();
      throw new KeysUnavailable((e as Error).message);
    }
  }

  async verify(token: string): Promise<Actor> {
    const o = this.options;
    let key: GetKey;
    try {
      key = await this.keys();
    } catch (e) {
      this.log.warn({ reason: (e as Error).message }, 'identity provider keys unavailable: a token could not be verified');
      throw unauthenticated('The identity provider\'s keys could not be fetched, so the token cannot be verified now: try again shortly.', true);
    }
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
        issuer: o.issuer, audience: o.audience, algorithms: o.algorithms, clockTolerance: o.clockToleranceS, requiredClaims: ['exp', 'sub'],
      }));
    } catch (e) {
      throw this.refusal(e);
    }
    const subject = payload.sub;
    if (typeof subject !== 'string' || subject === '') throw unauthenticated('The token names no subject (sub).', true);
    return {
      subject, role: roleFromClaims(payload, o.rolesClaim), via: 'jwt',
      tokenId: typeof payload.jti === 'string' ? payload.jti : undefined,
      issuer: typeof payload.iss === 'string' ? payload.iss : undefined,
    };
  }

  /** jose's verdict in words a client can act on (what failed, never a value of the token). */
  private refusal(e: unknown): Error {
    const { code, claim } = e as { code?: string; claim?: string };
    switch (code) {
      case 'ERR_JWT_EXPIRED': return unauthenticated('The token has expired.', true);
      case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
        if (claim === 'nbf') return unauthenticated('The token is not valid yet (nbf).', true);
        if (claim === 'iss') return unauthenticated('The token is from another issuer than this server trusts.', true);
        if (claim === 'aud') return unauthenticated('The token is for another audience than this API.', true);
        if (claim === 'sub') return unauthenticated('The token names no subject (sub).', true);
        if (claim === 'exp') return unauthenticated('The token has no expiry (exp).', true);
        return unauthenticated('A claim of the token is not valid.', true);
      case 'ERR_JOSE_ALG_NOT_ALLOWED':
      case 'ERR_JOSE_NOT_SUPPORTED':
        return unauthenticated(`The token is signed with an algorithm this server does not accept (it accepts ${this.options.algorithms.join(', ')}).`, true);
      case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED': return unauthenticated('The token\'s signature is not valid.', true);
      case 'ERR_JWKS_NO_MATCHING_KEY':
      case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
        return unauthenticated('The token is signed with a key the issuer does not publish (its kid is unknown).', true);
      case 'ERR_JWS_INVALID':
      case 'ERR_JWT_INVALID':
        return unauthenticated('The token is not a well-formed signed JWT.', true);
      case 'ERR_JWKS_TIMEOUT':
      case 'ERR_JWKS_INVALID':
      case 'ERR_JWK_INVALID':
        this.log.warn({ reason: code }, 'identity provider keys unavailable: a token could not be verified');
        return unauthenticated('The identity provider\'s keys could not be fetched, so the token cannot be verified now: try again shortly.', true);
      default:
        // A key of the wrong type for the alg, a fetch that failed...: logged by its class and code only.
        this.log.warn({ reason: code ?? (e as Error)?.name }, 'a token could not be verified');
        return unauthenticated('The token could not be verified.', true);
    }
  }
}

class KeysUnavailable extends Error {}

/**
 * The issuer's OpenID Connect discovery document (<issuer>/.well-known/openid-configuration):
 * it must name this issuer exactly (OpenID Connect Discovery 1.0, section 4.3) and a jwks_uri
 * that is https (or http to this machine).
 */
export async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let doc: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`answered HTTP ${res.status}`);
    doc = await res.json() as typeof doc;
  } catch (e) {
    throw new Error(`${url}: ${(e as Error).message}`);
  }
  if (doc.issuer !== issuer) throw new Error(`${url} names the issuer ${JSON.stringify(doc.issuer)}, not ${issuer}`);
  if (typeof doc.jwks_uri !== 'string') throw new Error(`${url} names no jwks_uri`);
  const problem = providerUrlProblem(doc.jwks_uri);
  if (problem) throw new Error(`${url}: its jwks_uri ${problem}`);
  return doc.jwks_uri;
}

/**
 * AUTH_KEY_FILE: a JWKS ({"keys": [...]}), one JWK, or a PEM public key (SPKI, "BEGIN PUBLIC
 * KEY"). Public keys only: a private or a symmetric key stops the start.
 */
export function keyFile(path: string): GetKey {
  const text = readFileSync(path, 'utf8').trim();
  if (text.startsWith('-----')) {
    if (/PRIVATE KEY/.test(text)) throw new Error(`AUTH_KEY_FILE ${path} holds a private key: give the public key only`);
    if (!/BEGIN (RSA )?PUBLIC KEY/.test(text)) throw new Error(`AUTH_KEY_FILE ${path} is not a PEM public key`);
    // One key, no kid to match: the token's alg must suit it (jose checks the key's type).
    const key = createPublicKey(text);
    return async () => key;
  }
  let parsed: JSONWebKeySet | JWK;
  try {
    parsed = JSON.parse(text) as JSONWebKeySet | JWK;
  } catch {
    throw new Error(`AUTH_KEY_FILE ${path} is neither JSON (a JWKS or a JWK) nor a PEM public key`);
  }
  const jwks: JSONWebKeySet = 'keys' in parsed && Array.isArray(parsed.keys) ? parsed : { keys: [parsed as JWK] };
  for (const k of jwks.keys) {
    if (k.kty === 'oct') throw new Error(`AUTH_KEY_FILE ${path} holds a symmetric key: only public keys verify tokens here`);
    if ('d' in k || 'p' in k || 'k' in k) throw new Error(`AUTH_KEY_FILE ${path} holds a private key: give the public keys only`);
  }
  return createLocalJWKSet(jwks);
}
