import { GraphQLError } from 'graphql';
import type { Graph, QueryStats } from '../graph/graph.js';
import { databaseFault } from '../graph/faults.js';
import { currentLogContext, type Logger } from '../logger.js';
import type { Actor } from './actor.js';
import { isApiKeyShaped, verifyApiKey } from './apiKeys.js';
import { unauthenticated } from './errors.js';
import { JwtVerifier } from './jwt.js';
import { DEV_ISSUER, type AuthOptions } from './options.js';

/** Longer credentials are refused unread: no JWT or key of this API comes near it. */
const MAX_CREDENTIAL = 8192;

/** The request headers that can carry an identity. */
export interface CredentialHeaders {
  authorization?: string;
  apiKey?: string;
}

/**
 * Who sends a request, resolved once per request before anything runs (the GraphQL context is
 * made with it): `Authorization: Bearer <JWT>`, `Authorization: Bearer igk_...` or `X-API-Key:
 * igk_...`. No credential: anonymous (undefined). A credential that is presented and not valid is
 * UNAUTHENTICATED (401), never anonymous. The actor's subject, role and token or key id go into
 * the request's log context; the credential itself goes nowhere.
 */
export class Authenticator {
  private constructor(readonly options: AuthOptions, private readonly graph: Graph, private readonly jwt: JwtVerifier | undefined) {}

  static async create(options: AuthOptions, graph: Graph, log: Logger): Promise<Authenticator> {
    const jwt = options.jwt ? await JwtVerifier.create(options.jwt, log) : undefined;
    const a = new Authenticator(options, graph, jwt);
    log.info(a.describe());
    if (options.jwt && !options.jwt.issuer) log.warn('AUTH_ISSUER is not set: the issuer (iss) of tokens is not checked; set it to the identity provider\'s issuer');
    // Discovery at start, so a wrong AUTH_ISSUER shows now; it is tried again at the next token.
    if (jwt && options.jwt?.keys.kind === 'discovery') {
      jwt.prepare().then(
        (uri) => log.info(`Identities: the keys of ${options.jwt!.issuer} are at ${uri}`),
        (e: Error) => log.warn({ reason: e.message }, `Identities: discovery of ${options.jwt!.issuer} failed; tried again at the next token`),
      );
    }
    return a;
  }

  /** One line for the start's log: whose tokens are trusted, and whether reads need one. */
  describe(): string {
    const o = this.options;
    const reads = o.readAccess === 'public' ? 'reads are public' : 'reads need the role reader (READ_ACCESS=authenticated)';
    if (!o.jwt) {
      return `Identities: no JWT issuer is configured (AUTH_ISSUER, AUTH_JWKS_URL or AUTH_KEY_FILE)${process.env.NODE_ENV === 'production' ? ' and a deployment with NEO4J_URI trusts no development key' : ''}: bearer JWTs are refused; API keys (npm run keys) work; ${reads}`;
    }
    const k = o.jwt.keys;
    const source = k.kind === 'dev' ? 'the development key (npm run token -- --role curator --subject you)'
      : k.kind === 'discovery' ? `${o.jwt.issuer} (OpenID discovery)` : k.kind === 'jwks' ? k.url : k.path;
    const issuer = k.kind === 'dev' ? DEV_ISSUER : o.jwt.issuer ?? 'any issuer';
    return `Identities: JWTs signed by ${source}, issuer ${issuer}, audience ${o.jwt.audience.join(' or ')}, roles from the claim ${o.jwt.rolesClaim}; API keys (npm run keys); ${reads}`;
  }

  /** The request's actor (undefined: anonymous), or a GraphQLError to answer with (401, or 503 when Neo4j cannot tell about a key). */
  async actorOf(headers: CredentialHeaders, stats?: QueryStats): Promise<Actor | undefined> {
    const credential = this.credentialOf(headers);
    if (credential === undefined) return undefined;
    const actor = isApiKeyShaped(credential) ? await this.apiKey(credential, stats) : await this.bearerJwt(credential);
    const fields = currentLogContext();
    if (fields) {
      fields.actor = actor.subject.slice(0, 128);
      fields.role = actor.role ?? 'none';
      if (actor.tokenId) fields.tokenId = actor.tokenId.slice(0, 128);
      if (actor.keyId) fields.keyId = actor.keyId;
    }
    return actor;
  }

  private credentialOf(headers: CredentialHeaders): string | undefined {
    const { authorization, apiKey } = headers;
    if (authorization === undefined && apiKey === undefined) return undefined;
    if (authorization !== undefined && apiKey !== undefined) {
      throw unauthenticated('Send one credential: Authorization or X-API-Key, not both.', true);
    }
    let credential: string;
    if (authorization !== undefined) {
      const m = /^Bearer +(\S+) *$/i.exec(authorization);
      if (!m) throw unauthenticated('The Authorization header must be "Bearer <token>" (a JWT or an API key).', true);
      credential = m[1]!;
    } else {
      credential = apiKey!.trim();
      if (!isApiKeyShaped(credential)) throw unauthenticated('X-API-Key carries an API key of this server (igk_...); a JWT goes in Authorization: Bearer.', true);
    }
    if (credential.length > MAX_CREDENTIAL) throw unauthenticated(`The credential is longer than ${MAX_CREDENTIAL} characters.`, true);
    return credential;
  }

  private async bearerJwt(token: string): Promise<Actor> {
    if (!this.jwt) {
      throw unauthenticated('This server accepts no bearer JWTs (no identity provider is configured): use an API key, or ask the operator.', true);
    }
    return this.jwt.verify(token);
  }

  private async apiKey(key: string, stats?: QueryStats): Promise<Actor> {
    try {
      return await verifyApiKey(this.graph, key, stats);
    } catch (e) {
      if (e instanceof GraphQLError) throw e;
      // Neo4j could not say whether the key is valid: the request is not run, and the client may retry.
      const fault = databaseFault(e);
      if (!fault) throw e;
      const headers = new Map(fault.retryAfter ? [['retry-after', String(fault.retryAfter)]] : []);
      throw new GraphQLError(fault.message, { extensions: { code: fault.code, http: { status: 503, headers } } });
    }
  }
}
