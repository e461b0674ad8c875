import { forbidden, unauthenticated } from '../auth/errors.js';
import { atLeast, type Role } from '../auth/roles.js';
import type { Context } from '../read/context.js';

/** Who a change is recorded as: the identity's subject and role, and its token's or API key's id. */
export interface Curator {
  subject: string;
  role: string;
  tokenId: string | null;
}

/**
 * The request's actor (ctx.actor, verified by src/auth/) as a change records it. The
 * `@requires(role: curator)` of each mutation has already refused anyone else before anything
 * ran (src/auth/plugin.ts); this holds a resolver to the same rule when it is run some other way,
 * so nothing is ever written without someone to record.
 */
export function curatorOf(ctx: Context, coordinate: string, role: Role = 'curator'): Curator {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated(`${coordinate} needs an identity with the role ${role}: send Authorization: Bearer <token> (a JWT or an API key) or X-API-Key.`, false);
  if (!atLeast(actor.role, role)) throw forbidden(role, actor.role, coordinate);
  return { subject: actor.subject, role: actor.role!, tokenId: actor.tokenId ?? actor.keyId ?? null };
}
