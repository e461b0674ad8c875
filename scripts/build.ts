import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVendor } from './buildVendor.js';

/**
 * `npm run build`: everything a production start needs that is not in the repository as is.
 * - build/vendor/: the browser libraries of the IDE and the explorer (scripts/buildVendor.ts);
 * - dist/: src/ compiled to JavaScript (tsconfig.build.json), with the pages' own static files
 *   (HTML, browser scripts, the IDE's examples) copied beside it at the same paths.
 * dist/ is replaced whole, so a file deleted from src/ does not live on in it.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

function* assets(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* assets(path);
    else if (!name.endsWith('.ts')) yield path;
  }
}

export function buildDist(): { files: number; assets: number } {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed (exit ${r.status ?? r.signal})`);
  let copied = 0;
  for (const file of assets(SRC)) {
    cpSync(file, join(DIST, relative(SRC, file)));
    copied += 1;
  }
  const files = [...assets(DIST)].filter((f) => f.endsWith('.js')).length;
  return { files, assets: copied };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const vendor = buildVendor();
  const dist = buildDist();
  console.log(`build/vendor: ${Object.keys(vendor.files).length} files; dist: ${dist.files} modules, ${dist.assets} static files`);
}
