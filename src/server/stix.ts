import express, { type Router } from 'express';
import Negotiator from 'negotiator';
import type { Authenticator } from '../auth/authenticate.js';
import type { Graph } from '../graph/graph.js';
import { incidentBundle } from '../stix/read.js';
import { STIX_MEDIA_TYPE } from '../taxii/collection.js';
import { answerFault, readAccess, type Refuse } from './readAccess.js';

const ACCEPTED = [STIX_MEDIA_TYPE, 'application/stix+json', 'application/json'];

const refuse: Refuse = (res, status, title, description) => {
  res.status(status).set('Cache-Control', 'no-store').json({ errors: [{ message: description, extensions: { code: title } }] });
};

/**
 * GET /stix/incidents/{id}: the incident's STIX 2.1 bundle (src/stix/bundle.ts, docs/stix.md), as
 * application/stix+json;version=2.1 (application/json when that is all the client accepts); 404
 * for an unknown id, 406 when the client accepts neither. Read access as for GraphQL queries.
 */
export function stixRouter(graph: Graph, auth: Authenticator, readsNeedReader: boolean): Router {
  const router = express.Router();
  router.get('/stix/incidents/:id', readAccess(auth, readsNeedReader, refuse), async (req, res, next) => {
    res.vary('Accept').vary('Authorization').vary('X-API-Key');
    const type = new Negotiator({ headers: { accept: req.get('accept') ?? '*/*' } }).mediaType(ACCEPTED);
    if (!type) {
      refuse(res, 406, 'NOT_ACCEPTABLE', `This resource is ${STIX_MEDIA_TYPE} (or application/json).`);
      return;
    }
    try {
      const bundle = await incidentBundle(graph, String(req.params.id));
      if (!bundle) {
        refuse(res, 404, 'NOT_FOUND', `No incident has the id "${String(req.params.id).slice(0, 64)}".`);
        return;
      }
      res.set('Cache-Control', 'no-store').set('Content-Type', type === 'application/json' ? 'application/json' : STIX_MEDIA_TYPE)
        .send(Buffer.from(JSON.stringify(bundle)));
    } catch (e) {
      if (!answerFault(res, refuse, e)) next(e);
    }
  });
  return router;
}
