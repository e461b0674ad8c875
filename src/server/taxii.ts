import express, { type Request, type Response, type Router } from 'express';
import type { Authenticator } from '../auth/authenticate.js';
import type { Graph } from '../graph/graph.js';
import { allIncidentBundles } from '../stix/read.js';
import {
  BadFilter, INCIDENTS_COLLECTION, MAX_LIMIT, TAXII_MEDIA_TYPE, collectionEntries, filtered, filtersOf, limitOf, pageOf, type Entry,
} from '../taxii/collection.js';
import { answerFault, readAccess, type Refuse } from './readAccess.js';

/** How long the collection, once built, answers requests (a curated write shows after at most this). */
const COLLECTION_TTL_MS = 30_000;

const API_ROOT = '/taxii2/api/';
const COLLECTION = `${API_ROOT}collections/${INCIDENTS_COLLECTION.id}/`;

/** A TAXII error message (TAXII 2.1, 3.6.1), with its status. */
const refuse: Refuse = (res, status, title, description) => {
  res.status(status).set('Cache-Control', 'no-store').set('Content-Type', TAXII_MEDIA_TYPE)
    .send(Buffer.from(JSON.stringify({ title, description, http_status: String(status) })));
};

function send(res: Response, body: unknown): void {
  res.set('Cache-Control', 'no-store').set('Content-Type', TAXII_MEDIA_TYPE).send(Buffer.from(JSON.stringify(body)));
}

/** TAXII 2.1 needs `Accept: application/taxii+json;version=2.1` (or without the version: the latest, 2.1), with q > 0. */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const [type, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    if (type !== 'application/taxii+json') return false;
    const p = new Map(params.map((x) => x.split('=').map((y) => y.trim()) as [string, string]));
    return (p.get('version') ?? '2.1') === '2.1' && Number(p.get('q') ?? '1') > 0;
  });
}

/**
 * A read-only TAXII 2.1 server (docs/stix.md): discovery at /taxii2/, one API root at
 * /taxii2/api/ with one collection, the incidents (every incident's bundle, src/taxii/collection.ts),
 * its objects (added_after, limit and next, match[id], match[type], match[spec_version],
 * match[version]), one object, and its manifest. Every answer is application/taxii+json;version=2.1;
 * a request that does not accept it gets 406. Read access as for GraphQL queries.
 */
export function taxiiRouter(graph: Graph, auth: Authenticator, readsNeedReader: boolean): Router {
  const router = express.Router({ strict: true });
  router.use('/taxii2', (req, res, next) => {
    res.vary('Accept').vary('Authorization').vary('X-API-Key');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.set('Allow', 'GET, HEAD');
      refuse(res, 405, 'Method not allowed', 'This TAXII server is read-only: GET only.');
      return;
    }
    if (!acceptsTaxii(req.get('accept'))) {
      refuse(res, 406, 'Not acceptable', `TAXII requests must accept ${TAXII_MEDIA_TYPE}.`);
      return;
    }
    next();
  }, readAccess(auth, readsNeedReader, refuse));

  const base = (req: Request) => `${req.protocol}://${req.get('host')}`;
  router.get('/taxii2/', (req, res) => {
    send(res, {
      title: 'Incident knowledge graph',
      description: 'Security incidents, the companies they hit, the authorities that investigate and fine them, and the sources behind every fact, as STIX 2.1.',
      default: `${base(req)}${API_ROOT}`,
      api_roots: [`${base(req)}${API_ROOT}`],
    });
  });
  router.get(API_ROOT, (_req, res) => {
    send(res, { title: 'Incidents', description: 'The incident knowledge graph, read-only.', versions: [TAXII_MEDIA_TYPE], max_content_length: 0 });
  });
  router.get(`${API_ROOT}collections/`, (_req, res) => { send(res, { collections: [INCIDENTS_COLLECTION] }); });
  router.get(COLLECTION, (_req, res) => { send(res, INCIDENTS_COLLECTION); });

  // The collection is built from every incident's bundle (one read each): built once for every
  // request that arrives while it is built, and kept COLLECTION_TTL_MS, so that the rate of
  // requests, however high, never multiplies the reads Neo4j does for it.
  let built: { entries: Promise<Entry[]>; at: number } | null = null;
  const collection = (): Promise<Entry[]> => {
    if (!built || performance.now() - built.at > COLLECTION_TTL_MS) {
      const entries = allIncidentBundles(graph).then(collectionEntries);
      built = { entries, at: performance.now() };
      // A failed build is not kept: the next request tries again.
      entries.catch(() => { if (built?.entries === entries) built = null; });
    }
    return built.entries;
  };

  // The collection as of this request, filtered and cut to the page asked for.
  const page = async (req: Request, res: Response, only?: string) => {
    const query = req.query as Record<string, unknown>;
    const filters = filtersOf(query);
    if (only !== undefined) filters.ids = [only];
    const entries = filtered(await collection(), filters);
    const p = pageOf(entries, limitOf(query.limit), query.next === undefined ? undefined : String(query.next));
    if (p.entries.length) {
      res.set('X-TAXII-Date-Added-First', p.entries[0]!.dateAdded).set('X-TAXII-Date-Added-Last', p.entries[p.entries.length - 1]!.dateAdded);
    }
    return p;
  };
  const envelope = (p: { entries: Entry[]; more: boolean; next?: string }) => ({
    more: p.more, ...(p.next ? { next: p.next } : {}), ...(p.entries.length ? { objects: p.entries.map((e) => e.object) } : {}),
  });
  const handle = (work: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response, next: express.NextFunction) => {
    try {
      await work(req, res);
    } catch (e) {
      if (e instanceof BadFilter) refuse(res, 400, 'Bad request', e.message);
      else if (!answerFault(res, refuse, e)) next(e);
    }
  };
  router.get(`${COLLECTION}objects/`, handle(async (req, res) => { send(res, envelope(await page(req, res))); }));
  router.get(`${COLLECTION}objects/:objectId/`, handle(async (req, res) => {
    const p = await page(req, res, String(req.params.objectId));
    if (!p.entries.length) refuse(res, 404, 'Not found', `The collection has no object ${String(req.params.objectId).slice(0, 100)}.`);
    else send(res, envelope(p));
  }));
  router.get(`${COLLECTION}objects/:objectId/versions/`, handle(async (req, res) => {
    const p = await page(req, res, String(req.params.objectId));
    if (!p.entries.length) refuse(res, 404, 'Not found', `The collection has no object ${String(req.params.objectId).slice(0, 100)}.`);
    else send(res, { more: false, versions: p.entries.map((e) => e.object.modified) });
  }));
  router.get(`${COLLECTION}manifest/`, handle(async (req, res) => {
    const p = await page(req, res);
    send(res, {
      more: p.more, ...(p.next ? { next: p.next } : {}),
      ...(p.entries.length ? { objects: p.entries.map((e) => ({ id: e.object.id, date_added: e.dateAdded, version: e.object.modified, media_type: 'application/stix+json;version=2.1' })) } : {}),
    });
  }));
  router.use('/taxii2', (_req, res) => { refuse(res, 404, 'Not found', `No such TAXII resource; discovery is at /taxii2/ (limit at most ${MAX_LIMIT}).`); });
  return router;
}
