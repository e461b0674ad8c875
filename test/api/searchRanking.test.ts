import { describe, expect, it } from 'vitest';
import { data } from '../support/api.js';

// Search ranked as an analyst reads it, on the curated graph (issue 27, "Search relevance").
const SEARCH = `query($q: String!, $types: [SearchableType!], $first: Int) {
  search(query: $q, types: $types, first: $first) {
    edges { score exact matchedFields node { __typename ... on Node { id } } }
  }
}`;

interface Edge { score: number; exact: boolean; matchedFields: string[]; node: { __typename: string; id: string } }

async function search(q: string, types?: string[], first = 100): Promise<Edge[]> {
  return (await data(SEARCH, { q, types, first })).search.edges;
}

const ids = (edges: Edge[]) => edges.map((e) => e.node.id);

describe('search ranking', () => {
  it('ranks an entity above every source about it', async () => {
    for (const [q, entity] of [['Coupang', 'coupang'], ['SK Telecom', 'sk-telecom'], ['Kakao', 'kakao'], ['apologize', 'coupang-breach-2025-park-apology']]) {
      const edges = await search(q!);
      const at = ids(edges).indexOf(entity!);
      const firstSource = edges.findIndex((e) => e.node.__typename === 'Source');
      expect(at, `${q}: ${entity} found`).toBeGreaterThanOrEqual(0);
      // The search finds sources too, so the order below says something.
      expect(firstSource, `${q}: a source found`).toBeGreaterThanOrEqual(0);
      expect(at, `${q}: ${entity} before the first source`).toBeLessThan(firstSource);
    }
    // The company itself first: its name is the text.
    expect(ids(await search('Coupang'))[0]).toBe('coupang');
  });

  it('ranks the incidents that exposed a data category first when its words are searched', async () => {
    const q = `query($cat: [ID!]) { incidents(filter: { dataCategories: $cat }, first: 100) { edges { node { id } } } }`;
    for (const [text, category] of [['phone numbers', 'phone-number'], ['email', 'email-address']]) {
      const exposing = new Set<string>((await data(q, { cat: [category] })).incidents.edges.map((e: any) => e.node.id));
      const incidents = (await search(text!)).filter((e) => e.node.__typename === 'Incident');
      const firstOther = incidents.findIndex((e) => !exposing.has(e.node.id));
      const leading = ids(firstOther < 0 ? incidents : incidents.slice(0, firstOther));
      // Every incident that exposed it leads, and none of them comes after another incident.
      expect(new Set(leading), text).toEqual(exposing);
      expect(ids(incidents.slice(leading.length)).filter((id) => exposing.has(id)), text).toEqual([]);
      for (const e of incidents.slice(0, leading.length)) expect(e.matchedFields, `${text}: ${e.node.id}`).toContain('exposedData');
    }
    // Equifax and British Airways, whose summaries say "numbers", exposed no phone numbers: found, after them.
    const phone = ids((await search('phone numbers')).filter((e) => e.node.__typename === 'Incident'));
    expect(phone.slice(-2).sort()).toEqual(['british-airways-breach-2018', 'equifax-breach-2017']);
  });

  it('ranks a name first for its prefix: exact name, then name prefix, then other fields', async () => {
    for (const [prefix, name] of [['Coup', 'coupang'], ['Kaka', 'kakao'], ['Equif', 'equifax'], ['Marri', 'marriott']]) {
      const edges = await search(prefix!);
      expect(edges[0]?.node.id, prefix).toBe(name);
      expect(edges[0]?.exact, prefix).toBe(false);
      expect(edges[0]?.matchedFields, prefix).toContain('name');
    }
    // A longer name starting with the same letters ranks after the name the text covers more of.
    const coup = ids(await search('Coup'));
    expect(coup.indexOf('coupang')).toBeLessThan(coup.indexOf('coupang-joint-investigation-team'));
  });

  it('finds fines by their reason, investigations by title, question and outcome, positions by title', async () => {
    const fine = await search('72 hours');
    expect(fine[0]?.node).toEqual({ __typename: 'Fine', id: 'skt-pipc-fine-2025-late-notification' });
    expect(fine[0]?.matchedFields).toEqual(['reason']);
    expect(ids(await search('Violating cybersecurity obligations', ['FINE']))).toEqual(['skt-pipc-fine-2025']);

    const byTitle = await search('PIPC investigation into the LG Uplus breach');
    expect(byTitle[0]?.node).toEqual({ __typename: 'Investigation', id: 'lg-uplus-breach-2023-pipc-investigation' });
    expect(byTitle[0]?.matchedFields).toContain('title');
    const byQuestion = await search('neglected cybersecurity measures', ['INVESTIGATION']);
    expect(ids(byQuestion)[0]).toBe('coupang-breach-2025-pipc-investigation');
    expect(byQuestion[0]?.matchedFields).toContain('question');
    const byOutcome = await search('not notifying', ['INVESTIGATION']);
    expect(ids(byOutcome)).toEqual(['skt-breach-2025-pipc-investigation']);
    expect(byOutcome[0]?.matchedFields).toEqual(['outcome']);

    const position = await search('Deputy Prime Minister');
    expect(position[0]?.node).toEqual({ __typename: 'Position', id: 'bae-kyung-hoon-deputy-prime-minister' });
    expect(ids(await search('CEO', ['POSITION'])).sort()).toEqual(['hwang-hyeon-sik-lg-uplus-ceo', 'park-dae-jun-coupang-ceo']);
    expect(ids(await search('Chairman', ['POSITION']))).toEqual(['ko-hak-soo-pipc-chairman']);
  });

  it('shows the new results by name like every other: a fine by its reason, a position by its title', async () => {
    const q = `{ search(query: "72 hours Chairman", types: [FINE, POSITION]) { edges { node { __typename ... on Named { id displayName } } } } }`;
    const nodes = (await data(q)).search.edges.map((e: any) => e.node);
    expect(nodes).toContainEqual({ __typename: 'Fine', id: 'skt-pipc-fine-2025-late-notification', displayName: 'Not notifying affected customers within 72 hours' });
    expect(nodes).toContainEqual({ __typename: 'Position', id: 'ko-hak-soo-pipc-chairman', displayName: 'Chairman' });
  });

  it('keeps every page in score order, exact matches first', async () => {
    for (const q of ['Coup', 'phone numbers', 'breach', 'PIPC fine']) {
      const scores = (await search(q)).map((e) => e.score);
      expect([...scores].sort((a, b) => b - a), q).toEqual(scores);
      const exact = (await search(q)).map((e) => e.exact);
      expect(exact.indexOf(false) < 0 || !exact.slice(exact.indexOf(false)).includes(true), q).toBe(true);
    }
  });
});
