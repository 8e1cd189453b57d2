import { SNAPSHOT_EPOCH } from '../clock.js';
import type { NamespacePlan } from '../model/plan-types.js';
import type { PortSpec, WorkloadKind, WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { COMPONENTS, SIDECARS, STOCK_IMAGES } from '../words.js';
import { appLabels } from './app-labels.js';
import type { Hardening } from './hardening.js';
import { makeWorkload } from './make-workload.js';

const REPLICAS: readonly (readonly [number, number])[] = [
  [1, 15],
  [2, 28],
  [3, 25],
  [4, 12],
  [5, 7],
  [6, 5],
  [8, 4],
  [10, 2],
  [12, 1],
  [20, 1],
];
const TIERS: Readonly<Record<string, string>> = {
  web: 'frontend',
  frontend: 'frontend',
  renderer: 'frontend',
  admin: 'frontend',
  worker: 'worker',
  consumer: 'worker',
  scheduler: 'worker',
  indexer: 'worker',
  sync: 'worker',
};
const CRON_TASKS = ['nightly-report', 'cleanup', 'backup', 'sync-partners', 'reindex', 'expire-sessions'];
const SCHEDULES = ['0 2 * * *', '*/15 * * * *', '30 * * * *', '0 */6 * * *', '0 4 * * 0'];

function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  used.add(name);
  return name;
}

function hardeningFor(ns: NamespacePlan, rng: Random): Hardening {
  if (ns.psa === 'restricted') return 'full';
  if (ns.psa === 'baseline') return rng.chance(0.8) ? 'full' : 'partial';
  return rng.weighted([
    ['full', 72],
    ['partial', 20],
    ['none', 8],
  ] as const);
}

function podsFor(kind: WorkloadKind, rng: Random): number {
  if (kind === 'Deployment') return rng.weighted(REPLICAS);
  if (kind === 'StatefulSet')
    return rng.weighted([
      [1, 30],
      [2, 15],
      [3, 55],
    ] as const);
  return kind === 'Job' ? 1 : rng.int(1, 3);
}

function appWorkload(
  ns: NamespacePlan,
  kind: WorkloadKind,
  pods: number,
  used: Set<string>,
  rng: Random,
): WorkloadSpec {
  const stock = kind === 'StatefulSet' ? rng.pick(STOCK_IMAGES) : undefined;
  const component = rng.pick(COMPONENTS);
  const base =
    stock !== undefined
      ? stock[0]
      : kind === 'Job'
        ? `${ns.product}-db-migrate`
        : kind === 'CronJob'
          ? `${ns.product}-${rng.pick(CRON_TASKS)}`
          : `${ns.product}-${component}`;
  const name = uniqueName(base.slice(0, 45), used);
  const version = stock ? stock[1].split(':')[1]! : `${rng.int(0, 4)}.${rng.int(0, 30)}.${rng.int(0, 20)}`;
  const tier = stock
    ? stock[0] === 'redis' || stock[0] === 'memcached'
      ? 'cache'
      : 'data'
    : kind === 'Job' || kind === 'CronJob'
      ? 'batch'
      : (TIERS[component] ?? 'backend');
  const port: PortSpec = stock
    ? { name: stock[0], containerPort: stock[2], protocol: 'TCP' }
    : component === 'grpc'
      ? { name: 'grpc', containerPort: 50051, protocol: 'TCP' }
      : { name: 'http', containerPort: rng.pick([8080, 8080, 8000, 3000, 9000]), protocol: 'TCP' };
  const hardening = hardeningFor(ns, rng);
  const account = ns.serviceAccounts.length > 0 && rng.chance(0.4) ? rng.pick(ns.serviceAccounts) : 'default';
  const created = ns.created + Math.floor(rng.next() * (SNAPSHOT_EPOCH - ns.created - 3600));
  const { selector, labels } = appLabels(ns, name, tier, version);
  return makeWorkload(
    {
      kind,
      name,
      namespace: ns.name,
      env: ns.env,
      selector,
      labels,
      port,
      replicas: pods,
      hardening,
      image: stock ? stock[1] : `registry.example.com/${ns.team}/${name}:${version}`,
      sidecar: rng.pick(SIDECARS),
      serviceAccount: account,
      automountToken: hardening === 'full' || rng.chance(0.6) ? false : rng.chance(0.5) ? true : undefined,
      envCount: rng.int(0, 2),
      secret: rng.chance(0.3) ? `${name}-credentials` : undefined,
      size: rng.weighted([
        ['small', 45],
        ['medium', 45],
        ['large', 10],
      ] as const),
      schedule: kind === 'CronJob' ? rng.pick(SCHEDULES) : undefined,
      created,
    },
    rng,
  );
}

/** Workloads of an application namespace whose pods add up exactly to the namespace's budget. */
export function appWorkloads(ns: NamespacePlan, rng: Random): WorkloadSpec[] {
  const used = new Set<string>();
  const out: WorkloadSpec[] = [];
  let budget = ns.pods;
  while (budget > 0) {
    const kind: WorkloadKind =
      out.length === 0
        ? 'Deployment'
        : rng.weighted([
            ['Deployment', 78],
            ['StatefulSet', 9],
            ['Job', 8],
            ['CronJob', 5],
          ] as const);
    const pods = Math.min(podsFor(kind, rng), budget);
    budget -= pods;
    out.push(appWorkload(ns, kind, pods, used, rng));
  }
  return out;
}
