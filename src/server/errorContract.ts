import type { ApolloServerPlugin } from '@apollo/server';
import { isEnumType, Kind, visit, type ASTNode, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors.js';

/** Nodes graphql-js's ValuesOfCorrectTypeRule reports on: a literal value, or a field of an input object literal. */
const VALUE_KINDS = new Set<string>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT, Kind.OBJECT_FIELD]);

/**
 * One code for one mistake: a value that is not valid for its type (a bad Decimal or date, an
 * unknown enum value, a missing field of an input object) is BAD_USER_INPUT (HTTP 400) whether
 * it is written in the query or passed as a variable, and names the argument it was given for.
 * graphql-js reports the literal as a validation error and Apollo Server codes it
 * GRAPHQL_VALIDATION_FAILED, while a variable is coerced later and coded BAD_USER_INPUT; both
 * are refused before anything runs. Errors of the document itself (an unknown field or argument,
 * a variable of the wrong type for its position) stay GRAPHQL_VALIDATION_FAILED. An unknown enum
 * value lists the allowed ones (extensions.allowed, and in the message when graphql-js suggests
 * none), so a client need not read the schema to mend it.
 */
export function errorContractPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ document, errors, schema }) {
          if (!document) return;
          for (const error of errors) {
            contractOf(error, document);
            allowedValues(error, schema);
          }
        },
      };
    },
  };
}

function contractOf(error: GraphQLError, document: DocumentNode): void {
  const code = error.extensions.code;
  const node = error.nodes?.[0];
  if (!node || 'argumentName' in error.extensions) return;
  const ext = error.extensions as Record<string, unknown>;
  if (code === ErrorCode.GRAPHQL_VALIDATION_FAILED && VALUE_KINDS.has(node.kind)) {
    const argument = enclosingArgument(document, node);
    if (!argument) return; // a default value in a variable definition: a mistake of the document
    ext.code = ErrorCode.BAD_USER_INPUT;
    ext.argumentName = argument;
  } else if (code === ErrorCode.BAD_USER_INPUT && node.kind === Kind.VARIABLE_DEFINITION) {
    const argument = argumentOfVariable(document, node.variable.name.value);
    if (argument) ext.argumentName = argument;
  }
}

const UNKNOWN_ENUM = /Value "[^"]*" does not exist in "(\w+)" enum\./;

function allowedValues(error: GraphQLError, schema: GraphQLSchema): void {
  if (error.extensions.code !== ErrorCode.BAD_USER_INPUT || 'allowed' in error.extensions) return;
  const type = schema.getType(UNKNOWN_ENUM.exec(error.message)?.[1] ?? '');
  if (!isEnumType(type)) return;
  const allowed = type.getValues().map((v) => v.name);
  (error.extensions as Record<string, unknown>).allowed = allowed;
  // GraphQLError's message is read-only by type only; the formatted error is built from it afterwards.
  if (!/Did you mean/.test(error.message)) (error as { message: string }).message += ` Allowed values: ${allowed.join(', ')}.`;
}

/** The name of the argument whose value holds `target` (a node of this document). */
function enclosingArgument(document: DocumentNode, target: ASTNode): string | undefined {
  let found: string | undefined;
  visit(document, {
    enter(node, _key, parent, _path, ancestors) {
      if (found !== undefined) return false;
      if (node !== target) return undefined;
      // A literal given straight to an argument has the Argument as its parent, not among the ancestors.
      const chain = [...ancestors, parent];
      for (let i = chain.length - 1; i >= 0; i--) {
        const a = chain[i] as ASTNode | readonly ASTNode[] | undefined;
        if (!a) continue;
        if (!Array.isArray(a) && (a as ASTNode).kind === Kind.ARGUMENT) {
          found = (a as { name: { value: string } }).name.value;
          break;
        }
      }
      return false;
    },
  });
  return found;
}

/** The first argument (in document order) a variable is passed to, directly or inside a list or input object. */
function argumentOfVariable(document: DocumentNode, variable: string): string | undefined {
  let found: string | undefined;
  visit(document, {
    Argument(node) {
      if (found !== undefined) return false;
      let uses = false;
      visit(node.value, { Variable(v) { if (v.name.value === variable) uses = true; } });
      if (uses) found = node.name.value;
      return false;
    },
  });
  return found;
}
