import type { KubeObject } from './json-types.js';
import type { ObjectSink } from './output/sink.js';

/** Kinds in the order of the reference table, then the extra kinds the dump carries. */
const ORDER = [
  'Node',
  'Pod',
  'Namespace',
  'Service',
  'Ingress',
  'RoleBinding',
  'ClusterRoleBinding',
  'Role',
  'ClusterRole',
  'ServiceAccount',
  'NetworkPolicy',
  'Deployment',
  'ReplicaSet',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'Secret',
];

/** Wraps a sink and counts objects per kind on the way through. */
export class CountingSink implements ObjectSink {
  readonly counts = new Map<string, number>();
  readonly #inner: ObjectSink;

  constructor(inner: ObjectSink) {
    this.#inner = inner;
  }

  write(object: KubeObject): void {
    this.counts.set(object.kind, (this.counts.get(object.kind) ?? 0) + 1);
    this.#inner.write(object);
  }

  endScope(namespace: string | undefined): void {
    this.#inner.endScope(namespace);
  }

  finish(): number {
    return this.#inner.finish();
  }
}

/** A two-column table of counts per kind, for stderr. */
export function formatCounts(counts: ReadonlyMap<string, number>): string {
  const kinds = [
    ...ORDER.filter((k) => counts.has(k)),
    ...[...counts.keys()].filter((k) => !ORDER.includes(k)).sort(),
  ];
  const width = Math.max(...kinds.map((k) => k.length));
  let total = 0;
  const lines = kinds.map((kind) => {
    const n = counts.get(kind) ?? 0;
    total += n;
    return `  ${kind.padEnd(width)}  ${n.toLocaleString('en-US').padStart(9)}`;
  });
  return [...lines, `  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(9)}`].join('\n');
}
