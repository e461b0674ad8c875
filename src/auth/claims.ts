import { highestRole } from './roles.js';
import type { Role } from './roles.js';

/**
 * The value at `path` in a token's claims: the claim of that exact name when there is one (a
 * namespaced claim such as `https://example.com/roles` has dots of its own), else the dotted
 * path walked from the top (`realm_access.roles`: Keycloak's realm roles).
 */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The highest role of this API a token holds: its roles claim is an array of names, or a string
 * of one name or several separated by spaces or commas (as `scope` is). Names this API does not
 * know are ignored; none known: no role.
 */
export function roleFromClaims(claims: Record<string, unknown>, path: string): Role | undefined {
  const value = claimAt(claims, path);
  if (typeof value === 'string') return highestRole(value.split(/[\s,]+/));
  if (Array.isArray(value)) return highestRole(value);
  return undefined;
}
