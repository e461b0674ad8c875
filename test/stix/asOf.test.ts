import { describe, expect, it } from 'vitest';
import { baseUrl, gql } from '../support/api.js';

// An incident's STIX bundle as known on a day (Query.stixBundle(asOf:), GET /stix/incidents/{id}?asOf=):
// the Coupang breach on 25 November 2025 (docs/analysts.md "As known on a day"), before the revised
// 33.7 million of 30 November and before Dong-A Ilbo's report of 1 December.
const COUPANG = 'coupang-breach-2025';

describe('STIX bundles as known on a day', () => {
  it('leaves out what became known later, and keeps what was known', async () => {
    const r = await gql(`query($id: ID!) { then: stixBundle(incidentId: $id, asOf: "2025-11-25") now: stixBundle(incidentId: $id) }`, { id: COUPANG });
    expect(r.errors).toBeUndefined();
    const then = r.data.then as string;
    const now = r.data.now as string;
    expect(now).toContain('33700000');
    expect(now).toContain('https://www.donga.com/en/article/all/20251201/5989531/1');
    expect(then).not.toContain('33700000');
    expect(then).not.toContain('https://www.donga.com/en/article/all/20251201/5989531/1');
    expect(then).toContain('4500');
    expect(JSON.parse(then).objects.length).toBeLessThan(JSON.parse(now).objects.length);
  });

  it('over HTTP the same, and a bad or future day is 400; an incident not yet known is BAD_USER_INPUT in GraphQL, 404 over HTTP', async () => {
    const http = await fetch(`${baseUrl()}/stix/incidents/${COUPANG}?asOf=2025-11-25`);
    expect(http.status).toBe(200);
    const body = await http.text();
    const gq = await gql(`{ stixBundle(incidentId: "${COUPANG}", asOf: "2025-11-25") }`);
    expect(JSON.parse(body)).toEqual(JSON.parse(gq.data.stixBundle));
    for (const day of ['2025-13', '2999-01-01']) {
      const bad = await fetch(`${baseUrl()}/stix/incidents/${COUPANG}?asOf=${day}`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
    expect((await fetch(`${baseUrl()}/stix/incidents/${COUPANG}?asOf=2025-11-18`)).status).toBe(404);
    const early = await gql(`{ stixBundle(incidentId: "${COUPANG}", asOf: "2025-11-18") }`);
    expect(early.data).toEqual({ stixBundle: null });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'incidentId', knownOn: '2025-11-19' });
  });

  it('as recorded at an instant: the same bundle over HTTP (?recordedAsOf=) as in GraphQL; an instant it cannot answer is 400', async () => {
    const at = new Date().toISOString();
    const gq = await gql(`query($r: String) { stixBundle(incidentId: "${COUPANG}", recordedAsOf: $r) }`, { r: at });
    expect(gq.errors).toBeUndefined();
    const http = await fetch(`${baseUrl()}/stix/incidents/${COUPANG}?recordedAsOf=${encodeURIComponent(at)}`);
    expect(http.status).toBe(200);
    expect(JSON.parse(await http.text())).toEqual(JSON.parse(gq.data.stixBundle));
    for (const [instant, says] of [['2025-11-25', /ISO 8601 date-time/], ['1970-01-01T00:00:00Z', /before this graph recorded anything/]] as const) {
      const bad = await fetch(`${baseUrl()}/stix/incidents/${COUPANG}?recordedAsOf=${encodeURIComponent(instant)}`);
      expect(bad.status).toBe(400);
      const error = ((await bad.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]!;
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(says);
    }
  });
});
