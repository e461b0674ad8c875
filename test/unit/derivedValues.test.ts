import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A curated write chooses the derived values of what it touched again (cypher/write/refresh.cypher)
// by the same rules as a full run of seeds/99-derived-values.cypher: every body of the seed file
// is in the write's query word for word, so the two cannot drift apart.
const seed = readFileSync(new URL('../../seeds/99-derived-values.cypher', import.meta.url), 'utf8');
const refresh = readFileSync(new URL('../../cypher/write/refresh.cypher', import.meta.url), 'utf8');

/** Each `MATCH ...\nCALL (vars) {<body>} IN CONCURRENT TRANSACTIONS` of the seed file: its MATCH line and body. */
function bodies(text: string): { match: string; body: string }[] {
  const out: { match: string; body: string }[] = [];
  for (const part of text.split(/\} IN CONCURRENT TRANSACTIONS OF \d+ ROWS;/)) {
    const m = /\n(MATCH [^\n]*)\nCALL \([a-z, ]+\) \{/.exec(part);
    if (m) out.push({ match: m[1]!, body: part.slice(m.index + m[0].length) });
  }
  return out;
}

describe('the derived values a curated write chooses again', () => {
  const all = bodies(seed);

  it('the seed file has the blocks this test expects (best values, fines, newest fines, sort keys, search text, categories)', () => {
    expect(all.map((b) => b.match)).toEqual(expect.arrayContaining([
      'MATCH (i:Incident)', 'MATCH (f:Fine)', 'MATCH (a:Authority)', 'MATCH (n:Statement|Event)', 'MATCH (d:DataCategory)',
    ]));
    expect(all.length).toBeGreaterThanOrEqual(14);
  });

  it.each(bodies(seed).map((b, k) => [k, b.match, b.body] as const))('block %i (%s) is in cypher/write/refresh.cypher word for word', (_k, match, body) => {
    expect(refresh).toContain(`// ${match}\n`);
    expect(refresh).toContain(body);
  });
});
