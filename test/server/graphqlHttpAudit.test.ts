import { serverAudits } from 'graphql-http';
import { describe, expect, inject, it } from 'vitest';

/**
 * The GraphQL-over-HTTP conformance audit of the graphql-http package, against the suite's
 * server: every MUST and every SHOULD passes (the MAYs are optional and left out).
 */
const audits = serverAudits({ url: () => inject('apiUrl') });
const required = audits.filter((a) => /^(MUST|SHOULD)\b/.test(a.name));

describe('graphql-http server audit', () => {
  it('has 13 MUST and 23 SHOULD audits', () => {
    expect(required.filter((a) => a.name.startsWith('MUST')).length).toBe(13);
    expect(required.filter((a) => a.name.startsWith('SHOULD')).length).toBe(23);
  });

  for (const audit of required) {
    it(`${audit.id}: ${audit.name}`, async () => {
      const result = await audit.fn();
      const detail = result.status === 'ok' ? '' : `${result.reason}: ${result.response.status} ${await result.response.text().catch(() => '')}`;
      expect(result.status, detail).toBe('ok');
    });
  }
});
