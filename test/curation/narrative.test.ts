import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, cypher, fixtures, inProcess, RUN, testUrl } from './fixtures.js';

// Statements and events on this file's own incidents, by its own people and organizations (named
// after RUN, without a country): cleanUp() removes them all, and no seeded list other files count
// gains an item.
const CURATOR = { subject: `${RUN}-narrator`, role: 'curator', tokenId: `${RUN}-token-narrative` };
/** A word no seeded text has, for search. */
const WORD = `qn${RUN.slice(-6)}x`;

let api: Awaited<ReturnType<typeof inProcess>>;
let incident: string;
let other: string;
let source: string;
let company: string;
let authority: string;
let kim: string;
let ahn: string;

const ADD_STATEMENT = `mutation($input: AddStatementInput!) { addStatement(input: $input) {
  statement { id kind summary quote date { iso } reportedOn { iso } speaker { id } onBehalfOf { ... on Company { id } ... on Authority { id } }
    incident { id } sources { source { id } attribution about } }
  change { id operation actor { subject } entities sources { id } } } }`;
const ADD_EVENT = `mutation($input: AddEventInput!) { addEvent(input: $input) {
  event { id kind title description date { iso } reportedOn { iso } organizer { ... on Company { id } ... on Authority { id } } against { id }
    attendees { person { id } role } incidents { id } sources { source { id } } }
  change { id operation entities } } }`;

const changes = async () => (await cypher<{ n: number }>('MATCH (c:Change) RETURN count(c) AS n'))[0]!.n;

async function ok(query: string, input: Record<string, unknown>) {
  const r = await api.run(query, { input }, CURATOR);
  expect(r.errors).toBeUndefined();
  return r.data;
}

beforeAll(async () => {
  api = await inProcess();
  let publisher: string;
  ({ incident, publisher } = await fixtures('narrative'));
  ({ incident: other } = await fixtures('narrative-other'));
  source = (await ok('mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }',
    { url: testUrl('narrative'), title: 'Narrative source', publisher })).addSource.source.id;
  const sources = [{ id: source }];
  company = (await ok('mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } } }', { name: `${RUN} Narrative Retail`, sources })).createCompany.company.id;
  authority = (await ok('mutation($input: CreateAuthorityInput!) { createAuthority(input: $input) { authority { id } } }',
    { name: `${RUN} Narrative Commission`, kind: 'REGULATOR', sources })).createAuthority.authority.id;
  const person = async (name: string) => (await ok('mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id } } }', { name, sources })).createPerson.person.id as string;
  kim = await person(`${RUN} Kim`);
  ahn = await person(`${RUN} Ahn`);
});

afterAll(async () => {
  await cleanUp();
  await api.close();
});

