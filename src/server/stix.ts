import express, { type Router } from 'express';
import Negotiator from 'negotiator';
import type { Authenticator } from '../auth/authenticate.js';
import type { Graph } from '../graph/graph.js';
import { incidentBundle } from '../stix/read.js';
import { STIX_MEDIA_TYPE } from '../taxii/collection.js';
import { answerFault, readAccess, type Refuse } from './readAccess.js';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';
import { asOfDay } from '../read/asOf.js';
import { recordedInstant } from '../read/recordedAsOf.js';
import { partialDateProblem } from '../domain/partialDate.js';

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
    // ?asOf=: the bundle as known on a day (docs/analysts.md "As known on a day"), checked as the GraphQL argument is.
    let asOf: string | null = null;
    const given = typeof req.query.asOf === 'string' ? req.query.asOf : null;
    if (req.query.asOf !== undefined && given === null) {
      refuse(res, 400, 'BAD_USER_INPUT', 'asOf: give one partial date ("2025-11-25").');
      return;
    }
    if (given !== null) {
      const problem = partialDateProblem(given);
      try {
        if (problem) throw new Error(`asOf: ${problem}`);
        asOf = asOfDay(given);
      } catch (e) {
        refuse(res, 400, 'BAD_USER_INPUT', (e as Error).message);
        return;
      }
    }
    // ?recordedAsOf=: the bundle as this graph recorded it at an instant (docs/analysts.md "As recorded at an instant").
    let recordedAt: string | null = null;
    if (req.query.recordedAsOf !== undefined) {
      try {
        if (typeof req.query.recordedAsOf !== 'string') throw new Error('recordedAsOf: give one ISO 8601 date-time ("2026-12-01T00:00:00Z").');
        recordedAt = recordedInstant(req.query.recordedAsOf);
      } catch (e) {
        refuse(res, 400, 'BAD_USER_INPUT', (e as Error).message);
        return;
      }
    }
    try {
      const bundle = await incidentBundle(graph, String(req.params.id), asOf, recordedAt);
      if (!bundle) {
        refuse(res, 404, 'NOT_FOUND', `No incident has the id "${String(req.params.id).slice(0, 64)}"${asOf ? ` known on ${asOf}` : ''}${recordedAt ? ` as recorded at ${recordedAt}` : ''}.`);
        return;
      }
      res.set('Cache-Control', 'no-store').set('Content-Type', type === 'application/json' ? 'application/json' : STIX_MEDIA_TYPE)
        .send(Buffer.from(JSON.stringify(bundle)));
    } catch (e) {
      // An instant before the graph's first change, or too far back (src/read/recordedAsOf.ts).
      if (e instanceof GraphQLError && e.extensions.code === ErrorCode.BAD_USER_INPUT) {
        refuse(res, 400, 'BAD_USER_INPUT', e.message);
        return;
      }
      if (!answerFault(res, refuse, e)) next(e);
    }
  });
  return router;
}
