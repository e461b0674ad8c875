import { describe, expect, it } from 'vitest';
import { gql } from '../support/api.js';

// The server counts every query it sends through the driver and reports it in
// extensions.neo4j.queries: these are real round trips to the real Neo4j.
describe('batching: one Neo4j query per nesting level, never one per item', () => {
  it('lists N incidents with their companies in 2 queries', async () => {
    const r = await gql('{ incidents(first: 100) { edges { node { id company { id name } } } } }');
    expect(r.errors).toBeUndefined();
    const n = r.data.incidents.edges.length;
    expect(n).toBeGreaterThanOrEqual(7);
    expect(r.data.incidents.edges.every((e: any) => e.node.company?.id)).toBe(true);
    expect(r.extensions!.neo4j!.queries).toBe(2);
  });

  it('walks incidents -> investigations -> authorities -> fines -> company in one query per level', async () => {
    const r = await gql(`{
      incidents(first: 100) { edges { node { id
        investigations { id
          authorities { id
            finesImposed { id
              company { id name } } } } } } } }`);
    expect(r.errors).toBeUndefined();
    const fines = new Set<string>();
    for (const e of r.data.incidents.edges) for (const inv of e.node.investigations) for (const a of inv.authorities) for (const f of a.finesImposed) fines.add(f.id);
    expect(fines.has('skt-pipc-fine-2025')).toBe(true);
    // incidents page, investigations, authorities, fines, companies
    expect(r.extensions!.neo4j!.queries).toBe(5);
  });

  it('shares one loader between fields reading the same relationship', async () => {
    const r = await gql('{ incidents(first: 100) { edges { node { exposedData { id } notExposedData { id } estimates { id } accountsAffected { id } } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.extensions!.neo4j!.queries).toBe(3);
  });
});
