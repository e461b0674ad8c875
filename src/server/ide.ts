import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const require = createRequire(import.meta.url);
const EXAMPLES_DIR = fileURLToPath(new URL('./ide/examples/', import.meta.url));
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

// GraphiQL's browser build and React, served from node_modules so the IDE needs no internet.
const ASSETS: Record<string, string> = {
  'graphiql.min.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
  'graphiql.min.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
  'react.production.min.js': join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
  'react-dom.production.min.js': join(dirname(require.resolve('react-dom/package.json')), 'umd/react-dom.production.min.js'),
};

// Only this server's own scripts and styles may load; proves (and keeps) the IDE offline.
export const IDE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function ideRouter(): { router: Router; page: string } {
  const router = express.Router();
  const examples = JSON.stringify(loadExamples());
  const page = readFileSync(join(STATIC_DIR, 'index.html'), 'utf8');
  router.get('/ide/examples.json', (_req, res) => { res.type('application/json').send(examples); });
  router.get('/ide/init.js', (_req, res) => { res.sendFile(join(STATIC_DIR, 'init.js'), { maxAge: '1h' }); });
  for (const [name, file] of Object.entries(ASSETS)) {
    router.get(`/ide/${name}`, (_req, res) => { res.sendFile(file, { maxAge: '7d', immutable: true }); });
  }
  return { router, page };
}

/** True when a GET looks like a browser asking for a page rather than a client for JSON. */
export function wantsHtml(accept: string | undefined): boolean {
  return !!accept && accept.includes('text/html');
}
