import { CLUSTER_EPOCH, SNAPSHOT_EPOCH } from '../clock.js';
import type { BindingSpec, RoleSpec, SubjectSpec } from '../model/object-specs.js';
import type { AccountRef } from '../model/plan-types.js';
import type { Random } from '../random.js';
import { TEAMS, USERS } from '../words.js';

/** Planted mistake: a ClusterRoleBinding making an application ServiceAccount cluster-admin. */
export function clusterAdminBinding(account: AccountRef, rng: Random): BindingSpec {
  return {
    name: `${account.namespace}-${account.name}-cluster-admin`,
    roleKind: 'ClusterRole',
    roleName: 'cluster-admin',
    subjects: [{ kind: 'ServiceAccount', name: account.name, namespace: account.namespace }],
    created: CLUSTER_EPOCH + rng.int(30 * 86400, SNAPSHOT_EPOCH - CLUSTER_EPOCH - 86400),
  };
}

function subjectFor(role: RoleSpec, accounts: readonly AccountRef[], rng: Random): SubjectSpec {
  // Operator roles go to a ServiceAccount; people-facing roles to groups and users.
  if (role.name.endsWith('-manager-role') && accounts.length > 0) {
    const a = rng.pick(accounts);
    return { kind: 'ServiceAccount', name: a.name, namespace: a.namespace };
  }
  return rng.weighted<SubjectSpec>([
    [{ kind: 'Group', name: `oidc:${rng.pick(TEAMS)}-engineers` }, 6],
    [{ kind: 'User', name: rng.pick(USERS) }, 2],
    [{ kind: 'Group', name: 'system:serviceaccounts' }, 1],
  ]);
}

/** `count` ClusterRoleBindings granting custom (and a few built-in) ClusterRoles. */
export function customClusterRoleBindings(
  count: number,
  roles: readonly RoleSpec[],
  accounts: readonly AccountRef[],
  rng: Random,
): BindingSpec[] {
  const used = new Set<string>();
  const grantable = roles.filter((r) => r.labels === undefined);
  const out: BindingSpec[] = [];
  while (out.length < count) {
    const role =
      grantable.length > 0 && rng.chance(0.85)
        ? rng.pick(grantable)
        : { name: 'view', rules: [], created: 0 };
    const subject = subjectFor(role, accounts, rng);
    const base = `${role.name}-${subject.name.replace(/[^a-z0-9.-]/g, '-')}`.slice(0, 120);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    const extra: SubjectSpec[] =
      subject.kind === 'Group' && rng.chance(0.2) ? [{ kind: 'User', name: rng.pick(USERS) }] : [];
    out.push({
      name,
      roleKind: 'ClusterRole',
      roleName: role.name,
      subjects: [subject, ...extra],
      created: Math.max(role.created, CLUSTER_EPOCH) + 600,
    });
  }
  return out;
}
