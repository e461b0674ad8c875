import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { parse } from 'graphql';
import { ownFiles, REVALIDATE } from './headers.js';
import { rewritePage, vendorRouter, type VendorManifest } from './vendor.js';

const EXAMPLES_DIR = fileURLToPath(new URL('./ide/examples/', import.meta.url));
const PAGE = fileURLToPath(new URL('./ide/index.html', import.meta.url));
const STATIC_DIR = fileURLToPath(new URL('./ide/static/', import.meta.url));

export interface ExampleQuery {
  name: string;
  query: string;
  /** 'mutation' when any operation of the document writes (or subscribes), else 'query'. */
  operation: 'query' | 'mutation';
  /** The Variables tab's values: NN-name.variables.json beside the document, when there is one. */
  variables?: Record<string, unknown>;
}

/** 'query' when every operation of the document is a query, else 'mutation'. Throws on a document that does not parse. */
export function operationOf(query: string): ExampleQuery['operation'] {
  const ops = parse(query).definitions.filter((d) => d.kind === 'OperationDefinition');
  return ops.every((d) => d.operation === 'query') ? 'query' : 'mutation';
}

/**
 * The saved examples analysts pick from: src/server/ide/examples/NN-name.graphql, with their
 * variables in NN-name.variables.json when they have some. The example queries only (what tests,
 * benches and the warm-up run anonymously); with `mutations: true`, the curators' example
 * mutations too (the IDE's tabs): those write, and need a curator's token.
 */
export function loadExamples(dir: string = EXAMPLES_DIR, { mutations = false }: { mutations?: boolean } = {}): ExampleQuery[] {
  return readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort().map((f): ExampleQuery => {
    const query = readFileSync(join(dir, f), 'utf8');
    const vars = join(dir, f.replace(/\.graphql$/, '.variables.json'));
    return {
      name: f.replace(/^\d+-/, '').replace(/\.graphql$/, ''),
      query,
      operation: operationOf(query),
      ...(existsSync(vars) ? { variables: JSON.parse(readFileSync(vars, 'utf8')) as Record<string, unknown> } : {}),
    };
  }).filter((e) => mutations || e.operation === 'query');
}

/**
 * The IDE: its page (served by app.ts at / and GET /graphql under PAGE_CSP), the examples (queries
 * and curators' mutations, at /ide/examples.json), its own script and styles under /ide/static/
 * (revalidated), and GraphiQL and React under /ide/vendor/ at content-hashed names (immutable),
 * built by `npm run build`.
 */
export function ideRouter(manifest: VendorManifest): { router: Router; page: string } {
  const router = express.Router();
  const examples = JSON.stringify(loadExamples(EXAMPLES_DIR, { mutations: true }));
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
