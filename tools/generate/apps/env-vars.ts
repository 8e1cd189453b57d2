import type { EnvSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';

/** Context that env values are derived from. */
export interface EnvContext {
  readonly app: string;
  readonly namespace: string;
  readonly env: string;
  readonly port: number;
  /** Secret holding credentials; when set, credentials come from secretKeyRef (the good practice). */
  readonly secret?: string;
}

type EnvMaker = (ctx: EnvContext, rng: Random) => EnvSpec;

const literal =
  (name: string, value: (ctx: EnvContext, rng: Random) => string): EnvMaker =>
  (ctx, rng) => ({ name, value: value(ctx, rng) });

const field =
  (name: string, fieldPath: string): EnvMaker =>
  () => ({ name, fieldPath });

// The same pool serves every app; a workload takes a prefix of a shuffled copy, so neighbouring
// apps share familiar names (LOG_LEVEL, POD_NAME...) without looking identical.
const POOL: readonly EnvMaker[] = [
  literal('LOG_LEVEL', (_, r) => r.pick(['info', 'info', 'debug', 'warn'])),
  literal('LOG_FORMAT', () => 'json'),
  literal('PORT', (c) => String(c.port)),
  literal('ENVIRONMENT', (c) => c.env),
  literal('OTEL_SERVICE_NAME', (c) => c.app),
  literal('OTEL_EXPORTER_OTLP_ENDPOINT', () => 'http://otel-collector.monitoring.svc.cluster.local:4317'),
  literal(
    'OTEL_RESOURCE_ATTRIBUTES',
    (c) => `service.namespace=${c.namespace},deployment.environment=${c.env}`,
  ),
  field('POD_NAME', 'metadata.name'),
  field('POD_NAMESPACE', 'metadata.namespace'),
  field('NODE_NAME', 'spec.nodeName'),
  field('POD_IP', 'status.podIP'),
  literal('GOMAXPROCS', (_, r) => String(r.int(1, 4))),
  literal('GOMEMLIMIT', (_, r) => `${r.pick([200, 400, 800])}MiB`),
  literal('JAVA_TOOL_OPTIONS', (_, r) => `-XX:MaxRAMPercentage=${r.pick([60, 70, 75])}.0 -XX:+UseG1GC`),
  literal('DB_HOST', (c) => `${c.app}-postgres.${c.namespace}.svc.cluster.local`),
  literal('DB_PORT', () => '5432'),
  literal('DB_NAME', (c) => c.app.replaceAll('-', '_')),
  literal('DB_POOL_SIZE', (_, r) => String(r.int(5, 50))),
  literal('REDIS_URL', (c) => `redis://redis.${c.namespace}.svc.cluster.local:6379/0`),
  literal('KAFKA_BROKERS', () => 'kafka-0.kafka.streaming.svc:9092,kafka-1.kafka.streaming.svc:9092'),
  literal('KAFKA_CONSUMER_GROUP', (c) => `${c.app}-${c.env}`),
  literal('HTTP_TIMEOUT', (_, r) => `${r.pick([5, 10, 30])}s`),
  literal('RETRY_MAX_ATTEMPTS', (_, r) => String(r.int(2, 6))),
  literal('CACHE_TTL_SECONDS', (_, r) => String(r.pick([60, 300, 900, 3600]))),
  literal('TZ', () => 'UTC'),
  literal('AWS_REGION', () => 'eu-west-1'),
  literal('FEATURE_FLAGS', (_, r) =>
    r.sample(['new-checkout', 'fast-search', 'v2-api', 'dark-mode'], 2).join(','),
  ),
  literal('API_BASE_URL', (c) => `https://api.${c.env}.example.com/${c.app}`),
  literal('MAX_BODY_BYTES', (_, r) => String(r.pick([1048576, 4194304, 10485760]))),
  literal('SHUTDOWN_GRACE_PERIOD', () => '25s'),
];

const CREDENTIALS = ['DB_USER', 'DB_PASSWORD', 'SENTRY_DSN', 'API_CLIENT_SECRET'] as const;

/** Keys the per-app credentials Secret holds, matching the secretKeyRef env vars. */
export const CREDENTIAL_KEYS: readonly string[] = CREDENTIALS.map((name) =>
  name.toLowerCase().replaceAll('_', '-'),
);

/** `count` env vars for an app, plus credential references when it has a Secret. */
export function makeEnv(ctx: EnvContext, count: number, rng: Random): EnvSpec[] {
  const env = rng.sample(POOL, count).map((make) => make(ctx, rng));
  if (ctx.secret !== undefined) {
    for (const name of CREDENTIALS.slice(0, rng.chance(0.7) ? 1 : 2)) {
      env.push({ name, secret: ctx.secret, key: name.toLowerCase().replaceAll('_', '-') });
    }
  }
  return env;
}

/** A secret-like variable with its value inlined: the mistake a credential scanner looks for. */
export function leakedSecretEnv(rng: Random): EnvSpec {
  const name = rng.pick([
    'DB_PASSWORD',
    'AWS_SECRET_ACCESS_KEY',
    'STRIPE_API_KEY',
    'GITHUB_TOKEN',
    'JWT_SECRET',
  ]);
  return { name, value: `fake-${name.toLowerCase().replaceAll('_', '-')}-${rng.hex(16)}` };
}

/** One more env var from the pool that the container does not have yet, if any is left. */
export function extraEnv(ctx: EnvContext, existing: readonly EnvSpec[], rng: Random): EnvSpec | undefined {
  const taken = new Set(existing.map((e) => e.name));
  const candidates = POOL.map((make) => make(ctx, rng)).filter((e) => !taken.has(e.name));
  return candidates.length > 0 ? rng.pick(candidates) : undefined;
}

/** True for the inlined fake credential planted by the `secret-env` mistake. */
export function isLeakedSecret(env: EnvSpec): boolean {
  return 'value' in env && env.value.startsWith('fake-');
}
