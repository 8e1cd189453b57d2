// Word lists are space-separated strings so they stay compact under the formatter.
const words = (text: string): readonly string[] => text.trim().split(/\s+/);

/** Product names that prefix application namespaces and apps. */
export const PRODUCTS = words(`
  checkout payments catalog search orders billing identity inventory shipping pricing reviews
  recommendations notifications ledger fraud loyalty media cms analytics reporting onboarding support
  chat maps geo booking invoicing warehouse returns promotions ads partner merchant wallet kyc risk tax
  subscriptions feeds email sms push audit compliance datalake etl ml-platform feature-store experiments
  gateway auth sso profile settings cart quotes forecast routing dispatch fleet telemetry iot firmware
  portal docs wiki helpdesk crm erp hr payroll expenses procurement contracts legal marketing`);

/** Second words for namespaces when products alone run out. */
export const AREAS = words(`
  core api web mobile batch stream edge internal public admin sync ingest export import events jobs ml
  data ops infra v2 legacy eu us apac`);

/** Deployment environments. */
export const ENVIRONMENTS = words('prod staging dev qa sandbox');

/** Owning teams, used for labels and RBAC groups. */
export const TEAMS = words(`
  platform payments growth search data identity commerce logistics mobile web ml security sre finance
  support content partners infra insights core`);

/** Roles an app plays inside a product. */
export const COMPONENTS = words(`
  api web worker consumer scheduler gateway frontend backend indexer sync exporter admin grpc graphql
  webhook notifier cache-warmer aggregator renderer`);

/** Names for extra ServiceAccounts inside an application namespace. */
export const SERVICE_ACCOUNT_NAMES = words(`
  api worker web deployer scheduler sync migrator exporter operator backup gateway indexer reader runner
  controller agent`);

/** Human users that show up as RBAC subjects. */
export const USERS = words(`
  alice@example.com bob@example.com carol@example.com dave@example.com erin@example.com frank@example.com
  grace@example.com heidi@example.com ivan@example.com judy@example.com oscar@example.com
  peggy@example.com trent@example.com victor@example.com`);

/** Third-party images with the tag a careful team would pin, and the port they serve. */
export const STOCK_IMAGES: readonly (readonly [name: string, image: string, port: number])[] = [
  ['redis', 'redis:7.2.4-alpine', 6379],
  ['postgres', 'postgres:16.2', 5432],
  ['rabbitmq', 'rabbitmq:3.13.0-management', 5672],
  ['memcached', 'memcached:1.6.24', 11211],
  ['kafka', 'bitnami/kafka:3.6.1', 9092],
  ['elasticsearch', 'elasticsearch:8.12.2', 9200],
  ['mongodb', 'mongo:7.0.6', 27017],
];

/** Sidecars that give every application pod its second container: name, image, metrics port. */
export const SIDECARS: readonly (readonly [name: string, image: string, port: number])[] = [
  ['envoy', 'envoyproxy/envoy:v1.29.2', 9901],
  ['log-shipper', 'fluent/fluent-bit:2.2.2', 2020],
  ['otel-collector', 'otel/opentelemetry-collector-contrib:0.96.0', 8888],
  ['cloudsql-proxy', 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.9.0', 9801],
  ['vault-agent', 'hashicorp/vault:1.15.6', 8200],
  ['oauth2-proxy', 'quay.io/oauth2-proxy/oauth2-proxy:v7.6.0', 4180],
];
