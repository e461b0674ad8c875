import { describe, expect, it } from 'vitest';
import type {
  AccessQuery, EstimateHistoryQuery, ExposedDataQuery, InvestigationsQuery, OfficialsQuery, SourcesQuery, SuspectsQuery, TraceToPriorFineQuery,
} from '../../src/generated/operations.js';
import { data } from '../support/api.js';
import { example } from '../support/examples.js';

type Ref = { attribution?: string | null; attributedTo?: { id?: string } | null; source: { id: string; url?: string | null; publisher?: { name: string } | null } };
const sourceIds = (refs: readonly Ref[]) => refs.map((r) => r.source.id).sort();

describe('the questions of the domain, over HTTP against the seeded Neo4j', () => {
  it('1: data exposed in the Coupang breach, and data stated not to be', async () => {
    const { incident } = await data<ExposedDataQuery>(example('exposed-data'));
    expect(incident!.exposedData.map((x) => x.category.id).sort())
      .toEqual(['email-address', 'name', 'order-history', 'phone-number', 'physical-address']);
    expect(incident!.notExposedData.map((x) => x.category.id).sort()).toEqual(['login-credentials', 'payment-details']);
    const names = incident!.exposedData.find((x) => x.category.id === 'name')!;
    expect(names.sources).toHaveLength(1);
    expect(names.sources[0]!.attribution).toBe('Coupang said');
    expect(names.sources[0]!.source.url).toBe('https://azzet.com/news/sk-s-coupang-apologises-after-massive-data-leak');
    expect(sourceIds(incident!.exposedData.find((x) => x.category.id === 'order-history')!.sources)).toEqual(['v7n-2025-11-30']);
    for (const x of [...incident!.exposedData, ...incident!.notExposedData]) expect(x.sources.length).toBeGreaterThan(0);
  });

  it('2: the estimate went from 4,500 to 33.7 million accounts, with dates and reporters', async () => {
    const { incident } = await data<EstimateHistoryQuery>(example('estimate-history'));
    const e = incident!.estimates.map((x) => ({ value: x.value, unit: x.unit, asOf: x.asOf?.iso ?? null, precision: x.asOf?.precision ?? null }));
    // The article's undated "4,500 accounts" and Dong-A Ilbo's "4,500 customer records" found on
    // 18 November are two reports; undated figures come last.
    expect(e).toEqual([
      { value: 4500, unit: 'customer records', asOf: '2025-11-18', precision: 'DAY' },
      { value: 33700000, unit: 'accounts', asOf: '2025-11-29', precision: 'DAY' },
      { value: 4500, unit: 'accounts', asOf: null, precision: null },
    ]);
    expect(incident!.estimates[1]!.asOf!.asReported).toBe('revised on Saturday');
    expect(sourceIds(incident!.estimates[0]!.sources)).toEqual(['donga-2025-12-01']);
    expect(sourceIds(incident!.estimates[2]!.sources)).toEqual(['azzet-coupang-2025']);
    expect(incident!.estimates[2]!.sources[0]!.attributedTo).toMatchObject({ id: 'coupang' });
    expect(incident!.accountsAffected).toMatchObject({ id: 'coupang-breach-2025-estimate-33700000', value: 33700000 });
  });

  it('3: access began on 2025-06-24 (day precision) through servers outside South Korea', async () => {
    const { incident } = await data<AccessQuery>(example('access'));
    expect(incident!.accessStart).toEqual({ iso: '2025-06-24', precision: 'DAY', asReported: 'initially accessed on 24 June' });
    expect(incident!.origin).toBe('servers outside South Korea');
    expect(incident!.accessDurationAsReported).toBe('nearly five months');
    expect(incident!.attackVector).toBe('a loophole in Coupang’s authentication process');
    expect(incident!.extortion).toEqual({
      demand: 'An email warned Coupang that the breach would be disclosed to the media if it did not bolster its security system.',
      ransomDemanded: false,
    });
    const vector = incident!.sources.find((s) => s.about.includes('attackVector'))!;
    expect(vector.attribution).toBe('according to Bae');
    expect(vector.attributedTo).toMatchObject({ __typename: 'Person', id: 'bae-kyung-hoon' });
    const extortion = incident!.sources.find((s) => s.about.includes('extortion'))!;
    expect(extortion.attributedTo).toMatchObject({ __typename: 'Publisher', id: 'yonhap' });
  });

  it('4: the suspect is a former Coupang employee from China, identified by police, per Yonhap', async () => {
    const { incident } = await data<SuspectsQuery>(example('suspects'));
    expect(incident!.suspicions).toHaveLength(1);
    const s = incident!.suspicions[0]!;
    expect(s.status).toBe('IDENTIFIED_AS_SUSPECT');
    expect(s.person.name).toBeNull();
    expect(s.person.nationality).toEqual({ code: 'CN', name: 'China' });
    expect(s.person.formerEmployers).toEqual([{ id: 'coupang', name: 'Coupang' }]);
    // The article says "Police", not which agency.
    expect(s.identifiedBy).toEqual([{ __typename: 'Authority', id: 'south-korean-police', name: 'Police', kind: 'LAW_ENFORCEMENT' }]);
    expect(s.sources[0]).toMatchObject({ attribution: 'per Yonhap', attributedTo: { id: 'yonhap' }, source: { id: 'azzet-coupang-2025' } });
  });

  it('5: the PIPC investigates whether Coupang neglected cybersecurity measures; the government since 19 November', async () => {
    const { incident } = await data<InvestigationsQuery>(example('investigations'));
    const byId = new Map(incident!.investigations.map((i) => [i.id, i]));
    expect([...byId.keys()].sort()).toEqual([
      'coupang-breach-2025-government-investigation', 'coupang-breach-2025-joint-investigation',
      'coupang-breach-2025-pipc-investigation', 'coupang-breach-2025-police-investigation',
    ]);
    const pipc = byId.get('coupang-breach-2025-pipc-investigation')!;
    expect(pipc.authorities.map((a) => a.id)).toEqual(['pipc']);
    expect(pipc.kind).toBe('REGULATORY');
    expect(pipc.question).toBe('Whether Coupang neglected to add appropriate cybersecurity measures');
    expect(sourceIds(pipc.sources)).toEqual(['azzet-coupang-2025']);
    const gov = byId.get('coupang-breach-2025-government-investigation')!;
    expect(gov.openedOn).toMatchObject({ iso: '2025-11-19', precision: 'DAY' });
    expect(byId.get('coupang-breach-2025-joint-investigation')!.kind).toBe('JOINT_PUBLIC_PRIVATE');
    expect(byId.get('coupang-breach-2025-joint-investigation')!.authorities.map((a) => a.id))
      .toEqual(expect.arrayContaining(['pipc', 'ministry-of-science-and-ict', 'coupang-joint-investigation-team']));
    expect(byId.get('coupang-breach-2025-police-investigation')!.kind).toBe('CRIMINAL');
  });

  it('6: the trace reaches SK Telecom through the PIPC, with every reported amount of its fine', async () => {
    const { incident } = await data<TraceToPriorFineQuery>(example('trace-to-prior-fine'));
    const first = incident!.relatedIncidents[0]!;
    expect(first.incident.id).toBe('skt-breach-2025');
    const viaPipc = first.reasons.find((r) => r.reason === 'SAME_INVESTIGATING_AUTHORITY')!;
    expect(viaPipc.via).toEqual({ id: 'pipc' });
    expect(viaPipc.path.nodes.map((n) => n.id)).toEqual([
      'coupang-breach-2025', expect.stringMatching(/^coupang-breach-2025-(pipc|joint)-investigation$/), 'pipc',
      'skt-breach-2025-pipc-investigation', 'skt-breach-2025',
    ]);
    expect(viaPipc.path.relationships.map((r) => r.type)).toEqual(['INTO', 'CONDUCTS', 'CONDUCTS', 'INTO']);
    expect(viaPipc.path.relationships[1]).toEqual({ type: 'CONDUCTS', from: 'pipc', to: viaPipc.path.nodes[1]!.id });

    const fine = first.incident.fines.find((f) => f.id === 'skt-pipc-fine-2025')!;
    expect(fine.authority.id).toBe('pipc');
    expect(fine.reason).toBe('Violating cybersecurity obligations');
    expect(fine.amount).toEqual({ amount: '134790000000', currency: 'KRW', display: 'KRW 134,790,000,000' });
    expect(fine.date).toEqual({ iso: '2025-08-28', precision: 'DAY' });
    const reports = fine.reports.map((r) => ({
      amount: r.amount?.amount, currency: r.amount?.currency, conversions: r.conversions.map((c) => `${c.currency} ${c.amount}`),
      date: r.date?.iso ?? null, precision: r.date?.precision ?? null, source: r.sources.map((s) => s.source.id),
    }));
    expect(reports).toEqual(expect.arrayContaining([
      { amount: '134000000000', currency: 'KRW', conversions: ['AUD 140000000'], date: '2025-08', precision: 'MONTH', source: ['azzet-coupang-2025'] },
      { amount: '134800000000', currency: 'KRW', conversions: ['USD 96900000'], date: '2025-08-28', precision: 'DAY', source: ['koreaherald-2025-08-28'] },
      { amount: '134790000000', currency: 'KRW', conversions: ['USD 97000000'], date: null, precision: null, source: ['menafn-2025-08-30'] },
    ]));
    expect(reports).toHaveLength(3);
    expect(fine.reports.find((r) => r.amount?.amount === '134000000000')!.date!.asReported).toBe('in August');

    const affected = first.incident.estimates.filter((e) => e.unit !== 'GB' && e.unit !== 'types of data')
      .map((e) => ({ value: e.value, qualifier: e.qualifier, source: e.sources[0]!.source.id }));
    expect(affected).toEqual(expect.arrayContaining([
      { value: 27000000, qualifier: 'ALMOST', source: 'azzet-coupang-2025' },
      { value: 23244649, qualifier: 'EXACT', source: 'menafn-2025-08-30' },
    ]));
  });

  it('7: the CEO and his statements; the Deputy Prime Minister and the acting commissioner at the emergency meeting', async () => {
    const { incident, person } = await data<OfficialsQuery>(example('officials'));
    expect(person).toMatchObject({ name: 'Park Dae-jun', positions: [{ title: 'CEO', organization: { id: 'coupang' } }] });
    const apology = incident!.statements.find((s) => s.kind === 'APOLOGY')!;
    expect(apology).toMatchObject({ speaker: { id: 'park-dae-jun' }, onBehalfOf: { id: 'coupang' }, quote: 'We apologise for causing inconvenience and concern.' });
    expect(incident!.statements.filter((s) => s.speaker?.id === 'park-dae-jun' && s.kind === 'PROMISE')).toHaveLength(2);

    const meeting = incident!.events.find((e) => e.kind === 'MEETING')!;
    expect(meeting).toMatchObject({ date: { iso: '2025-11-30', precision: 'DAY', asReported: 'Sunday' }, organizer: { id: 'south-korea-government' } });
    expect(meeting.attendees.map((a) => [a.person.id, a.role])).toEqual([
      ['bae-kyung-hoon', 'Deputy Prime Minister'],
      ['yoo-jae-sung', 'Acting Commissioner, National Police Agency'],
    ]);
    const yoo = meeting.attendees[1]!.person.positions[0]!;
    expect(yoo).toMatchObject({ title: 'Commissioner', acting: true, organization: { id: 'korean-national-police-agency' } });
    // Sources disagree on Bae's title: both positions are kept, each with its source.
    const bae = meeting.attendees[0]!.person.positions.map((p) => [p.title, p.sources[0]!.source.id]).sort();
    expect(bae).toEqual([['Deputy Prime Minister', 'azzet-coupang-2025'], ['Minister of Science and ICT', 'v7n-2025-11-30']]);
    for (const e of incident!.events) expect(e.sources.length).toBeGreaterThan(0);
  });

  it('10: the sources behind a fine, and what a source supports', async () => {
    const { node, source } = await data<SourcesQuery>(example('sources'));
    expect(node && 'sources' in node ? sourceIds(node.sources) : []).toEqual(['azzet-coupang-2025', 'koreaherald-2025-08-28', 'menafn-2025-08-30']);
    expect(source!.publisher!.name).toBe('Azzet');
    expect(source!.dateNote).toMatch(/after Sunday 30 November 2025/);
    const supported = source!.supports.map((s) => s.id);
    expect(supported).toEqual(expect.arrayContaining(['coupang-breach-2025', 'skt-pipc-fine-2025-report-azzet', 'park-dae-jun-coupang-ceo']));
  });
});
