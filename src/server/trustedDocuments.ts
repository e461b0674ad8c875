import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, GraphQLError, parse, print, type DocumentNode } from 'graphql';
import { ErrorCode } from '../errors.js';
import type { Context } from '../read/context.js';
import { loadExamples } from './ide.js';

const EXPLORER_QUERIES = new URL('./explore/static/queries.js', import.meta.url);
const EXAMPLE_APP_OPERATIONS = new URL('../../examples/app/src/operations.ts', import.meta.url);

export interface TrustedDocuments {
  /** Digests of the trusted documents, as printed by graphql-js (so layout and comments do not matter). */
  readonly digests: ReadonlySet<string>;
  /** Their operation names: the only ones /metrics labels by name. */
  readonly operationNames: ReadonlySet<string>;
}

/** The digest a document is known by: its canonical print, so any layout of the same text matches. */
export function documentDigest(document: DocumentNode): string {
  return createHash('sha256').update(print(document)).digest('hex');
}

/**
 * The operations this project's own clients send: the IDE's examples, every query the explorer
 * builds (src/server/explore/static/queries.js, imported as the browser runs it) and the example
 * app's operations (examples/app, when the checkout has it: the container image does not).
 */
export async function loadTrustedDocuments(): Promise<TrustedDocuments> {
  const texts = loadExamples().map((e) => e.query);
  const explorer = await import(EXPLORER_QUERIES.href) as {
    NEIGHBOURHOOD: string; PATHS: string; SEARCH: string; NODE: string; NODE_AS_OF: string; RELATIONSHIP_TYPES: string; HISTORY: string;
    DETAILS: Record<string, string>; detailsQuery(type: string): string; sourcesQuery(type: string): string | null;
  };
  texts.push(explorer.NEIGHBOURHOOD, explorer.PATHS, explorer.SEARCH, explorer.NODE, explorer.NODE_AS_OF, explorer.RELATIONSHIP_TYPES, explorer.HISTORY);
  for (const type of Object.keys(explorer.DETAILS)) {
    texts.push(explorer.detailsQuery(type));
    const sources = explorer.sourcesQuery(type);
    if (sources) texts.push(sources);
  }
  if (existsSync(EXAMPLE_APP_OPERATIONS)) {
    // graphql(`...`) tagged documents, as the app's codegen finds them.
    for (const m of readFileSync(EXAMPLE_APP_OPERATIONS, 'utf8').matchAll(/graphql\(`([^`]*)`\)/g)) texts.push(m[1]!);
  }
  const digests = new Set<string>();
  const operationNames = new Set<string>();
  for (const text of texts) {
    const document = parse(text);
    digests.add(documentDigest(document));
    for (const d of document.definitions) if (d.kind === 'OperationDefinition' && d.name) operationNames.add(d.name.value);
  }
  return { digests, operationNames };
}

/**
 * TRUSTED_DOCUMENTS=require: anonymous clients run only the trusted documents; any other text is
 * answered 400 TRUSTED_DOCUMENT_REQUIRED after parsing and validation (both bounded by the token
 * limit) and before anything reaches Neo4j. A client with a verified identity (any role: an
 * analyst with a token, a service with an API key) sends free-form queries.
 */
export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin<Context> {
  const checked = new WeakMap<DocumentNode, boolean>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          if (contextValue.actor) return;
          let ok = checked.get(document);
          if (ok === undefined) checked.set(document, (ok = trusted.digests.has(documentDigest(document))));
          if (ok) return;
          const name = getOperationAST(document, request.operationName)?.name?.value;
          throw new GraphQLError(
            `Without an identity, this server runs only its trusted documents (the IDE examples, the explorer's and the example app's operations)${name ? `, and ${name.slice(0, 64)} is not one of them` : ''}: send one of those texts, or an identity (Authorization: Bearer).`,
            { extensions: { code: ErrorCode.TRUSTED_DOCUMENT_REQUIRED, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
