import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { ownFiles, sendPage } from './headers.js';
import { rewritePage, vendorRouter, type VendorManifest } from './vendor.js';

const PAGE = fileURLToPath(new URL('./explore/index.html', import.meta.url));
const STATIC_DIR = fileURLToPath(new URL('./explore/static/', import.meta.url));

/**
 * The graph explorer: GET /explore (the page, under PAGE_CSP like the IDE, so it too works
 * offline and runs only this server's scripts), its ES modules and styles under
 * /explore/static/ (.js and .css only, revalidated: the page is served at /explore alone), and
 * the drawing library and its layout under /explore/vendor/ at content-hashed names
 * (immutable), built by `npm run build`. The page talks to /graphql only.
 */
export function exploreRouter(manifest: VendorManifest): Router {
  const router = express.Router();
  const page = rewritePage(readFileSync(PAGE, 'utf8'), manifest, 'explore');
  router.get('/explore', (_req, res) => { sendPage(res, page); });
  router.use('/explore/static', ownFiles(STATIC_DIR));
  router.use(vendorRouter(manifest, 'explore'));
  return router;
}

