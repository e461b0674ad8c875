/**
 * The roles of this API, least to most: each can do what the ones before it can. `reader` reads
 * (needed only with READ_ACCESS=authenticated: reads are public by default), `curator` writes
 * facts and sources, `admin` does everything, API keys included. The same names are the values
 * of the `Role` enum of schema/common.graphql and of `@requires(role: ...)`.
 */
export const ROLES = ['reader', 'curator', 'admin'] as const;

export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { reader: 1, curator: 2, admin: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}

/** Whether `held` (none: an identity without a role of this API) is at least `required`. */
export function atLeast(held: Role | undefined, required: Role): boolean {
  return held !== undefined && RANK[held] >= RANK[required];
}

/** The higher of two roles (either may be absent). */
export function higher(a: Role | undefined, b: Role | undefined): Role | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

/** The highest role of this API among `names` (names it does not know are ignored). */
export function highestRole(names: Iterable<unknown>): Role | undefined {
  let best: Role | undefined;
  for (const n of names) if (isRole(n)) best = higher(best, n);
  return best;
}
