import type { BindingSpec, RoleSpec, SubjectSpec } from '../model/object-specs.js';
import type { NamespacePlan } from '../model/plan-types.js';
import type { Random } from '../random.js';
import { USERS } from '../words.js';
import { POD_MANAGER_RULES, ROLE_TEMPLATES, SECRET_READER_RULES } from './app-roles.js';

/** Roles and RoleBindings of one application namespace. */
export interface AppRbac {
  readonly roles: readonly RoleSpec[];
  readonly roleBindings: readonly BindingSpec[];
}

function account(ns: NamespacePlan, name: string, rng: Random): SubjectSpec {
  // RoleBindings may leave a ServiceAccount's namespace out; it then means the binding's own.
  return rng.chance(0.25)
    ? { kind: 'ServiceAccount', name }
    : { kind: 'ServiceAccount', name, namespace: ns.name };
}

function clusterRoleBinding(ns: NamespacePlan, rng: Random): Omit<BindingSpec, 'created' | 'namespace'> {
  const sa = ns.serviceAccounts.length > 0 ? rng.pick(ns.serviceAccounts) : 'default';
  const user = rng.pick(USERS);
  const choices: readonly (readonly [Omit<BindingSpec, 'created' | 'namespace'>, number])[] = [
    [
      {
        name: `${ns.team}-developers`,
        roleKind: 'ClusterRole',
        roleName: 'edit',
        subjects: [{ kind: 'Group', name: `oidc:team-${ns.team}` }],
      },
      30,
    ],
    [
      {
        name: `${ns.team}-viewers`,
        roleKind: 'ClusterRole',
        roleName: 'view',
        subjects: [
          { kind: 'Group', name: `oidc:${ns.team}-readonly` },
          { kind: 'Group', name: 'oidc:sre' },
        ],
      },
      25,
    ],
    [
      {
        name: `${user.split('@')[0]}-admin`,
        roleKind: 'ClusterRole',
        roleName: 'admin',
        subjects: [{ kind: 'User', name: user }],
      },
      12,
    ],
    [{ name: `${sa}-view`, roleKind: 'ClusterRole', roleName: 'view', subjects: [account(ns, sa, rng)] }, 12],
    [
      {
        name: 'prometheus-k8s',
        roleKind: 'ClusterRole',
        roleName: 'prometheus-k8s',
        subjects: [{ kind: 'ServiceAccount', name: 'prometheus-k8s', namespace: 'monitoring' }],
      },
      10,
    ],
    [
      {
        name: 'ci-deploy',
        roleKind: 'ClusterRole',
        roleName: 'edit',
        subjects: [{ kind: 'ServiceAccount', name: 'gitlab-runner', namespace: 'ci' }],
      },
      8,
    ],
    [
      {
        name: 'metrics-reader',
        roleKind: 'ClusterRole',
        roleName: 'system:aggregated-metrics-reader',
        subjects: [{ kind: 'Group', name: 'system:serviceaccounts' }],
      },
      3,
    ],
  ];
  return rng.weighted(choices);
}

/** Roles from templates (the mistake Role first), bindings for them, then bindings to ClusterRoles. */
export function appRbac(ns: NamespacePlan, rng: Random): AppRbac {
  const token = ns.mistakes.find((m) => m.kind === 'pod-create-token' || m.kind === 'secret-read-token');
  const t0 = ns.created + 300;
  const roles: RoleSpec[] = [];
  const roleNames = new Set<string>();
  for (let i = 0; i < ns.roles; i++) {
    let name: string;
    let rules: RoleSpec['rules'];
    if (i === 0 && token !== undefined) {
      const podCreate = token.kind === 'pod-create-token';
      name = `${ns.serviceAccounts[0]}-${podCreate ? 'pod-manager' : 'secrets-reader'}`;
      rules = podCreate ? POD_MANAGER_RULES : SECRET_READER_RULES;
    } else {
      const [suffix, , templateRules] = rng.weighted(ROLE_TEMPLATES.map((t) => [t, t[1]] as const));
      name = suffix;
      rules = templateRules;
    }
    const base = name;
    for (let n = 2; roleNames.has(name); n++) name = `${base}-${n}`;
    roleNames.add(name);
    roles.push({ name, namespace: ns.name, rules, created: t0 + i * 60 });
  }
  const bindings: BindingSpec[] = [];
  const bindingNames = new Set<string>();
  for (let i = 0; i < ns.roleBindings; i++) {
    const role = roles[i];
    const draft: Omit<BindingSpec, 'created' | 'namespace'> =
      role !== undefined
        ? {
            name: role.name,
            roleKind: 'Role',
            roleName: role.name,
            subjects: [
              account(
                ns,
                i === 0 && token !== undefined
                  ? ns.serviceAccounts[0]!
                  : ns.serviceAccounts.length > 0 && rng.chance(0.6)
                    ? rng.pick(ns.serviceAccounts)
                    : 'default',
                rng,
              ),
            ],
          }
        : clusterRoleBinding(ns, rng);
    let name = draft.name;
    for (let n = 2; bindingNames.has(name); n++) name = `${draft.name}-${n}`;
    bindingNames.add(name);
    bindings.push({ ...draft, name, namespace: ns.name, created: t0 + 30 + i * 60 });
  }
  return { roles, roleBindings: bindings };
}
