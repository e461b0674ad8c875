import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { IMMUTABLE } from './headers.js';

/**
 * The browser libraries of the IDE and the explorer. Their packages are devDependencies: the
 * build step (`npm run build`, scripts/buildVendor.ts; run before `npm start`, `npm run dev` and
 * `npm test`, and by the Dockerfile's build stage) copies these files from node_modules into
 * build/vendor/<page>/ under names with their content's hash (graphiql.<hash>.min.js), and
 * writes build/vendor/manifest.json. The server serves them from there as immutable and
 * rewrites its pages' references to the hashed names at start-up, so a production install
 * (`npm ci --omit=dev`) needs none of these packages.
 */
export const VENDOR_FILES = [
  // GraphiQL's browser build and React (UMD, globals React, ReactDOM, GraphiQL).
  { page: 'ide', name: 'graphiql.min.js', pkg: 'graphiql', file: 'graphiql.min.js' },
  { page: 'ide', name: 'graphiql.min.css', pkg: 'graphiql', file: 'graphiql.min.css' },
  { page: 'ide', name: 'react.production.min.js', pkg: 'react', file: 'umd/react.production.min.js' },
  { page: 'ide', name: 'react-dom.production.min.js', pkg: 'react-dom', file: 'umd/react-dom.production.min.js' },
  // The drawing library and its layout (UMD, globals cytoscape, layoutBase, coseBase, cytoscapeFcose).
  { page: 'explore', name: 'cytoscape.min.js', pkg: 'cytoscape', file: 'dist/cytoscape.min.js' },
  { page: 'explore', name: 'layout-base.js', pkg: 'layout-base', via: 'cose-base', file: 'layout-base.js' },
  { page: 'explore', name: 'cose-base.js', pkg: 'cose-base', via: 'cytoscape-fcose', file: 'cose-base.js' },
  { page: 'explore', name: 'cytoscape-fcose.js', pkg: 'cytoscape-fcose', file: 'cytoscape-fcose.js' },
] as const satisfies readonly VendorFile[];

export interface VendorFile {
  page: 'ide' | 'explore';
  /** The name the pages use (src/server/<page>/index.html: /<page>/vendor/<name>). */
  name: string;
  /** The package that ships it, and the file inside the package. */
  pkg: string;
  file: string;
  /** A dependency of this package: resolved from its folder (it need not be hoisted). */
  via?: string;
}

export const VENDOR_DIR = fileURLToPath(new URL('../../build/vendor/', import.meta.url));
export const MANIFEST = 'manifest.json';
export const BUILD_COMMAND = 'npm run build';

export interface VendorManifest {
  /** "<page>/<name>" -> "<page>/<hashed name>", relative to the vendor folder. */
  files: Record<string, string>;
  /** The package versions the files came from. */
  packages: Record<string, string>;
}

export class VendorMissing extends Error {}

/** The name with its hash after the first segment: graphiql.min.js -> graphiql.<hash>.min.js. */
export function hashedName(name: string, hash: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? `${name}.${hash}` : `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

/**
 * The built manifest, every file it names checked to exist. Fails with the command to run when
 * the folder is missing or incomplete (a fresh clone, a production install without the build).
 */
export function loadVendor(dir: string = VENDOR_DIR): VendorManifest {
  const path = join(dir, MANIFEST);
  const missing = (what: string) => new VendorMissing(
    `The IDE's and the explorer's browser files are not built: ${what}. Run \`${BUILD_COMMAND}\` `
    + '(with the devDependencies installed; `npm start`, `npm run dev` and `npm test` run it first, the Dockerfile in its build stage).');
  if (!existsSync(path)) throw missing(`${path} is missing`);
  let manifest: VendorManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as VendorManifest;
  } catch (e) {
    throw missing(`${path} is not readable (${(e as Error).message})`);
  }
  for (const f of VENDOR_FILES) {
    const hashed = manifest.files?.[`${f.page}/${f.name}`];
    if (!hashed) throw missing(`${path} names no ${f.page}/${f.name}`);
    if (!existsSync(join(dir, hashed))) throw missing(`${join(dir, hashed)} is missing`);
  }
  return manifest;
}

/**
 * A page with its references to /<page>/vendor/<name> replaced by the hashed names. A reference
 * to a file the manifest does not name fails the start, as a missing file would fail the page.
 */
export function rewritePage(html: string, manifest: VendorManifest, page: VendorFile['page']): string {
  return html.replace(new RegExp(`/${page}/vendor/([A-Za-z0-9._-]+)`, 'g'), (_m, name: string) => {
    const hashed = manifest.files[`${page}/${name}`];
    if (!hashed) throw new VendorMissing(`The ${page} page uses /${page}/vendor/${name}, which the vendor manifest does not name: add it to VENDOR_FILES (src/server/vendor.ts) and run \`${BUILD_COMMAND}\`.`);
    return `/${page}/vendor/${hashed.slice(page.length + 1)}`;
  });
}

/** GET /<page>/vendor/<hashed name>: the built files of one page, immutable (their names change with their content). */
export function vendorRouter(manifest: VendorManifest, page: VendorFile['page'], dir: string = VENDOR_DIR): Router {
  const router = express.Router();
  const served = new Set(Object.entries(manifest.files).filter(([k]) => k.startsWith(`${page}/`)).map(([, v]) => v.slice(page.length + 1)));
  router.get(`/${page}/vendor/:file`, (req, res, next) => {
    const file = req.params.file;
    if (!served.has(file)) return next();
    res.setHeader('Cache-Control', IMMUTABLE);
    res.sendFile(join(dir, page, file), { cacheControl: false, dotfiles: 'deny' }, (err) => {
      if (err) next(err);
    });
  });
  return router;
}
