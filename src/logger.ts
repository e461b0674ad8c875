import { AsyncLocalStorage } from 'node:async_hooks';
import { pino } from 'pino';
import pretty from 'pino-pretty';

export type Logger = pino.Logger;

/** Fields every log line written while serving one request carries (its id, its operation; with tracing on, its traceId and spanId). */
export type LogContext = Record<string, string | number | undefined>;

const context = new AsyncLocalStorage<LogContext>();

/** Runs fn with fields that every log line it (and what it awaits) writes will carry. */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return context.run(fields, fn);
}

/** The current request's fields, to add to them (the operation is known only after parsing). */
export function currentLogContext(): LogContext | undefined {
  return context.getStore();
}

export type LogFormat = 'auto' | 'pretty' | 'json';

/**
 * pino, JSON by default; readable lines (pino-pretty) when stdout is a terminal. The request
 * fields come from AsyncLocalStorage through pino's mixin, so a line logged anywhere while a
 * request is served (an error formatter, the graph layer) carries its request id too, without
 * passing a child logger down.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', format: LogFormat = 'auto', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = { level, base: undefined, mixin: () => ({ ...context.getStore() }) };
  if (destination) return pino(options, destination);
  const readable = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
  if (!readable) return pino(options);
  return pino(options, pretty({
    colorize: true, sync: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l',
    // The span id is for machines joining logs to traces; the trace id stays readable.
    ignore: 'pid,hostname,reqId,spanId', messageFormat: '{if reqId}[{reqId}] {end}{msg}',
  }));
}
