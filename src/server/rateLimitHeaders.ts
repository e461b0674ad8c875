/**
 * A client's Neo4j-time budget (src/server/clientLimit.ts) in the words of Shopify's
 * `extensions.cost.throttleStatus`: milliseconds of Neo4j time, and milliseconds earned a second.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** The policy's name in RateLimit-Policy and RateLimit. */
export const POLICY = 'neo4j-time';

/**
 * The budget as the IETF draft's fields (draft-ietf-httpapi-ratelimit-headers-10): the policy,
 * `q` milliseconds of Neo4j time (`qu`, not one of the draft's registered units) over a window of
 * `w` seconds, the time an empty budget takes to fill; and what is left, `r`, with `t` the
 * seconds until the budget is full again. Structured-field lists, one policy.
 */
export function rateLimitHeaders(s: ThrottleStatus): [string, string][] {
  const window = Math.ceil(s.maximumAvailable / s.restoreRate);
  const full = Math.ceil(Math.max(0, s.maximumAvailable - s.currentlyAvailable) / s.restoreRate);
  return [
    ['RateLimit-Policy', `"${POLICY}";q=${s.maximumAvailable};qu="neo4j-ms";w=${window}`],
    ['RateLimit', `"${POLICY}";r=${s.currentlyAvailable};t=${full}`],
  ];
}
