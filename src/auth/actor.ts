import type { Role } from './roles.js';

/**
 * Who sends a request, as the server verified it (src/auth/authenticate.ts): never the token or
 * the key itself. Resolved once per request, before any resolver runs, and put in the context
 * (`context.actor`) and in the request's log lines.
 */
export interface Actor {
  /** The token's `sub` (a user or a client id), or an API key's name. */
  subject: string;
  /** The highest role of this API the identity holds; undefined: it holds none (it can do what anonymous clients can). */
  role: Role | undefined;
  /** How it proved who it is. */
  via: 'jwt' | 'api-key';
  /** The token's `jti`, when it has one (JWTs). */
  tokenId?: string;
  /** The API key's id (API keys): `npm run keys -- revoke <id>` revokes it. */
  keyId?: string;
  /** The token's issuer (JWTs). */
  issuer?: string;
}
