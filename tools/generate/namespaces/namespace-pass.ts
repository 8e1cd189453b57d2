import { appNamespace } from '../apps/app-namespace.js';
import { renderIngress } from '../build/ingress.js';
import { managedFieldsShown } from '../build/managed-fields.js';
import { renderBinding, renderRole } from '../build/rbac.js';
import { renderService } from '../build/service.js';
import { renderNetworkPolicy, renderSecret, renderServiceAccount } from '../build/small-objects.js';
import type { NamespaceContents } from '../model/namespace-contents.js';
import type { AddressBook, ClusterPlan, NamespacePlan, NodePlan } from '../model/plan-types.js';
import type { ObjectSink } from '../output/sink.js';
import { Random } from '../random.js';
import { SYSTEM_NAMESPACES } from '../system/catalog.js';
import { emitWorkload } from './emit-workload.js';
import { fitPodSize } from './fit-pod-size.js';

/** State shared by all namespace passes of one run. */
export interface PassContext {
  readonly plan: ClusterPlan;
  readonly sink: ObjectSink;
  readonly addresses: AddressBook;
  readonly appNodes: readonly NodePlan[];
}

/** The namespace's contents: from the catalog for system namespaces, generated for the rest. */
export function namespaceContents(ns: NamespacePlan, rng: Random): NamespaceContents {
  if (!ns.system) return appNamespace(ns, rng);
  const entry = SYSTEM_NAMESPACES.find((s) => s.name === ns.name);
  if (entry === undefined) throw new Error(`no catalog entry for system namespace ${ns.name}`);
  return entry.contents(rng);
}

/**
 * Generate and write one namespace. Its random stream depends only on the seed and the
 * namespace name, so output is stable however other namespaces turn out.
 */
export function emitNamespace(ns: NamespacePlan, ctx: PassContext): void {
  const root = new Random(ctx.plan.seed).fork(`namespace/${ns.name}`);
  const contents = namespaceContents(ns, root.fork('contents'));
  const rng = root.fork('render');
  const { sink } = ctx;
  for (const sa of contents.serviceAccounts) sink.write(renderServiceAccount(sa, ns.name, rng));
  for (const secret of contents.secrets) sink.write(renderSecret(secret, rng));
  for (const role of contents.roles) sink.write(renderRole(role, rng));
  for (const binding of contents.roleBindings) sink.write(renderBinding(binding, rng));
  for (const service of contents.services) sink.write(renderService(service, ctx.addresses, rng));
  for (const ingress of contents.ingresses) sink.write(renderIngress(ingress, rng));
  for (const policy of contents.networkPolicies) sink.write(renderNetworkPolicy(policy, rng));
  const automount = new Map(contents.serviceAccounts.map((sa) => [sa.name, sa.automountToken]));
  for (const workload of contents.workloads) {
    // The pod-level setting wins; otherwise the ServiceAccount's; otherwise tokens are mounted.
    const mountToken = workload.automountToken ?? automount.get(workload.serviceAccount) ?? true;
    const fitted = managedFieldsShown()
      ? workload
      : fitPodSize(
          workload,
          mountToken,
          ctx.appNodes[0] ?? ctx.plan.nodes[0]!,
          rng.fork(`fit/${workload.name}`),
        );
    emitWorkload(fitted, {
      sink,
      nodes: ctx.plan.nodes,
      appNodes: ctx.appNodes,
      addresses: ctx.addresses,
      mountToken,
      rng: rng.fork(`workload/${fitted.name}/${fitted.kind}`),
    });
  }
  sink.endScope(ns.name);
}
