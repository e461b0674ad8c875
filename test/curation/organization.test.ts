import { graphql, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createContext } from '../../src/server/context.js';
import { buildApiSchema } from '../../src/server/executableSchema.js';
import { neo4jEnv } from '../support/api.js';
import { cleanUp, cypher, db, fixtures, inProcess, RUN, testUrl } from './fixtures.js';

// Companies, authorities and people this file creates are named after RUN (so their ids start
// with it and cleanUp() removes them) and, but for one test that checks the country rule, have no
// country: a seeded country's companies, authorities and incidents are counted by other files.
const CURATOR = { subject: `${RUN}-organizer`, role: 'curator', tokenId: `${RUN}-token-org` };
/** A word no seeded text has, for search. */
const WORD = `qz${RUN.slice(-6)}x`;

let api: Awaited<ReturnType<typeof inProcess>>;
let publisher: string;
let source: string;

const CREATE_COMPANY = `mutation($input: CreateCompanyInput!) { createCompany(input: $input) {
  company { id name aliases sector description country { id } sources { source { id } attribution } }
  change { id operation actor { subject } entities sources { id } properties { entity property before after } } } }`;
const CREATE_AUTHORITY = `mutation($input: CreateAuthorityInput!) { createAuthority(input: $input) {
  authority { id name aliases kind country { id } parent { id } sources { source { id } } }
  change { id operation entities } } }`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) {
  person { id name aliases description nationality { id } sources { source { id } } }
  change { id operation entities } } }`;
const ADD_POSITION = `mutation($input: AddPositionInput!) { addPosition(input: $input) {
  position { id title acting since { iso } until { iso } person { id } organization { ... on Company { id } ... on Authority { id } } sources { source { id } } }
  change { id operation entities } } }`;

const changes = async () => (await cypher<{ n: number }>('MATCH (c:Change) RETURN count(c) AS n'))[0]!.n;

beforeAll(async () => {
  api = await inProcess();
  ({ publisher } = await fixtures('organization'));
  const s = await api.run('mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }',
    { input: { url: testUrl('organization'), title: 'Organization source', publisher } }, CURATOR);
  expect(s.errors).toBeUndefined();
  source = s.data.addSource.source.id;
});

afterAll(async () => {
  await cleanUp();
  await api.close();
});

async function company(name: string, extra: Record<string, unknown> = {}) {
  const r = await api.run(CREATE_COMPANY, { input: { name, sources: [{ id: source }], ...extra } }, CURATOR);
  expect(r.errors).toBeUndefined();
  return r.data.createCompany;
}

describe('createCompany', () => {
  it('creates a company with its sources and a change; lookups, search, the sorted list and history find it', async () => {
    const sector = `${RUN} sector`;
    const c = await company(`${RUN} ${WORD} Logistics`, {
      aliases: [`${RUN} 큐지 물류`, `${RUN} QZ Logistics`, `${RUN} QZ Logistics`], sector, description: 'A logistics company of the test.',
      sources: [{ id: source, attribution: 'the test says', about: ['name'] }],
    });
    expect(c.company).toMatchObject({
      name: `${RUN} ${WORD} Logistics`, aliases: [`${RUN} 큐지 물류`, `${RUN} QZ Logistics`], sector, description: 'A logistics company of the test.', country: null,
      sources: [{ source: { id: source }, attribution: 'the test says' }],
    });
    expect(c.company.id.startsWith(`${RUN}-${WORD}-logistics-`)).toBe(true);
    expect(c.change).toMatchObject({ operation: 'CREATE_COMPANY', actor: { subject: CURATOR.subject }, entities: [c.company.id], sources: [{ id: source }] });
    expect(c.change.properties).toContainEqual({ entity: c.company.id, property: 'name', before: null, after: JSON.stringify(`${RUN} ${WORD} Logistics`) });

    const read = await api.run('query($id: ID!) { company(id: $id) { id name sector } node(id: $id) { id } }', { id: c.company.id });
    expect(read.data).toEqual({ company: { id: c.company.id, name: `${RUN} ${WORD} Logistics`, sector }, node: { id: c.company.id } });
    const found = await api.run('query($q: String!) { search(query: $q, types: [COMPANY]) { edges { node { ... on Company { id } } } } }', { q: WORD });
    expect(found.errors).toBeUndefined();
    expect(found.data.search.edges.map((e: any) => e.node.id)).toContain(c.company.id);
    // The sort key is set in the write: in the list by name, "a..." before it and "Z..." after, whatever their case.
    const a = await company(`${RUN} aardvark`, { sector });
    const z = await company(`${RUN} Zebra`, { sector });
    const list = await api.run('query($sector: String!) { companies(filter: { sector: $sector }, orderBy: [{ field: NAME }]) { totalCount edges { node { id } } } }', { sector });
    expect(list.errors).toBeUndefined();
    expect(list.data.companies.edges.map((e: any) => e.node.id)).toEqual([a.company.id, c.company.id, z.company.id]);
    const history = await api.run('query($id: ID!) { history(id: $id) { edges { node { id operation } } } }', { id: c.company.id });
    expect(history.data.history.edges).toEqual([{ node: { id: c.change.id, operation: 'CREATE_COMPANY' } }]);
  });

  it('refuses a name that already names a company in the same country, compared as the importer compares names, and writes nothing', async () => {
    const before = await changes();
    // The seeded Coupang is in KR: "COUPANG Corp." is its name in another case with a legal form.
    const kr = await api.run(CREATE_COMPANY, { input: { name: 'COUPANG Corp.', country: 'KR', sources: [{ id: source }] } }, CURATOR);
    expect(kr.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', existing: 'coupang' });
    expect(kr.errors?.[0]?.message).toContain('"coupang" in KR');
    // The seeded Google has no country: a company without one named so is the same.
    const google = await api.run(CREATE_COMPANY, { input: { name: 'Google', sources: [{ id: source }] } }, CURATOR);
    expect(google.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', existing: 'google' });
    // An alias counts as a name, on either side: LG Uplus is also "LG U+".
    const alias = await api.run(CREATE_COMPANY, { input: { name: `${RUN} Other`, aliases: ['LG Uplus Corp.'], country: 'KR', sources: [{ id: source }] } }, CURATOR);
    expect(alias.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', existing: 'lg-uplus' });
    // One created here, then its name again in another case.
    const first = await company(`${RUN} Duplicate Test`);
    const second = await api.run(CREATE_COMPANY, { input: { name: `${RUN.toUpperCase()} duplicate test`, sources: [{ id: source }] } }, CURATOR);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', existing: first.company.id });
    expect(await changes()).toBe(before + 1);
    const [n] = await cypher<{ refused: number; google: number }>(`
      RETURN COUNT { (c:Company) WHERE c.name IN ['COUPANG Corp.', $upper, $other] } AS refused,
             COUNT { (g:Company) WHERE toLower(g.name) = 'google' } AS google`,
    { upper: `${RUN.toUpperCase()} duplicate test`, other: `${RUN} Other` });
    expect(n).toEqual({ refused: 0, google: 1 });
  });

  it('a company in a country: in the country\'s companies, and a name there is refused; in another country it is not', async () => {
    const c = await company(`${RUN} Country Test`, { country: 'KR' });
    try {
      expect(c.company.country).toEqual({ id: 'KR' });
      expect(c.change.entities).toEqual(['KR', c.company.id].sort());
      const kr = await api.run('{ country: node(id: "KR") { ... on Country { companies { id } } } }');
      expect(kr.data.country.companies.map((x: any) => x.id)).toContain(c.company.id);
      const again = await api.run(CREATE_COMPANY, { input: { name: `${RUN} country test`, country: 'KR', sources: [{ id: source }] } }, CURATOR);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', existing: c.company.id });
      const elsewhere = await api.run(CREATE_COMPANY, { input: { name: `${RUN} country test`, country: 'CN', sources: [{ id: source }] } }, CURATOR);
      expect(elsewhere.errors).toBeUndefined();
    } finally {
      // The links to KR and CN go with the companies (cleanUp), here at once: no other test sees them.
      await cypher('MATCH (c:Company)-[r:IN_COUNTRY]->() WHERE c.id STARTS WITH $run DELETE r', { run: RUN });
    }
  });

  it('refuses a company without a source, an unknown country or source, an empty or too long name: BAD_USER_INPUT naming the argument', async () => {
    const before = await changes();
    const none = await api.run(CREATE_COMPANY, { input: { name: `${RUN} No Source`, sources: [] } }, CURATOR);
    expect(none.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input' } });
    expect(none.errors?.[0]?.message).toContain('at least one source');
    const country = await api.run(CREATE_COMPANY, { input: { name: `${RUN} Unknown Country`, country: 'kr', sources: [{ id: source }] } }, CURATOR);
    expect(country.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', unknown: [{ argument: 'input.country', value: 'kr', suggestion: 'KR' }] });
    expect(country.errors?.[0]?.message).toContain('input.country: no country has the id "kr". Did you mean "KR"?');
    const unknownSource = await api.run(CREATE_COMPANY, { input: { name: `${RUN} Unknown Source`, sources: [{ id: `${RUN}-no-such-source` }] } }, CURATOR);
    expect(unknownSource.errors?.[0]?.message).toContain(`input.sources.id: no source has the id "${RUN}-no-such-source"`);
    const empty = await api.run(CREATE_COMPANY, { input: { name: '   ', sources: [{ id: source }] } }, CURATOR);
    expect(empty.errors?.[0]?.message).toBe('input.name must not be empty.');
    const long = await api.run(CREATE_COMPANY, { input: { name: 'x'.repeat(301), sources: [{ id: source }] } }, CURATOR);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxLength: 300 });
    const longId = await api.run(CREATE_COMPANY, { input: { name: `${RUN} Long Id`, country: 'K'.repeat(201), sources: [{ id: source }] } }, CURATOR);
    expect(longId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxLength: 200 });
    const reader = await api.run(CREATE_COMPANY, { input: { name: `${RUN} Reader`, sources: [{ id: source }] } }, { subject: 'r', role: 'reader' });
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await changes()).toBe(before);
  });
});

describe('createCompany sent again with an Idempotency-Key', () => {
  it('returns the first company (under the id it was given then) and writes nothing; other arguments with the key are refused', async () => {
    const database = await openDatabase(loadConfig({ ...process.env, ...neo4jEnv(), NEO4J_DATABASE: db() }), createLogger('warn', 'json'));
    const schema = buildApiSchema();
    const key = `${RUN}-key-1`;
    const send = (name: string) => graphql({ schema, source: CREATE_COMPANY, variableValues: { input: { name, sources: [{ id: source }] } },
      contextValue: createContext(database.graph, undefined, CURATOR as any, key) }) as Promise<ExecutionResult<any>>;
    try {
      const first = await send(`${RUN} Retried`);
      expect(first.errors).toBeUndefined();
      const before = await changes();
      const again = await send(`${RUN} Retried`);
      expect(again.errors).toBeUndefined();
      expect(again.data.createCompany.company.id).toBe(first.data.createCompany.company.id);
      expect(again.data.createCompany.change.id).toBe(first.data.createCompany.change.id);
      expect(await changes()).toBe(before);
      const other = await send(`${RUN} Retried Otherwise`);
      expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'Idempotency-Key' });
    } finally {
      await cypher('MATCH (k:IdempotencyKey {change: $c}) DELETE k', { c: (await cypher<{ c: string }>('MATCH (c:Company {name: $n})<-[:CHANGED]-(ch:Change) RETURN ch.id AS c', { n: `${RUN} Retried` }))[0]?.c ?? '' });
      await database.close();
    }
  });
});

describe('createAuthority', () => {
  it('creates an authority under a parent; the parent rule names the argument; a duplicate name is refused', async () => {
    const r = await api.run(CREATE_AUTHORITY, { input: {
      name: `${RUN} ${WORD} Cyber Unit`, aliases: [`${RUN} QCU`], kind: 'LAW_ENFORCEMENT', parent: 'korean-national-police-agency', sources: [{ id: source }],
    } }, CURATOR);
    expect(r.errors).toBeUndefined();
    const a = r.data.createAuthority;
    try {
      expect(a.authority).toMatchObject({ name: `${RUN} ${WORD} Cyber Unit`, aliases: [`${RUN} QCU`], kind: 'LAW_ENFORCEMENT', country: null,
        parent: { id: 'korean-national-police-agency' }, sources: [{ source: { id: source } }] });
      expect(a.change).toMatchObject({ operation: 'CREATE_AUTHORITY', entities: [a.authority.id, 'korean-national-police-agency'].sort() });
      const found = await api.run('query($q: String!) { search(query: $q, types: [AUTHORITY]) { edges { node { ... on Authority { id } } } } }', { q: WORD });
      expect(found.data.search.edges.map((e: any) => e.node.id)).toEqual([a.authority.id]);
      const read = await api.run('query($id: ID!) { authority(id: $id) { id kind parent { id } } }', { id: a.authority.id });
      expect(read.data.authority).toEqual({ id: a.authority.id, kind: 'LAW_ENFORCEMENT', parent: { id: 'korean-national-police-agency' } });

      const before = await changes();
      const dup = await api.run(CREATE_AUTHORITY, { input: { name: `${RUN} qcu`, kind: 'REGULATOR', sources: [{ id: source }] } }, CURATOR);
      expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', existing: a.authority.id });
      const parent = await api.run(CREATE_AUTHORITY, { input: { name: `${RUN} Orphan`, kind: 'REGULATOR', parent: 'coupang', sources: [{ id: source }] } }, CURATOR);
      expect(parent.errors?.[0]).toMatchObject({ message: 'input.parent: "coupang" is a company, not an authority.', extensions: { code: 'BAD_USER_INPUT', argumentName: 'input' } });
      const unknown = await api.run(CREATE_AUTHORITY, { input: { name: `${RUN} Orphan`, kind: 'REGULATOR', parent: 'PIPC', sources: [{ id: source }] } }, CURATOR);
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', unknown: [{ argument: 'input.parent', value: 'PIPC', suggestion: 'pipc' }] });
      const kind = await api.run(CREATE_AUTHORITY, { input: { name: `${RUN} Orphan`, kind: 'POLICE', sources: [{ id: source }] } }, CURATOR);
      expect(kind.errors?.[0]?.message).toMatch(/POLICE/);
      expect(await changes()).toBe(before);
    } finally {
      await cypher('MATCH (a:Authority)-[r:PART_OF]->() WHERE a.id STARTS WITH $run DELETE r', { run: RUN });
    }
  });
});

describe('createPerson and addPosition', () => {
  it('creates people and their positions; the person\'s and the organization\'s positions, people by organization (sorted by name), search and history show them', async () => {
    const org = await company(`${RUN} Employer`);
    const p = await api.run(CREATE_PERSON, { input: { name: `${RUN} ${WORD} Kim`, aliases: [`${RUN} 김`], sources: [{ id: source }] } }, CURATOR);
    expect(p.errors).toBeUndefined();
    const person = p.data.createPerson.person;
    expect(person).toMatchObject({ name: `${RUN} ${WORD} Kim`, aliases: [`${RUN} 김`], description: null, nationality: null, sources: [{ source: { id: source } }] });
    expect(p.data.createPerson.change).toMatchObject({ operation: 'CREATE_PERSON', entities: [person.id] });
    const unnamed = await api.run(CREATE_PERSON, { input: { description: `${RUN} an unnamed suspect`, sources: [{ id: source }] } }, CURATOR);
    expect(unnamed.errors).toBeUndefined();
    expect(unnamed.data.createPerson.person).toMatchObject({ name: null, description: `${RUN} an unnamed suspect` });
    const other = await api.run(CREATE_PERSON, { input: { name: `${RUN} ${WORD} Ahn`, sources: [{ id: source }] } }, CURATOR);
    const ahn = other.data.createPerson.person;

    const pos = await api.run(ADD_POSITION, { input: { person: person.id, organization: org.company.id, title: 'CEO', since: '2024-03', sources: [{ id: source }] } }, CURATOR);
    expect(pos.errors).toBeUndefined();
    const position = pos.data.addPosition.position;
    expect(position).toMatchObject({ title: 'CEO', acting: false, since: { iso: '2024-03' }, until: null, person: { id: person.id },
      organization: { id: org.company.id }, sources: [{ source: { id: source } }] });
    expect(position.id.startsWith(person.id)).toBe(true);
    expect(pos.data.addPosition.change).toMatchObject({ operation: 'ADD_POSITION', entities: [person.id, org.company.id, position.id].sort() });
    const acting = await api.run(ADD_POSITION, { input: { person: ahn.id, organization: org.company.id, title: 'Chairman', acting: true, sources: [{ id: source }] } }, CURATOR);
    expect(acting.errors).toBeUndefined();
    // A position at a seeded authority: the authority's positions show it (removed by cleanUp with the position).
    const atPipc = await api.run(ADD_POSITION, { input: { person: ahn.id, organization: 'pipc', title: 'Adviser', since: '2020', until: '2023-06', sources: [{ id: source }] } }, CURATOR);
    expect(atPipc.errors).toBeUndefined();

    const read = await api.run(`query($p: ID!, $c: ID!, $org: ID!) {
      person(id: $p) { positions { id title organization { ... on Company { id } } } }
      company(id: $c) { positions { id person { id } } }
      people(filter: { organization: $org }, orderBy: [{ field: NAME }]) { edges { node { id } } }
      pipc: authority(id: "pipc") { positions { id } }
    }`, { p: person.id, c: org.company.id, org: org.company.id });
    expect(read.errors).toBeUndefined();
    expect(read.data.person.positions).toEqual([{ id: position.id, title: 'CEO', organization: { id: org.company.id } }]);
    expect(read.data.company.positions.map((x: any) => x.person.id).sort()).toEqual([person.id, ahn.id].sort());
    // By name: "... Ahn" before "... Kim".
    expect(read.data.people.edges.map((e: any) => e.node.id)).toEqual([ahn.id, person.id]);
    expect(read.data.pipc.positions.map((x: any) => x.id)).toContain(atPipc.data.addPosition.position.id);
    const found = await api.run('query($q: String!) { search(query: $q, types: [PERSON]) { edges { node { ... on Person { id } } } } }', { q: WORD });
    expect(found.data.search.edges.map((e: any) => e.node.id).sort()).toEqual([person.id, ahn.id].sort());
    const history = await api.run('query($id: ID!) { history(id: $id) { edges { node { operation } } } }', { id: person.id });
    expect(history.data.history.edges).toEqual([{ node: { operation: 'ADD_POSITION' } }, { node: { operation: 'CREATE_PERSON' } }]);
    // Its id comes from the words of its description, as the seeds' "coupang-breach-2025-suspect".
    expect(unnamed.data.createPerson.person.id.startsWith(`${RUN}-an-unnamed-suspect-`)).toBe(true);
  });

  it('refuses a person with neither name nor description, an unknown nationality, a position naming an unknown or wrong node, dates out of order, or without a source', async () => {
    const person = (await api.run(CREATE_PERSON, { input: { name: `${RUN} Refused`, sources: [{ id: source }] } }, CURATOR)).data.createPerson.person;
    const before = await changes();
    const nameless = await api.run(CREATE_PERSON, { input: { aliases: [], sources: [{ id: source }] } }, CURATOR);
    expect(nameless.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nationality = await api.run(CREATE_PERSON, { input: { name: `${RUN} Nobody`, nationality: 'XX', sources: [{ id: source }] } }, CURATOR);
    expect(nationality.errors?.[0]?.message).toContain('input.nationality: no country has the id "XX"');
    const noPerson = await api.run(ADD_POSITION, { input: { person: `${RUN}-nobody`, organization: 'pipcc', title: 'CEO', sources: [{ id: source }] } }, CURATOR);
    expect(noPerson.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', unknown: [
      { argument: 'input.person', value: `${RUN}-nobody` }, { argument: 'input.organization', value: 'pipcc', suggestion: 'pipc' }] });
    expect(noPerson.errors?.[0]?.message).toContain('input.organization: no company or authority has the id "pipcc". Did you mean "pipc"?');
    const notOrg = await api.run(ADD_POSITION, { input: { person: person.id, organization: 'KR', title: 'CEO', sources: [{ id: source }] } }, CURATOR);
    expect(notOrg.errors?.[0]?.message).toBe('input.organization: "KR" is a country, not a company or an authority.');
    const order = await api.run(ADD_POSITION, { input: { person: person.id, organization: 'pipc', title: 'CEO', since: '2025', until: '2024-12', sources: [{ id: source }] } }, CURATOR);
    expect(order.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const date = await api.run(ADD_POSITION, { input: { person: person.id, organization: 'pipc', title: 'CEO', since: '2025-02-30', sources: [{ id: source }] } }, CURATOR);
    expect(date.errors?.[0]?.message).toMatch(/February 2025 has days 01 to 28/);
    const none = await api.run(ADD_POSITION, { input: { person: person.id, organization: 'pipc', title: 'CEO', sources: [] } }, CURATOR);
    expect(none.errors?.[0]?.message).toContain('at least one source');
    const title = await api.run(ADD_POSITION, { input: { person: person.id, organization: 'pipc', title: ' ', sources: [{ id: source }] } }, CURATOR);
    expect(title.errors?.[0]?.message).toBe('input.title must not be empty.');
    expect(await changes()).toBe(before);
    const [n] = await cypher<{ n: number }>('MATCH (:Person {id: $id})-[:HOLDS]->(p) RETURN count(p) AS n', { id: person.id });
    expect(n!.n).toBe(0);
  });
});
