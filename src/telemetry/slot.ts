import { createContextKey, type Context, type Span } from '@opentelemetry/api';

/**
 * The GraphQL operation's span, for the Neo4j queries it runs to hang under. Apollo's plugins
 * see the operation start and end but cannot wrap its execution in a context of their own, so
 * the HTTP span's context carries this mutable holder and the operation's plugin fills it in.
 */
export interface OperationSlot {
  span?: Span;
}

const SLOT = createContextKey('incident-graph operation span');

export function withOperationSlot(ctx: Context, slot: OperationSlot): Context {
  return ctx.setValue(SLOT, slot);
}

export function operationSlotOf(ctx: Context): OperationSlot | undefined {
  return ctx.getValue(SLOT) as OperationSlot | undefined;
}
