import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { ownFiles, REVALIDATE } from './headers.js';
import { rewritePage, vendorRouter, type VendorManifest } from './vendor.js';

const EXAMPLES_DIR = fileURLToPath(new URL('./ide/examples/', import.meta.url));
const PAGE = fileURLToPath(new URL('./ide/index.html', import.meta.url));
const STATIC_DIR = fileURLToPath(new URL('./ide/static/', import.meta.url));

export interface ExampleQuery {
  name: string;
  query: string;
}

/** The saved example queries analysts pick from: src/server/ide/examples/NN-name.graphql. */
export function loadExamples(dir: string = EXAMPLES_DIR): ExampleQuery[] {
  return readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort().map((f) => ({
    name: f.replace(/^\d+-/, '').replace(/\.graphql$/, ''),
    query: readFileSync(join(dir, f), 'utf8'),
  }));
}

/**
 * The IDE: its page (served by app.ts at / and GET /graphql under PAGE_CSP), the example
 * queries, its own script and styles under /ide/static/ (revalidated), and GraphiQL and React
 * under /ide/vendor/ at content-hashed names (immutable), built by `npm run build`.
 */
export function ideRouter(manifest: VendorManifest): { router: Router; page: string } {
  const router = express.Router();
  const examples = JSON.stringify(loadExamples());
  const page = rewritePage(readFileSync(PAGE, 'utf8'), manifest, 'ide');
  router.get('/ide/examples.json', (_req, res) => { res.set('Cache-Control', REVALIDATE).type('application/json').send(examples); });
  router.use('/ide/static', ownFiles(STATIC_DIR));
  router.use(vendorRouter(manifest, 'ide'));
  return { router, page };
}

/** True when a GET looks like a browser asking for a page rather than a client for JSON. */
export function wantsHtml(accept: string | undefined): boolean {
  return !!accept && accept.includes('text/html');
}
