import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Actor } from './actor.js';
import { forbidden, unauthenticated } from './errors.js';
import { requirementOf, SchemaRoles, type AccessRules, type Requirement } from './requirements.js';
import { atLeast } from './roles.js';

/**
 * The one place roles are enforced: once the operation is known (parsed, validated, its name
 * resolved) and before anything executes, whichever executor runs it (graphql-jit or
 * graphql-js), the role the operation needs (src/auth/requirements.ts: @requires of the fields it
 * selects, curator for writes, reader for reads with READ_ACCESS=authenticated) is compared
 * with the request's actor. No identity: UNAUTHENTICATED (401); too low a role: FORBIDDEN (403).
 * Nothing reaches Neo4j or a resolver first. What a document needs is worked out once per
 * parsed document (Apollo keeps one per query text) and operation.
 */
export function accessPlugin<C extends BaseContext & { actor?: Actor }>(rules: AccessRules): ApolloServerPlugin<C> {
  const rolesOf = new WeakMap<GraphQLSchema, SchemaRoles>();
  const known = new WeakMap<DocumentNode, Map<string, Requirement | null>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (!operation) return; // Apollo has refused the request already
          let roles = rolesOf.get(schema);
          if (!roles) rolesOf.set(schema, (roles = new SchemaRoles(schema)));
          let byOperation = known.get(document);
          if (!byOperation) known.set(document, (byOperation = new Map()));
          const key = operation.name?.value ?? '';
          let need = byOperation.get(key);
          if (need === undefined) byOperation.set(key, (need = requirementOf(roles, document, operation, rules) ?? null));
          if (!need) return;
          const { actor } = contextValue;
          if (!actor) {
            throw unauthenticated(`${need.coordinate} needs an identity with the role ${need.role}: send Authorization: Bearer <token> (a JWT or an API key) or X-API-Key.`, false);
          }
          if (!atLeast(actor.role, need.role)) throw forbidden(need.role, actor.role, need.coordinate);
        },
      };
    },
  };
}
