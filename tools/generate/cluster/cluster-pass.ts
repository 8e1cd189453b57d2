import { renderNamespace } from '../build/namespace.js';
import { renderNode } from '../build/node.js';
import { renderBinding, renderRole } from '../build/rbac.js';
import type { ClusterPlan } from '../model/plan-types.js';
import type { ObjectSink } from '../output/sink.js';
import { Random } from '../random.js';
import { builtinClusterRoles } from '../system/builtin-cluster-roles.js';
import { componentClusterRoles } from '../system/component-cluster-roles.js';
import { systemClusterRoleBindings } from '../system/system-cluster-role-bindings.js';
import { clusterAdminBinding, customClusterRoleBindings } from './custom-cluster-role-bindings.js';
import { customClusterRoles } from './custom-cluster-roles.js';

function remaining(kind: string, target: number, fixed: number): number {
  if (target < fixed)
    throw new Error(`size too small: ${kind} target ${target} is below the ${fixed} built-in ones`);
  return target - fixed;
}

/** Write every cluster-scoped object: Namespaces, Nodes, ClusterRoles and ClusterRoleBindings. */
export function emitClusterScope(plan: ClusterPlan, sink: ObjectSink): void {
  const rng = new Random(plan.seed).fork('cluster-scope');
  for (const ns of plan.namespaces) sink.write(renderNamespace(ns, rng.fork(`namespace/${ns.name}`)));
  const nodeRng = rng.fork('nodes');
  for (const node of plan.nodes) sink.write(renderNode(node, nodeRng));

  const fixedRoles = [...builtinClusterRoles(), ...componentClusterRoles()];
  const customRoles = customClusterRoles(
    remaining('clusterRoles', plan.size.clusterRoles, fixedRoles.length),
    new Set(fixedRoles.map((r) => r.name)),
    rng.fork('custom-cluster-roles'),
  );
  const roleRng = rng.fork('cluster-roles');
  for (const role of [...fixedRoles, ...customRoles]) sink.write(renderRole(role, roleRng));

  const bindingRng = rng.fork('cluster-role-bindings');
  const fixedBindings = [
    ...systemClusterRoleBindings(),
    ...plan.clusterAdminAccounts.map((a) => clusterAdminBinding(a, bindingRng)),
  ];
  const customBindings = customClusterRoleBindings(
    remaining('clusterRoleBindings', plan.size.clusterRoleBindings, fixedBindings.length),
    customRoles,
    plan.appAccounts,
    bindingRng,
  );
  for (const binding of [...fixedBindings, ...customBindings]) sink.write(renderBinding(binding, bindingRng));
  sink.endScope(undefined);
}