describe('addStatement', () => {
  it('adds a statement by a person on behalf of a company; the incident\'s, the person\'s and the sorted list show it, search finds it, history lists it', async () => {
    const later = await ok(ADD_STATEMENT, {
      incident, speaker: kim, onBehalfOf: company, kind: 'APOLOGY', summary: `${RUN} The company apologised.`,
      quote: `We apologise for the ${WORD} incident.`, date: '2026-11-30', sources: [{ id: source, attribution: 'the CEO said', about: ['quote'] }],
    });
    const s = later.addStatement.statement;
    expect(s).toMatchObject({
      kind: 'APOLOGY', summary: `${RUN} The company apologised.`, quote: `We apologise for the ${WORD} incident.`, date: { iso: '2026-11-30' }, reportedOn: null,
      speaker: { id: kim }, onBehalfOf: { id: company }, incident: { id: incident },
      sources: [{ source: { id: source }, attribution: 'the CEO said', about: ['quote'] }],
    });
    expect(s.id.startsWith(`${incident}-`)).toBe(true);
    expect(later.addStatement.change).toMatchObject({ operation: 'ADD_STATEMENT', actor: { subject: CURATOR.subject }, sources: [{ id: source }] });
    expect(later.addStatement.change.entities).toEqual([company, incident, kim, s.id].sort());
    // An earlier one the source dates only by its own date (reportedOn), by an authority as a whole.
    const earlier = (await ok(ADD_STATEMENT, {
      incident, onBehalfOf: authority, kind: 'WARNING', summary: `${RUN} The commission warned of phishing.`, reportedOn: '2026-11', sources: [{ id: source }],
    })).addStatement.statement;
    expect(earlier).toMatchObject({ speaker: null, onBehalfOf: { id: authority }, reportedOn: { iso: '2026-11' }, date: null });

    const read = await api.run(`query($i: ID!, $p: ID!) {
      incident(id: $i) { statements(orderBy: OLDEST_FIRST) { id } }
      person(id: $p) { statements { id } }
      statements(filter: { incident: $i }, orderBy: [{ field: DATE, direction: DESC }]) { totalCount edges { node { id } } }
      byCompany: statements(filter: { organization: "${company}" }) { edges { node { id } } }
    }`, { i: incident, p: kim });
    expect(read.errors).toBeUndefined();
    expect(read.data.incident.statements.map((x: any) => x.id)).toEqual([earlier.id, s.id]);
    expect(read.data.person.statements.map((x: any) => x.id)).toEqual([s.id]);
    expect(read.data.statements.edges.map((e: any) => e.node.id)).toEqual([s.id, earlier.id]);
    expect(read.data.byCompany.edges.map((e: any) => e.node.id)).toEqual([s.id]);
    const found = await api.run('query($q: String!) { search(query: $q, types: [STATEMENT]) { edges { node { ... on Statement { id } } matchedFields } } }', { q: WORD });
    expect(found.errors).toBeUndefined();
    expect(found.data.search.edges).toEqual([{ node: { id: s.id }, matchedFields: ['quote'] }]);
    // The attribution joins the incident's search text in the same write.
    const byAttribution = await api.run('query($q: String!) { search(query: $q, types: [INCIDENT], first: 100) { edges { node { ... on Incident { id } } } } }', { q: 'the CEO said' });
    expect(byAttribution.data.search.edges.map((e: any) => e.node.id)).toContain(incident);
    const history = await api.run('query($id: ID!, $incident: ID!) { statement: history(id: $id) { edges { node { id operation } } } incident: history(id: $incident) { edges { node { id } } } }', { id: s.id, incident });
    expect(history.data.statement.edges).toEqual([{ node: { id: later.addStatement.change.id, operation: 'ADD_STATEMENT' } }]);
    expect(history.data.incident.edges.map((e: any) => e.node.id)).toContain(later.addStatement.change.id);
  });

  it('refuses a statement without a source, about an unknown incident, by a speaker that is no person, or reported before it was made; writes nothing', async () => {
    const before = await changes();
    const statement = { incident, kind: 'ASSESSMENT', summary: `${RUN} refused`, sources: [{ id: source }] };
    const none = await api.run(ADD_STATEMENT, { input: { ...statement, sources: [] } }, CURATOR);
    expect(none.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'input' } });
    expect(none.errors?.[0]?.message).toContain('at least one source');
    const unknown = await api.run(ADD_STATEMENT, { input: { ...statement, incident: `${incident}x`, onBehalfOf: 'PIPC' } }, CURATOR);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input', unknown: [
      { argument: 'input.incident', value: `${incident}x`, suggestion: incident }, { argument: 'input.onBehalfOf', value: 'PIPC', suggestion: 'pipc' }] });
    expect(unknown.errors?.[0]?.message).toContain(`input.incident: no incident has the id "${incident}x". Did you mean "${incident}"?`);
    const speaker = await api.run(ADD_STATEMENT, { input: { ...statement, speaker: company } }, CURATOR);
    expect(speaker.errors?.[0]?.message).toBe(`input.speaker: "${company}" is a company, not a person.`);
    const dates = await api.run(ADD_STATEMENT, { input: { ...statement, date: '2026-12', reportedOn: '2026-11-30' } }, CURATOR);
    expect(dates.errors?.[0]?.message).toMatch(/^input\.reportedOn: "2026-11-30" is before date/);
    const empty = await api.run(ADD_STATEMENT, { input: { ...statement, summary: '  ' } }, CURATOR);
    expect(empty.errors?.[0]?.message).toBe('input.summary must not be empty.');
    const long = await api.run(ADD_STATEMENT, { input: { ...statement, quote: 'x'.repeat(10_001) } }, CURATOR);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxLength: 10_000 });
    const kind = await api.run(ADD_STATEMENT, { input: { ...statement, kind: 'RUMOUR' } }, CURATOR);
    expect(kind.errors?.[0]?.message).toMatch(/RUMOUR/);
    const anonymous = await api.run(ADD_STATEMENT, { input: statement });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await changes()).toBe(before);
    const [n] = await cypher<{ n: number }>('MATCH (s:Statement) WHERE s.summary = $s RETURN count(s) AS n', { s: `${RUN} refused` });
    expect(n!.n).toBe(0);
  });
});

