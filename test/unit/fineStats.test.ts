import { describe, expect, it } from 'vitest';
import { sectorKey } from '../../src/modules/organization/sector.js';
import { checkOrder, fineTotalsParams, orderTotals } from '../../src/modules/stats/fineTotals.js';

// The pure parts of the fines stats and the sector filter: what the definitions are given, and
// the exact order of totals (sums of decimal strings, never floats).
describe('sectorKey', () => {
  it('lower case, letters and digits only, a plural\'s final "s" dropped', () => {
    expect(sectorKey('E-commerce', 'filter.sector')).toBe('ecommerce');
    expect(sectorKey('Telecoms', 'filter.sector')).toBe('telecom');
    expect(sectorKey('Financial services', 'filter.sector')).toBe('financialservice');
    expect(sectorKey('gas', 'filter.sector')).toBe('gas');
    expect(sectorKey('Énergie', 'filter.sector')).toBe('énergie');
  });

  it('refuses a value with no letter or digit', () => {
    expect(() => sectorKey(' - ', 'filter.sector')).toThrow(/filter\.sector/);
  });
});

describe('fineTotalsParams', () => {
  it('null for what is not asked; year is a one-year range; currency from the threshold', () => {
    expect(fineTotalsParams({})).toEqual({ fromYear: null, toYear: null, currency: null, minAmountKey: null });
    const p = fineTotalsParams({ year: 2019, minAmount: { amount: '1000000.5', currency: 'eur' } });
    expect([Number(p.fromYear), Number(p.toYear), p.currency, p.minAmountKey]).toEqual([2019, 2019, 'EUR', '000000000000000001000000.500000']);
  });

  it('refuses a reversed range, both year and years, a negative threshold, what is no currency', () => {
    expect(() => fineTotalsParams({ years: { from: 2021, to: 2020 } })).toThrow(/years: from is after to/);
    expect(() => fineTotalsParams({ year: 2020, years: { to: 2021 } })).toThrow(/give one/);
    expect(() => fineTotalsParams({ minAmount: { amount: '-5', currency: 'EUR' } })).toThrow(/negative/);
    expect(() => fineTotalsParams({ currency: 'EURO' })).toThrow(/ISO 4217/);
    expect(() => fineTotalsParams({ currency: 'USD', minAmount: { amount: '5', currency: 'EUR' } })).toThrow(/differs/);
  });
});

describe('orderTotals', () => {
  const row = (name: string, amounts: string[], currency = 'EUR') => ({ name, totals: [{ currency, amounts }] });
  // Totals that tie as floats: 2^53 + 1 and 2^53 differ only when summed exactly. b is listed first.
  const rows = [row('b', ['9007199254740992']), row('a', ['9007199254740992', '1']), row('c', ['0.5', '0.25', '0.25'])];

  it('largest total first, exactly; most fines first; ties keep the order given; first cuts', () => {
    expect(orderTotals(rows, { orderBy: 'LARGEST_TOTAL_FIRST', currency: 'eur' }).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(orderTotals(rows, { orderBy: 'MOST_FINES_FIRST' }).map((r) => r.name)).toEqual(['c', 'a', 'b']);
    expect(orderTotals(rows, { orderBy: 'LARGEST_TOTAL_FIRST', minAmount: { amount: '1', currency: 'EUR' }, first: 1 }).map((r) => r.name)).toEqual(['a']);
    expect(orderTotals([row('x', ['1']), row('y', ['1'])], { orderBy: 'LARGEST_TOTAL_FIRST', currency: 'EUR' }).map((r) => r.name)).toEqual(['x', 'y']);
    expect(orderTotals(rows, {}).map((r) => r.name)).toEqual(['b', 'a', 'c']);
    expect(orderTotals(rows, { first: 0 })).toEqual([]);
  });

  it('LARGEST_TOTAL_FIRST needs a currency; first is 0 to 100', () => {
    expect(() => checkOrder({ orderBy: 'LARGEST_TOTAL_FIRST' })).toThrow(/give currency/);
    expect(() => checkOrder({ first: 101 })).toThrow(/from 0 to 100/);
  });
});
