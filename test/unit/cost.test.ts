import { buildSchema, parse, validate, specifiedRules } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BENCH_QUERIES } from '../../bench/queries.js';
import { COST_LIMIT, queryCost } from '../../src/server/cost.js';
import { loadExamples } from '../../src/server/ide.js';
import { queryLimits } from '../../src/server/limits.js';
import { loadTypeDefs } from '../../src/modules/schema.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const cost = (query: string, variables?: Record<string, unknown>) => queryCost(schema, parse(query), variables, undefined);
const HOSTILE_NEIGHBOURHOOD = 'neighbourhood(id: "KR", depth: 3, limit: 1000) { nodes { id } relationships { type from to } }';

describe('query cost: what a query can return', () => {
  it('every IDE example and benchmark query passes every query limit', () => {
    const { validationRules } = queryLimits();
    const queries = [...loadExamples().map((e) => [e.name, e.query]), ...Object.entries(BENCH_QUERIES).map(([n, q]) => [n, q.query])];
    for (const [name, query] of queries) {
      expect(validate(schema, parse(query!), [...specifiedRules, ...validationRules]), name).toEqual([]);
      expect(cost(query!), name).toBeLessThanOrEqual(COST_LIMIT);
    }
  });

  it('29 aliases of a depth-3, 1,000-relationship neighbourhood are over the limit; one is not', () => {
    expect(cost(`{ ${HOSTILE_NEIGHBOURHOOD} }`)).toBeLessThan(COST_LIMIT);
    expect(cost(`{ ${Array.from({ length: 29 }, (_, i) => `a${i}: ${HOSTILE_NEIGHBOURHOOD}`).join(' ')} }`)).toBeGreaterThan(COST_LIMIT);
  });

  it('first, last, limit and depth multiply what is under them', () => {
    const page = (n: number) => cost(`{ incidents(first: ${n}) { edges { node { id title } } } }`);
    expect(page(40)).toBe(2 * page(20));
    expect(cost('{ incidents { edges { node { id title } } } }')).toBe(page(20));
    expect(cost('{ incidents(last: 40) { edges { node { id title } } } }')).toBe(page(40));
    // Past the resolvers' maximum the resolver refuses: the cost counts what can be returned.
    expect(page(1000)).toBe(page(100));
    const nb = (depth: number, limit: number) => cost(`{ neighbourhood(id: "KR", depth: ${depth}, limit: ${limit}) { nodes { id } } }`);
    expect(nb(2, 100)).toBe(2 * nb(1, 100));
    expect(nb(1, 200)).toBe(2 * nb(1, 100));
    const related = (n: number) => cost(`{ incident(id: "x") { relatedIncidents(first: ${n}) { incident { id } } } }`);
    expect(related(40) - related(20)).toBeGreaterThan(0);
    expect(cost('{ paths(from: "a", to: "b", first: 10, maxHops: 6) { length } }')).toBe(2 * cost('{ paths(from: "a", to: "b", first: 5, maxHops: 6) { length } }'));
  });

  it('a list without arguments multiplies by its assumed size; nested lists multiply', () => {
    const one = cost('{ incident(id: "x") { id } }');
    const sources = cost('{ incident(id: "x") { sources { attribution } } }');
    const nested = cost('{ incident(id: "x") { sources { source { supports { id } } } } }');
    expect(sources).toBeGreaterThan(one);
    expect(nested).toBeGreaterThan(10 * sources);
  });

  it('variables size lists as literals do', () => {
    expect(cost('query($n: Int) { incidents(first: $n) { edges { node { id } } } }', { n: 40 }))
      .toBe(cost('{ incidents(first: 40) { edges { node { id } } } }'));
  });

  it('every alias counts, __typename included', () => {
    expect(cost('{ __typename }')).toBe(1);
    expect(cost(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`)).toBe(1000);
    expect(cost('{ a: incident(id: "x") { id } b: incident(id: "y") { id } }')).toBe(2 * cost('{ incident(id: "x") { id } }'));
  });
});