describe('addEvent', () => {
  it('adds an event on two incidents, organized by an authority, against a company, with attendees in order; every side reads it', async () => {
    const e = await ok(ADD_EVENT, {
      incidents: [incident, other], kind: 'MEETING', title: `${RUN} Emergency ${WORD} meeting`, description: 'On the breach.', date: '2026-12-01',
      organizer: authority, against: company,
      attendees: [{ person: kim, role: 'CEO of the retailer' }, { person: ahn }], sources: [{ id: source }],
    });
    const event = e.addEvent.event;
    expect(event).toMatchObject({
      kind: 'MEETING', title: `${RUN} Emergency ${WORD} meeting`, description: 'On the breach.', date: { iso: '2026-12-01' }, reportedOn: null,
      organizer: { id: authority }, against: { id: company },
      attendees: [{ person: { id: kim }, role: 'CEO of the retailer' }, { person: { id: ahn }, role: null }],
      incidents: [{ id: incident }, { id: other }].sort((a, b) => a.id.localeCompare(b.id)), sources: [{ source: { id: source } }],
    });
    expect(e.addEvent.change).toMatchObject({ operation: 'ADD_EVENT', entities: [ahn, authority, company, event.id, incident, kim, other].sort() });
    const earlier = (await ok(ADD_EVENT, { incidents: [incident], kind: 'REPORT_TO_AUTHORITY', title: `${RUN} Report`, reportedOn: '2026-11-29', organizer: company, sources: [{ id: source }] })).addEvent.event;

    const read = await api.run(`query($i: ID!, $o: ID!, $p: ID!) {
      incident(id: $i) { events(orderBy: NEWEST_FIRST) { id } }
      other: incident(id: $o) { events { id } }
      person(id: $p) { eventsAttended { event { id } role } }
      events(filter: { incident: $i }, orderBy: [{ field: DATE }]) { edges { node { id } } }
      attended: events(filter: { person: $p }) { edges { node { id } } }
    }`, { i: incident, o: other, p: kim });
    expect(read.errors).toBeUndefined();
    expect(read.data.incident.events.map((x: any) => x.id)).toEqual([event.id, earlier.id]);
    expect(read.data.other.events).toEqual([{ id: event.id }]);
    expect(read.data.person.eventsAttended).toEqual([{ event: { id: event.id }, role: 'CEO of the retailer' }]);
    expect(read.data.events.edges.map((x: any) => x.node.id)).toEqual([earlier.id, event.id]);
    expect(read.data.attended.edges.map((x: any) => x.node.id)).toEqual([event.id]);
    const found = await api.run('query($q: String!) { search(query: $q, types: [EVENT]) { edges { node { ... on Event { id } } } } }', { q: WORD });
    expect(found.data.search.edges.map((x: any) => x.node.id)).toEqual([event.id]);
    const history = await api.run('query($id: ID!) { history(id: $id) { edges { node { operation } } } }', { id: event.id });
    expect(history.data.history.edges).toEqual([{ node: { operation: 'ADD_EVENT' } }]);
  });

  it('refuses an event without incidents or a source, with an unknown incident or attendee, against no company, or an attendee twice; writes nothing', async () => {
    const before = await changes();
    const event = { incidents: [incident], kind: 'OTHER', title: `${RUN} refused event`, sources: [{ id: source }] };
    const noIncident = await api.run(ADD_EVENT, { input: { ...event, incidents: [] } }, CURATOR);
    expect(noIncident.errors?.[0]?.message).toBe('input.incidents: at least one incident the event is about.');
    const twice = await api.run(ADD_EVENT, { input: { ...event, incidents: [incident, incident] } }, CURATOR);
    expect(twice.errors?.[0]?.message).toBe('input.incidents: each incident once.');
    const none = await api.run(ADD_EVENT, { input: { ...event, sources: [] } }, CURATOR);
    expect(none.errors?.[0]?.message).toContain('at least one source');
    const unknown = await api.run(ADD_EVENT, { input: { ...event, incidents: [incident, `${RUN}-no-incident`], attendees: [{ person: `${RUN}-nobody` }] } }, CURATOR);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', unknown: [
      { argument: 'input.incidents', value: `${RUN}-no-incident` }, { argument: 'input.attendees.person', value: `${RUN}-nobody` }] });
    const against = await api.run(ADD_EVENT, { input: { ...event, against: authority } }, CURATOR);
    expect(against.errors?.[0]?.message).toBe(`input.against: "${authority}" is an authority, not a company.`);
    const organizer = await api.run(ADD_EVENT, { input: { ...event, organizer: kim } }, CURATOR);
    expect(organizer.errors?.[0]?.message).toBe(`input.organizer: "${kim}" is a person, not a company or an authority.`);
    const attendee = await api.run(ADD_EVENT, { input: { ...event, attendees: [{ person: kim }, { person: kim, role: 'again' }] } }, CURATOR);
    expect(attendee.errors?.[0]?.message).toBe('input.attendees: each person once.');
    const title = await api.run(ADD_EVENT, { input: { ...event, title: 'x'.repeat(2001) } }, CURATOR);
    expect(title.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxLength: 2000 });
    expect(await changes()).toBe(before);
    const [n] = await cypher<{ n: number }>('MATCH (e:Event) WHERE e.title STARTS WITH $t RETURN count(e) AS n', { t: `${RUN} refused` });
    expect(n!.n).toBe(0);
  });
});
