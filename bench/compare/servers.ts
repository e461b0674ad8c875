/**
 * The two servers the API is compared with, each on its own port of this process:
 * @neo4j/graphql behind its own Apollo Server (Express 5, as this API), and a bare HTTP endpoint
 * that runs one hand-written Cypher query per request, so that all three pay for HTTP and JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j, { type Driver } from 'neo4j-driver';

export interface Running {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const stop = (server: Server) => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });

/** @neo4j/graphql, read-only (no mutations generated), with `gte` on strings for Fine.amountKey. */
export async function startNeo4jGraphQL(driver: Driver, database: string): Promise<Running> {
  const typeDefs = `extend schema @mutation(operations: [])\n${readFileSync(here('./neo4j-graphql.graphql'), 'utf8')}`;
  const schema = await new Neo4jGraphQL({ typeDefs, driver, features: { filters: { String: { GTE: true } } } }).getSchema();
  const app = express();
  const server = createServer(app);
  const apollo = new ApolloServer({
    schema,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '256kb' }), expressMiddleware(apollo, {
    context: async () => ({ sessionConfig: { database } }),
  }));
  const base = await listen(server);
  return { url: `${base}/graphql`, server, close: () => apollo.stop() };
}

/** The hand-written queries by name (file name without .cypher). */
export function handWrittenQueries(): Map<string, string> {
  const dir = here('./cypher/');
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.cypher')).map((f) => [f.slice(0, -'.cypher'.length), readFileSync(`${dir}${f}`, 'utf8')]));
}

/**
 * POST {"query": "<name>", "params": {...}} runs the named hand-written query (never text from
 * the request) in one read transaction and answers {"data": [the first column of each row]}.
 */
export async function startHandWritten(driver: Driver, database: string): Promise<Running> {
  const queries = handWrittenQueries();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const { query, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; params?: Record<string, unknown> };
          const text = queries.get(query);
          if (!text) throw new Error(`no hand-written query named ${query}`);
          const { records } = await driver.executeQuery(text, params ?? {}, { database, routing: neo4j.routing.READ });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: records.map((r) => r.get(0)) }));
        } catch (e) {
          res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (e as Error).message }] }));
        }
      })();
    });
  });
  const url = await listen(server);
  return { url, server, close: () => stop(server) };
}
