import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, cypher, inProcess, RUN } from './fixtures.js';

// A search as known on a day whose page the index's first hits cannot settle: 80 publishers of
// one name tie on score, so the page is ordered by id among all of them. Written in the reverse
// order of their ids, the index gives them last-written first: the known hits with the smallest
// ids come far below the first few the read tests, and are found only by testing the hits that
// tie with the page's last (cypher/search/hits.cypher).

let api: Awaited<ReturnType<typeof inProcess>>;
const word = `qz${RUN.slice(-6)}`;
const ids = Array.from({ length: 80 }, (_, i) => `${RUN}-tie-${String(i).padStart(2, '0')}`);
// Every tenth known in January 2025 (too few among the first hits: every hit is tested), every
// third by June (enough: only the ties of the page's last are), the rest later, a few never dated.
const knownOn = (i: number) => (i % 10 === 0 ? '2025-01-10' : i % 7 === 6 ? null : i % 3 === 0 ? '2025-03-01' : '2025-09-01');

beforeAll(async () => {
  api = await inProcess();
  for (const i of [...ids.keys()].reverse()) {
    await cypher(`CREATE (:Publisher:Entity {id: $id, name: $name, aliases: [], knownOn: $knownOn})`, { id: ids[i], name: `${word} press`, knownOn: knownOn(i) });
  }
});

afterAll(async () => {
  await cleanUp();
  await api.close();
});

describe('search as known on a day, with ties past the first hits', () => {
  it('each page holds the known hits in id order, found as written, the same as testing every hit', async () => {
    for (const day of ['2025-01-31', '2025-06-30', '2025-12-31']) {
      const known = ids.filter((_, i) => knownOn(i) !== null && knownOn(i)! <= day);
      for (const first of [1, 5, 9, 20]) {
        const r = await api.run(`query($q: String!, $d: PartialDateString, $n: Int) { search(query: $q, first: $n, asOf: $d) { edges { score node { ... on Publisher { id } } } } }`,
          { q: word, d: day, n: first });
        expect(r.errors).toBeUndefined();
        expect(r.data!.search.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(known.slice(0, first));
        // Found as written (an exact hit scores above 1), not left to the forgiving query's prefixes.
        for (const e of r.data!.search.edges) expect(e.score).toBeGreaterThan(1);
      }
    }
  });
});
