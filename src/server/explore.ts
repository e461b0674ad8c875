import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { IDE_CSP } from './ide.js';

const require = createRequire(import.meta.url);
const STATIC_DIR = fileURLToPath(new URL('./explore/static/', import.meta.url));


// The drawing library and its layout, as the browser builds their packages ship (UMD, globals
// cytoscape, layoutBase, coseBase, cytoscapeFcose), served from node_modules: no CDN, no build.
const VENDOR: Record<string, string> = {
  'cytoscape.min.js': require.resolve('cytoscape/dist/cytoscape.min.js'),
  'layout-base.js': require.resolve('layout-base/layout-base.js'),
  'cose-base.js': require.resolve('cose-base/cose-base.js'),
  'cytoscape-fcose.js': require.resolve('cytoscape-fcose/cytoscape-fcose.js'),
};

/**
 * The graph explorer: GET /explore (the page, under the IDE's CSP, so it too works offline and
 * runs only this server's scripts), its ES modules and styles under /explore/static/, and the
 * vendored libraries under /explore/vendor/. The page talks to /graphql only.
 */
export function exploreRouter(): Router {
  const router = express.Router();
  const page = readFileSync(join(STATIC_DIR, 'index.html'), 'utf8');
  router.get('/explore', (_req, res) => { res.set('Content-Security-Policy', IDE_CSP).type('html').send(page); });
  router.use('/explore/static', express.static(STATIC_DIR, { index: false, maxAge: '1h' }));
  for (const [name, file] of Object.entries(VENDOR)) {
    router.get(`/explore/vendor/${name}`, (_req, res) => { res.sendFile(file, { maxAge: '7d', immutable: true }); });
  }
  return router;
}
