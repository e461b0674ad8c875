import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, detectResources, resourceAttributesEnvDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import {
  AlwaysOffSampler, AlwaysOnSampler, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider,
  type Sampler, type SpanProcessor,
} from '@opentelemetry/sdk-trace';
import type { SamplerSettings, TracingSettings } from './settings.js';

/** The instrumentation scope of every span the server makes. */
const SCOPE = 'incident-graph';

interface Running {
  provider: TracerProvider;
  tracer: Tracer;
  contextManager: AsyncLocalStorageContextManager;
}

// Held here rather than fetched from the API's global each time: the instrumented paths test one
// variable, so with tracing off they make no span object at all (the API's no-op tracer still
// allocates one per call), and a test can stop one provider and start another.
let running: Running | undefined;

/** The tracer while tracing runs; undefined when it is off (the common case, to be checked first). */
export function activeTracer(): Tracer | undefined {
  return running?.tracer;
}

/** Whether spans are being made: what the server checks once, at start, to mount its tracing. */
export function tracingOn(): boolean {
  return running !== undefined;
}

export interface StartOptions {
  /** Where spans go instead of the OTLP exporter (the tests' in-memory exporter). */
  spanProcessor?: SpanProcessor;
}

/**
 * Registers a tracer provider, the async-local context and the W3C trace-context propagator,
 * when `settings` say tracing is on; else does nothing and returns false. Spans are batched
 * to the OTLP/HTTP exporter, which reads OTEL_EXPORTER_OTLP_* itself.
 */
export function startTracing(settings: TracingSettings, o: StartOptions = {}): boolean {
  if (!settings.enabled) return false;
  if (running) throw new Error('Tracing is already started');
  const resource = defaultResource()
    .merge(detectResources({ detectors: [resourceAttributesEnvDetector] }))
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName }));
  const provider = new TracerProvider({
    resource,
    sampler: samplerOf(settings.sampler),
    spanProcessors: [o.spanProcessor ?? new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })],
  });
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  running = { provider, tracer: provider.getTracer(SCOPE), contextManager };
  return true;
}

/**
 * Sends the spans still queued and unregisters everything, waiting at most `timeoutMs`: a
 * collector that does not answer must not hold the shutdown. Returns whether the flush finished.
 */
export async function stopTracing(timeoutMs = 2000): Promise<boolean> {
  const r = running;
  if (!r) return true;
  running = undefined;
  trace.disable();
  propagation.disable();
  context.disable();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
  try {
    return await Promise.race([r.provider.shutdown().then(() => true, () => false), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function samplerOf(s: SamplerSettings): Sampler {
  const root = s.kind === 'always_off' ? new AlwaysOffSampler() : s.kind === 'traceidratio' ? new TraceIdRatioBasedSampler(s.ratio) : new AlwaysOnSampler();
  return s.parentBased ? new ParentBasedSampler({ root }) : root;
}
