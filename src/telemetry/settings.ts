import { EnvError, makeValidator } from 'envalid';

/**
 * Which of OpenTelemetry's standard variables this process interprets itself, and what they
 * mean here. The OTLP exporter reads OTEL_EXPORTER_OTLP_* (headers, timeout, compression,
 * certificates) on its own; only the endpoints are checked here, because they switch tracing on.
 */

/** How traces are sampled (OTEL_TRACES_SAMPLER and its argument). */
export interface SamplerSettings {
  kind: 'always_on' | 'always_off' | 'traceidratio';
  /** Follow the caller's decision when the request continues a trace (the parentbased_* samplers). */
  parentBased: boolean;
  /** traceidratio only: the share of new traces kept, 0 to 1. */
  ratio: number;
}

export interface TracingSettings {
  enabled: boolean;
  serviceName: string;
  sampler: SamplerSettings;
}

export const DEFAULT_SERVICE_NAME = 'incident-graph';

const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'] as const;

// The specification says an empty variable is an unset one: `OTEL_X=` in a compose file must not stop the start.
const blank = (input: string) => input.trim() === '';

const boolFlag = makeValidator<boolean>((input) => {
  if (blank(input)) return false;
  const v = input.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new EnvError('must be true or false');
});

/** Only OTLP is shipped; any other exporter named would be silently dropped, so it stops the start. */
const tracesExporter = makeValidator<'otlp' | 'none' | ''>((input) => {
  const list = input.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (list.length === 0) return '';
  for (const e of list) {
    if (e !== 'otlp' && e !== 'none') throw new EnvError(`"${e}" is not supported: otlp (traces sent over OTLP/HTTP), or none`);
  }
  if (list.length > 1 && list.includes('none')) throw new EnvError('"none" cannot be combined with another exporter');
  return list[0] as 'otlp' | 'none';
});

const otlpEndpoint = makeValidator<string>((input) => {
  if (blank(input)) return '';
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new EnvError(`"${input}" is not a URL such as http://collector:4318`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EnvError(`"${input}": the OTLP/HTTP exporter needs an http:// or https:// URL`);
  return input.trim();
});

/** The exporter installed speaks OTLP over HTTP; a collector's OTLP/HTTP port takes its JSON as well as protobuf. */
const otlpProtocol = makeValidator<string>((input) => {
  if (blank(input)) return '';
  const v = input.trim();
  if (v === 'grpc') throw new EnvError('grpc is not supported: this server sends OTLP over HTTP (http/json to the collector\'s OTLP/HTTP port, 4318)');
  if (v !== 'http/json' && v !== 'http/protobuf') throw new EnvError(`"${v}" is not an OTLP protocol: http/json or http/protobuf`);
  return v;
});

const samplerName = makeValidator<(typeof SAMPLERS)[number]>((input) => {
  if (blank(input)) return 'parentbased_always_on';
  const v = input.trim().toLowerCase();
  if (!(SAMPLERS as readonly string[]).includes(v)) throw new EnvError(`"${input}" is not supported: one of ${SAMPLERS.join(', ')}`);
  return v as (typeof SAMPLERS)[number];
});

const samplerArg = makeValidator<number | undefined>((input) => {
  if (blank(input)) return undefined;
  const n = Number(input.trim());
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new EnvError('must be a number from 0 to 1 (the share of new traces kept by traceidratio)');
  return n;
});

const serviceName = makeValidator<string>((input) => (blank(input) ? DEFAULT_SERVICE_NAME : input.trim()));

/** The OTEL_* variables, in envalid's terms: src/config.ts validates them with every other setting. */
export const TRACING_ENV = {
  OTEL_SDK_DISABLED: boolFlag({ default: false, desc: 'true: no telemetry at all, whatever else is set' }),
  OTEL_TRACES_EXPORTER: tracesExporter({ default: '', desc: 'otlp: send traces over OTLP/HTTP; none: no traces; unset: traces only when an OTLP endpoint is set' }),
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint({ default: '', desc: 'the collector\'s OTLP/HTTP base URL (traces go to <it>/v1/traces); setting it turns traces on' }),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: otlpEndpoint({ default: '', desc: 'the full URL traces are sent to; setting it turns traces on' }),
  OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol({ default: '', desc: 'http/json or http/protobuf (both sent as OTLP/HTTP JSON); grpc is refused' }),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otlpProtocol({ default: '', desc: 'as OTEL_EXPORTER_OTLP_PROTOCOL, for traces' }),
  OTEL_SERVICE_NAME: serviceName({ default: DEFAULT_SERVICE_NAME, desc: 'service.name of every span' }),
  OTEL_TRACES_SAMPLER: samplerName({ default: 'parentbased_always_on', desc: `which traces are kept: ${SAMPLERS.join(', ')}` }),
  OTEL_TRACES_SAMPLER_ARG: samplerArg({ default: undefined, desc: 'traceidratio: the share of new traces kept, 0 to 1 (default 1)' }),
};

type Cleaned = { [K in keyof typeof TRACING_ENV]: (typeof TRACING_ENV)[K] extends { _parse: (i: string) => infer T } ? T : never };

/**
 * Tracing is on only when the standard variables ask for it: OTEL_TRACES_EXPORTER=otlp, or an
 * OTLP endpoint, and never with OTEL_SDK_DISABLED=true. Off is the default because a process
 * with nowhere to send spans would only pay for making them.
 */
export function tracingSettings(c: Pick<Cleaned, keyof Cleaned>): TracingSettings {
  const asked = c.OTEL_TRACES_EXPORTER === 'otlp'
    || (c.OTEL_TRACES_EXPORTER === '' && (c.OTEL_EXPORTER_OTLP_ENDPOINT !== '' || c.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== ''));
  const sampler = c.OTEL_TRACES_SAMPLER;
  const parentBased = sampler.startsWith('parentbased_');
  return {
    enabled: asked && !c.OTEL_SDK_DISABLED,
    serviceName: c.OTEL_SERVICE_NAME,
    sampler: {
      kind: (parentBased ? sampler.slice('parentbased_'.length) : sampler) as SamplerSettings['kind'],
      parentBased,
      ratio: c.OTEL_TRACES_SAMPLER_ARG ?? 1,
    },
  };
}
