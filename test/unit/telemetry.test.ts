import { context, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { routeOf } from '../../src/telemetry/http.js';
import { startQuerySpan } from '../../src/telemetry/neo4j.js';
import { activeTracer, startTracing, stopTracing, tracingOn } from '../../src/telemetry/tracing.js';

const env = (vars: Record<string, string>) => ({ PATH: process.env.PATH, ...vars });
const tracing = (vars: Record<string, string>) => loadConfig(env(vars)).tracing;

describe('OTEL_* variables (issue 28: traces off by default, on with the standard variables)', () => {
  it('off unless an exporter or an endpoint is named; OTEL_SDK_DISABLED=true always wins', () => {
    expect(tracing({})).toEqual({ enabled: false, serviceName: 'incident-graph', sampler: { kind: 'always_on', parentBased: true, ratio: 1 } });
    expect(tracing({ OTEL_TRACES_EXPORTER: 'otlp' }).enabled).toBe(true);
    expect(tracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).enabled).toBe(true);
    expect(tracing({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector.example/v1/traces' }).enabled).toBe(true);
    expect(tracing({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).enabled).toBe(false);
    expect(tracing({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).enabled).toBe(false);
    expect(tracing({ OTEL_SDK_DISABLED: 'false', OTEL_TRACES_EXPORTER: 'otlp' }).enabled).toBe(true);
    // Empty is unset, as the specification says (a compose file's `OTEL_TRACES_EXPORTER=`).
    expect(tracing({ OTEL_TRACES_EXPORTER: '', OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SDK_DISABLED: '', OTEL_TRACES_SAMPLER: '', OTEL_SERVICE_NAME: '' }))
      .toEqual(tracing({}));
  });

  it('the service name and the sampler', () => {
    expect(tracing({ OTEL_SERVICE_NAME: 'graph-eu' }).serviceName).toBe('graph-eu');
    expect(tracing({ OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }).sampler)
      .toEqual({ kind: 'traceidratio', parentBased: true, ratio: 0.25 });
    expect(tracing({ OTEL_TRACES_SAMPLER: 'traceidratio' }).sampler).toEqual({ kind: 'traceidratio', parentBased: false, ratio: 1 });
    expect(tracing({ OTEL_TRACES_SAMPLER: 'always_off' }).sampler).toEqual({ kind: 'always_off', parentBased: false, ratio: 1 });
    expect(tracing({ OTEL_TRACES_SAMPLER: 'ParentBased_Always_Off' }).sampler).toEqual({ kind: 'always_off', parentBased: true, ratio: 1 });
  });

  it('a value it cannot honour stops the start, naming the variable', () => {
    const refused: [Record<string, string>, RegExp][] = [
      [{ OTEL_TRACES_EXPORTER: 'zipkin' }, /OTEL_TRACES_EXPORTER: "zipkin" is not supported/],
      [{ OTEL_TRACES_EXPORTER: 'otlp,none' }, /OTEL_TRACES_EXPORTER: "none" cannot be combined/],
      [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, /OTEL_EXPORTER_OTLP_ENDPOINT: .*http:\/\/ or https:\/\//],
      [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' }, /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "not a url" is not a URL/],
      [{ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, /OTEL_EXPORTER_OTLP_PROTOCOL: grpc is not supported/],
      [{ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'thrift' }, /OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: "thrift" is not an OTLP protocol/],
      [{ OTEL_TRACES_SAMPLER: 'jaeger_remote' }, /OTEL_TRACES_SAMPLER: "jaeger_remote" is not supported/],
      [{ OTEL_TRACES_SAMPLER_ARG: '2' }, /OTEL_TRACES_SAMPLER_ARG: must be a number from 0 to 1/],
      [{ OTEL_TRACES_SAMPLER_ARG: 'half' }, /OTEL_TRACES_SAMPLER_ARG: must be a number from 0 to 1/],
      [{ OTEL_SDK_DISABLED: 'yes' }, /OTEL_SDK_DISABLED: must be true or false/],
    ];
    for (const [vars, message] of refused) {
      expect(() => loadConfig(env(vars)), JSON.stringify(vars)).toThrow(ConfigError);
      expect(() => loadConfig(env(vars)), JSON.stringify(vars)).toThrow(message);
    }
    expect(tracing({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_TRACES_EXPORTER: 'otlp' }).enabled).toBe(true);
  });
});

describe('tracing off registers nothing', () => {
  it('startTracing with the default settings: no provider, no propagator, no span objects on the hot paths', async () => {
    expect(startTracing(tracing({}))).toBe(false);
    expect(tracingOn()).toBe(false);
    expect(activeTracer()).toBeUndefined();
    // The API's globals are still its no-ops: a tracer whose spans record nothing, a propagator that injects nothing.
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpanContext(ROOT_CONTEXT, { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1 }), carrier);
    expect(carrier).toEqual({});
    expect(context.active()).toBe(ROOT_CONTEXT);
    // The graph layer's one check per query: no span is made.
    expect(startQuerySpan('incident/detail', 'READ', 'neo4j')).toBeUndefined();
    expect(await stopTracing()).toBe(true);
  });
});

describe('span names stay few', () => {
  it('a route of the server by name, its static files as one route, anything else by its method alone', () => {
    expect(routeOf('/graphql')).toBe('/graphql');
    expect(routeOf('/health')).toBe('/health');
    expect(routeOf('/ide/graphiql.3f2a.js')).toBe('/ide/*');
    expect(routeOf('/explore/app.js')).toBe('/explore/*');
    expect(routeOf('/wp-admin/login.php')).toBeUndefined();
  });
});
