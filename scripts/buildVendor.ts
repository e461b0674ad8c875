import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_COMMAND, hashedName, loadVendor, MANIFEST, VENDOR_DIR, VENDOR_FILES, VendorMissing, type VendorManifest } from '../src/server/vendor.js';

/**
 * `npm run build`: copies the browser builds of the IDE's and the explorer's libraries
 * (devDependencies: graphiql, react, react-dom, cytoscape, cytoscape-fcose and its layout-base,
 * cose-base) into build/vendor/<page>/ under content-hashed names, with their licences and
 * build/vendor/manifest.json (src/server/vendor.ts reads it). The folder is replaced whole, so
 * no stale file stays. In a production install (no devDependencies) a complete build already
 * there is kept: `npm start` runs this first, and must not fail there.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const HASH_LENGTH = 16;

/** The folder of an installed package, found as Node would (some, like cytoscape, do not export their package.json). */
function packageDir(pkg: string, via?: string): string {
  const from = createRequire(join(via ? packageDir(via) : ROOT, 'package.json'));
  const dir = (from.resolve.paths(pkg) ?? []).map((d) => join(d, pkg)).find((d) => existsSync(join(d, 'package.json')));
  if (!dir) throw new Error(`${pkg} is not installed`);
  return dir;
}

function installed(): boolean {
  try {
    for (const f of VENDOR_FILES) packageDir(f.pkg, 'via' in f ? f.via : undefined);
    return true;
  } catch {
    return false;
  }
}

export function buildVendor(out: string = VENDOR_DIR): VendorManifest {
  const tmp = `${out.replace(/\/$/, '')}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const manifest: VendorManifest = { files: {}, packages: {} };
  for (const f of VENDOR_FILES) {
    const dir = packageDir(f.pkg, 'via' in f ? f.via : undefined);
    const bytes = readFileSync(join(dir, f.file));
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, HASH_LENGTH);
    const name = hashedName(f.name, hash);
    mkdirSync(join(tmp, f.page), { recursive: true });
    writeFileSync(join(tmp, f.page, name), bytes);
    manifest.files[`${f.page}/${f.name}`] = `${f.page}/${name}`;
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    manifest.packages[f.pkg] = pkg.version;
    // The licence travels with the copy (the Docker image has no node_modules of these packages).
    const licence = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license'].map((l) => join(dir, l)).find((l) => existsSync(l));
    if (licence) {
      mkdirSync(join(tmp, 'licenses'), { recursive: true });
      writeFileSync(join(tmp, 'licenses', `${f.pkg}.txt`), readFileSync(licence));
    }
  }
  writeFileSync(join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(dirname(out.replace(/\/$/, '')), { recursive: true });
  rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out.replace(/\/$/, ''));
  return manifest;
}

function main(): void {
  if (!installed()) {
    try {
      loadVendor();
      console.log(`build/vendor: the browser packages are not installed (a production install); keeping the files built before.`);
      return;
    } catch (e) {
      if (!(e instanceof VendorMissing)) throw e;
      console.error(`\n${BUILD_COMMAND} needs the devDependencies (graphiql, react, react-dom, cytoscape, cytoscape-fcose): run \`npm ci\` (without --omit=dev) first.\n`);
      process.exit(1);
    }
  }
  const manifest = buildVendor();
  console.log(`build/vendor: ${Object.keys(manifest.files).length} browser files (${Object.entries(manifest.packages).map(([p, v]) => `${p} ${v}`).join(', ')})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
