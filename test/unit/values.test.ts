import { describe, expect, it } from 'vitest';
import { bestDate, bestEstimate, bestFineReport } from '../../src/domain/bestValue.js';
import { displayMoney, significantDigits } from '../../src/domain/money.js';
import { parsePartialDate } from '../../src/domain/partialDate.js';
import { decodeCursor, encodeCursor } from '../../src/graph/cursor.js';

const est = (id: string, value: number, asOf?: string, qualifier = 'ABOUT') => ({ id, _labels: ['Estimate'], metric: 'AFFECTED', value, qualifier, unit: 'accounts', asOf });
const rep = (id: string, amount?: string, date?: string) => ({ id, _labels: ['FineReport'], amount, currency: amount ? 'KRW' : undefined, date });

describe('value rules', () => {
  it('partial dates carry their precision', () => {
    expect(parsePartialDate('2025')).toEqual({ precision: 'YEAR', year: 2025, month: null, day: null });
    expect(parsePartialDate('2025-08')).toEqual({ precision: 'MONTH', year: 2025, month: 8, day: null });
    expect(parsePartialDate('2025-08-28')).toEqual({ precision: 'DAY', year: 2025, month: 8, day: 28 });
    expect(() => parsePartialDate('August')).toThrow();
  });

  it('money is grouped as a string, never through a float', () => {
    expect(displayMoney('134790000000', 'KRW')).toBe('KRW 134,790,000,000');
    expect(displayMoney('12345678901234567890.05', 'USD')).toBe('USD 12,345,678,901,234,567,890.05');
    expect(significantDigits('134790000000')).toBe(5);
    expect(significantDigits('134000000000')).toBe(3);
  });

  it('the best estimate is the latest, then the more precise date, then exact over approximate', () => {
    expect(bestEstimate([est('a', 4500, '2025-11-18', 'EXACT'), est('b', 33700000, '2025-11-29')])!.id).toBe('b');
    expect(bestEstimate([est('a', 1, '2025-11'), est('b', 2, '2025-11-01')])!.id).toBe('b');
    expect(bestEstimate([est('a', 1, '2025-08-30'), est('b', 2, '2025-08-30', 'EXACT')])!.id).toBe('b');
    expect(bestEstimate([est('undated', 27000000), est('dated', 23244649, '2025-08-30')])!.id).toBe('dated');
    expect(bestEstimate([])).toBeNull();
  });

  it('the best fine amount is the most precise report; the best date the most precise', () => {
    expect(bestFineReport([rep('a', '134000000000', '2025-08'), rep('b', '134800000000', '2025-08-28'), rep('c', '134790000000'), rep('d')])!.id).toBe('c');
    expect(bestDate(['2025-08', '2025-08-28', null])).toBe('2025-08-28');
  });

  it('cursors round-trip and reject anything else', () => {
    expect(decodeCursor(encodeCursor(['x', 3]))).toEqual(['x', 3]);
    expect(() => decodeCursor('%%%')).toThrow(/cursor/);
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow(/cursor/);
  });
});
