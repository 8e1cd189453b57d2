import { mkdirSync } from 'node:fs';
import { setShowManagedFields } from './build/managed-fields.js';
import { emitClusterScope } from './cluster/cluster-pass.js';
import type { AddressBook } from './model/plan-types.js';
import { emitNamespace } from './namespaces/namespace-pass.js';
import { appNodes } from './namespaces/scheduling.js';
import { JsonSink } from './output/json-sink.js';
import type { ObjectSink } from './output/sink.js';
import { YamlSink } from './output/yaml-sink.js';
import { planCluster } from './plan/plan-cluster.js';
import type { SizeName } from './sizes.js';
import { CountingSink } from './summary.js';

/** Output formats: per-kind List files, or one multi-document YAML stream. */
export type OutputFormat = 'json' | 'yaml';

/** What to generate and where. */
export interface GenerateOptions {
  readonly size: SizeName;
  readonly format: OutputFormat;
  readonly out: string;
  readonly seed: number;
  /** Keep metadata.managedFields, like `kubectl get --show-managed-fields`. */
  readonly showManagedFields?: boolean;
}

/** Counts and bytes of a finished run. */
export interface GenerateResult {
  readonly counts: ReadonlyMap<string, number>;
  readonly bytes: number;
}

/** Generate a whole cluster dump, streaming one namespace at a time to disk. */
export function generateCluster(options: GenerateOptions): GenerateResult {
  setShowManagedFields(options.showManagedFields ?? false);
  const plan = planCluster(options.size, options.seed);
  mkdirSync(options.out, { recursive: true });
  const inner: ObjectSink = options.format === 'json' ? new JsonSink(options.out) : new YamlSink(options.out);
  const sink = new CountingSink(inner);
  const addresses: AddressBook = {
    podsPerNode: new Uint16Array(plan.nodes.length),
    nextServiceIp: 11,
    nextNodePort: 0,
  };
  emitClusterScope(plan, sink);
  const ctx = { plan, sink, addresses, appNodes: appNodes(plan.nodes) };
  for (const ns of plan.namespaces) emitNamespace(ns, ctx);
  return { counts: sink.counts, bytes: sink.finish() };
}
