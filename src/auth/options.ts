import { join } from 'node:path';
import { PRIVATE_DIR } from '../local-neo4j/credentials.js';

/**
 * The identity settings the server runs with (src/config.ts makes them from AUTH_* and
 * READ_ACCESS; a test passes its own). Types and constants only.
 */
export interface AuthOptions {
  /** `public` (the default): reads need no identity; `authenticated`: every query needs the role reader. */
  readAccess: 'public' | 'authenticated';
  /** Whose bearer JWTs are accepted, and how their keys are found; none: a JWT is refused (API keys still work). */
  jwt?: JwtOptions;
}

export interface JwtOptions {
  /** The `iss` every token must have; none: not checked (only with `jwks` or `file` keys, and the start warns). */
  issuer?: string;
  /** The `aud` a token must have (one of these). */
  audience: string[];
  /** Where the verification keys come from. */
  keys: KeySource;
  /** The only `alg`s accepted: asymmetric ones (RS256, ES256, EdDSA by default). */
  algorithms: string[];
  /** Where the roles are in the token: a claim name, or a dotted path into it (`realm_access.roles`). */
  rolesClaim: string;
  /** Leeway for exp and nbf, in seconds. */
  clockToleranceS: number;
}

export type KeySource =
  /** The issuer's OpenID discovery document (<issuer>/.well-known/openid-configuration) names its jwks_uri. */
  | { kind: 'discovery' }
  /** A JWKS endpoint (AUTH_JWKS_URL). */
  | { kind: 'jwks'; url: string }
  /** A file of public keys (AUTH_KEY_FILE): a JWKS, one JWK, or a PEM public key. */
  | { kind: 'file'; path: string }
  /** The local path's development key pair (npm run token signs with it), made at first use. */
  | { kind: 'dev'; file: string };

/** The development tokens' issuer and audience: fixed, and trusted only on the local path. */
export const DEV_ISSUER = 'urn:incident-graph:dev';
export const DEV_AUDIENCE = 'urn:incident-graph:api';
/** The development key's algorithm: ECDSA P-256. */
export const DEV_ALGORITHM = 'ES256';
/** The development signing key: a private JWK, mode 0600 in the private folder .neo4j/. */
export const DEV_KEY_FILE = join(PRIVATE_DIR, 'dev-signing-key.json');

/** Algorithms a bearer JWT may use: asymmetric signatures only, never `none`, never HS* (a public key must not be an HMAC secret). */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'] as const;
export const DEFAULT_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
export const DEFAULT_ROLES_CLAIM = 'roles';
export const DEFAULT_CLOCK_TOLERANCE_S = 30;

/** The options when a caller gives none (a test's server): public reads, API keys, no JWTs. */
export const NO_JWT: AuthOptions = { readAccess: 'public' };

/** The local path's JWT setup: the development key, the fixed dev issuer and audience, ES256 only. */
export function devJwtOptions(rolesClaim: string = DEFAULT_ROLES_CLAIM, clockToleranceS: number = DEFAULT_CLOCK_TOLERANCE_S, file: string = DEV_KEY_FILE): JwtOptions {
  return { issuer: DEV_ISSUER, audience: [DEV_AUDIENCE], keys: { kind: 'dev', file }, algorithms: [DEV_ALGORITHM], rolesClaim, clockToleranceS };
}
