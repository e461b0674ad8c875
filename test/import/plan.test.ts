import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/import/catalogue.js';
import { gdprFines } from '../../src/import/catalogues/gdprFines.js';
import { planImport, type GraphState } from '../../src/import/plan.js';
import type { KnownEntity } from '../../src/import/resolve.js';

// The plan's rules for a row that repeats what another source gives (a fine, an event), and for
// the spellings of matched entities, on a graph state given here: no database.
const known: KnownEntity[] = [
  { id: 'ico', label: 'Authority', name: 'ICO', aliases: ['Information Commissioner'], country: 'GB' },
  { id: 'pipc', label: 'Authority', name: 'Personal Information Protection Commission', aliases: ['PIPC'], country: 'KR' },
  { id: 'british-airways', label: 'Company', name: 'British Airways', aliases: [], country: 'GB' },
  { id: 'marriott', label: 'Company', name: 'Marriott', aliases: [], country: null },
  { id: 'lg-uplus', label: 'Company', name: 'LG Uplus', aliases: ['LG Uplus Corp.'], country: 'KR' },
];
const state = (imported: GraphState['imported'] = new Map()): GraphState =>
  ({ entities: known, imported, sourcesByUrl: new Map(), countries: new Set(['GB', 'KR']) });

let n = 0;
type RowSpec = Partial<Pick<DecisionRecord, 'row' | 'fineKind' | 'stage' | 'amount'>> & { company: string; date: string | null; authority?: string };
const record = (o: RowSpec): DecisionRecord => {
  n++;
  const kr = o.authority === 'PIPC';
  return {
    line: n + 1, row: o.row ?? String(n), url: `https://example.org/${n}`, articles: [], violationType: null,
    fineKind: o.fineKind ?? 'ADMINISTRATIVE_FINE', stage: o.stage ?? 'DECISION', amount: o.amount ?? null,
    authority: { name: o.authority ?? 'Information Commissioner (ICO)', country: kr ? { code: 'KR', name: 'South Korea' } : { code: 'GB', name: 'United Kingdom' } },
    company: { name: o.company },
    date: o.date ? { iso: o.date, asReported: null } : null,
  };
};

const notices = new Map([
  ['ico|british-airways', [{ event: 'ba-notice', kind: 'NOTICE_OF_INTENT', date: '2019-07' }]],
  ['ico|marriott', [{ event: 'marriott-notice', kind: 'NOTICE_OF_INTENT', date: '2019-07' }]],
]);
const lgFines = new Map([['pipc|lg-uplus', [
  { fine: 'lg-penalty', kind: 'ADMINISTRATIVE_PENALTY', dates: ['2023-07-12'] },
  { fine: 'lg-fine', kind: 'ADMINISTRATIVE_FINE', dates: ['2023-07-12'] },
]]]);
const plan = (records: DecisionRecord[], s = state()) =>
  planImport(gdprFines, records, s, async () => new Set(), async () => lgFines, async () => notices);

describe('a row that repeats another source', () => {
  it('lands on the event of the same authority, company and kind whose date agrees at the precision both give', async () => {
    const p = await plan([
      record({ row: '24', company: 'British Airways', date: '2019-07-08', stage: 'NOTICE_OF_INTENT' }),
      // The same pair, another stage: a decision of its own.
      record({ row: '30', company: 'British Airways', date: '2019-07-08', stage: 'DECISION' }),
      // The same stage, another month; and a row without a date: no match either.
      record({ row: '31', company: 'Marriott International, Inc', date: '2019-08-01', stage: 'NOTICE_OF_INTENT' }),
      record({ row: '32', company: 'Marriott', date: null, stage: 'NOTICE_OF_INTENT' }),
    ]);
    expect(p.attachments).toEqual([{ row: '24', event: 'ba-notice', authority: 'ico', company: 'british-airways', link: expect.any(String), first: true }]);
    expect(p.decisions.map((d) => [d.row, d.kind])).toEqual([['30', 'DECISION'], ['31', 'NOTICE_OF_INTENT'], ['32', 'NOTICE_OF_INTENT']]);
    expect(p.decisions.find((d) => d.row === '31')!.title).toBe('Notice of intent of ICO to fine Marriott International, Inc, reported without an amount');
    expect(p.counts.decisions).toEqual({ created: 3, matched: 1, attached: 1 });
  });

  it('finds a row attached by an earlier run again, without looking for candidates', async () => {
    const p = await planImport(gdprFines, [record({ row: '24', company: 'British Airways', date: '2019-07-08', stage: 'NOTICE_OF_INTENT' })],
      state(new Map([['24', { id: 'ba-notice', kind: 'attached', fine: null }]])), async () => new Set(), async () => new Map(),
      async (pairs) => { expect(pairs).toEqual([]); return new Map(); });
    expect(p.attachments.map((a) => [a.row, a.event, a.first])).toEqual([['24', 'ba-notice', false]]);
    expect(p.counts.decisions).toEqual({ created: 0, matched: 1, attached: 0 });
  });

  it('of two fines of one decision on one date, takes the one of the row\'s kind', async () => {
    const p = await plan([record({ authority: 'PIPC', company: 'LG Uplus Corp.', date: '2023-07-12', amount: { amount: '100', currency: 'EUR' } })]);
    expect(p.fines.map((f) => f.fine)).toEqual(['lg-fine']);
    expect(p.counts.fines).toEqual({ created: 0, matched: 1, reportsAdded: 1 });
  });
});

describe('spellings of matched entities', () => {
  it('each one the entity lacks becomes an alias sourced to the first row that spells it', async () => {
    const p = await plan([
      record({ row: '23', company: 'Marriott International, Inc', date: '2019-07-09' }),
      record({ row: '85', authority: 'Information Commissioner', company: 'Marriott International, Inc', date: '2019-07-10' }),
      record({ row: '86', company: 'British Airways', date: '2019-07-11' }),
    ]);
    // "Information Commissioner" is an alias already, "British Airways" the name: nothing to add.
    expect(p.aliases).toEqual([
      { entity: 'ico', alias: 'Information Commissioner (ICO)', row: '23', attribution: 'row 23: "Information Commissioner (ICO)"' },
      { entity: 'marriott', alias: 'Marriott International, Inc', row: '23', attribution: 'row 23: "Marriott International, Inc"' },
    ]);
    expect(p.counts.aliases).toEqual({ created: 2, matched: 2 });
  });
});
