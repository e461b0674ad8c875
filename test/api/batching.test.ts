import { describe, expect, it } from 'vitest';
import { gql } from '../support/api.js';

// The server counts every query it sends through the driver and reports it in
// extensions.neo4j.queries: these are real round trips to the real Neo4j.
describe('no N+1: one Neo4j query whatever the number of items', () => {
  it('lists N incidents with their companies in one query', async () => {
    const r = await gql('{ incidents(first: 100) { edges { node { id company { id name } } } } }');
    expect(r.errors).toBeUndefined();
    const n = r.data.incidents.edges.length;
    expect(n).toBeGreaterThanOrEqual(7);
    expect(r.data.incidents.edges.every((e: any) => e.node.company?.id)).toBe(true);
    expect(r.extensions!.neo4j!.queries).toBe(1);
  });

  it('walks incidents -> investigations -> authorities -> fines -> company in one query', async () => {
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
    // the page and every level under it: one compiled query
    expect(r.extensions!.neo4j!.queries).toBe(1);
  });

  it('reads several relationships of each item in the same query', async () => {
    const r = await gql('{ incidents(first: 100) { edges { node { exposedData { id } notExposedData { id } estimates { id } accountsAffected { id } } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.extensions!.neo4j!.queries).toBe(1);
  });
});

describe('one Neo4j query per request', () => {
  it('every IDE example costs one Neo4j query, however deep it nests', async () => {
    const { loadExamples } = await import('../../src/server/ide.js');
    for (const { name, query } of loadExamples()) {
      const r = await gql(query);
      expect(r.errors, name).toBeUndefined();
      expect(r.extensions!.neo4j!.queries, name).toBe(1);
    }
  });

  it('search hits come with their relationships in the same query', async () => {
    const r = await gql('{ search(query: "breach", types: [INCIDENT], first: 20) { edges { node { ... on Incident { id company { id } investigations { id } } } } } }');
    expect(r.errors).toBeUndefined();
    const hits = r.data.search.edges.length;
    expect(hits).toBeGreaterThan(2);
    expect(r.data.search.edges.every((e: any) => e.node.company?.id)).toBe(true);
    // The search with its hits' relationships compiled in: one query whatever the number of hits.
    expect(r.extensions!.neo4j!.queries).toBe(1);
  });

  it('relationship values under aliases with different arguments stay apart', async () => {
    const r = await gql(`{ incident(id: "coupang-breach-2025") {
      one: relatedIncidents(first: 1) { incident { id } }
      three: relatedIncidents(first: 3) { incident { id title } }
      c1: company { id } c2: company { name } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.incident.one).toHaveLength(1);
    expect(r.data.incident.three).toHaveLength(3);
    expect(r.data.incident.three[0].incident.id).toBe(r.data.incident.one[0].incident.id);
    expect(r.data.incident.c1).toEqual({ id: 'coupang' });
    expect(r.data.incident.c2).toEqual({ name: 'Coupang' });
    expect(r.extensions!.neo4j!.queries).toBe(1);
  });

  it('nodes inside a path get their relationships from one batched query per field', async () => {
    const r = await gql(`{ paths(from: "coupang", to: "sk-telecom", maxHops: 5, relationshipTypes: [AFFECTED, INTO, CONDUCTS, IMPOSED, AGAINST]) {
      nodes { id ... on Company { incidents { id } } } } }`);
    expect(r.errors).toBeUndefined();
    const companies = r.data.paths.flatMap((p: any) => p.nodes).filter((n: any) => n.incidents);
    expect(companies.find((c: any) => c.id === 'coupang').incidents.map((i: any) => i.id)).toContain('coupang-breach-2025');
    expect(r.extensions!.neo4j!.queries).toBe(2);
  });
});
