/**
 * Fixtures for the capability-hub technique tables: a Role of given rules bound to `ServiceAccount/shop/ci`, the
 * same as a ClusterRole bound cluster-wide, and a pod of `shop`.
 */
import { clusterRole, clusterRoleBinding, role, roleBinding, sa } from './rbac-test-helpers.js';

/** A Role in `shop` with the rules, bound to the SA `ci` of `shop` by RoleBinding `shop/ci`. */
export function shopGrant(...rules: unknown[]): unknown[] {
  return [
    role('shop', 'r', rules),
    roleBinding('shop', 'ci', { kind: 'Role', name: 'r' }, [sa('ci', 'shop')]),
  ];
}

/** A ClusterRole with the rules, bound cluster-wide to the SA `ci` of `shop` by ClusterRoleBinding `ci`. */
export function clusterGrant(...rules: unknown[]): unknown[] {
  return [clusterRole('cr', rules), clusterRoleBinding('ci', 'cr', [sa('ci', 'shop')])];
}

/** The fixes every grant edge of these fixtures carries. */
export const SHOP_FIXES = ['remove-binding-subject@RoleBinding/shop/ci', 'restrict-role-rule@Role/shop/r'];

/** The fixes every cluster-wide grant edge of these fixtures carries. */
export const CLUSTER_FIXES = [
  'remove-binding-subject@ClusterRoleBinding/ci',
  'restrict-role-rule@ClusterRole/cr',
];

/** A bare Pod with one container `app`; `container` adds fields to it, `spec` to the pod spec. */
export function pod(
  ns: string,
  name: string,
  container: Readonly<Record<string, unknown>> = {},
  spec: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns },
    spec: { ...spec, containers: [{ name: 'app', image: 'registry.example/app:1', ...container }] },
  };
}
