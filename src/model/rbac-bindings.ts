/**
 * RoleBindings and ClusterRoleBindings resolved to bound subjects: one per (binding, subject), scoped to the
 * binding's namespace, or `*` for a ClusterRoleBinding, holding the role's rules as one list shared by every
 * binding of that kind to the role (a grant is one rule of one bound subject; see rbac-grants.ts).
 */
import { type Gap, objectRef } from '../collect/snapshot.js';
import type { Sourced } from './rbac-roles.js';
import { obj, str } from './read.js';
import type { Binding, BoundSubject, PolicyRule, Role, RoleRules, Subject } from './types.js';

const SA_USER_PREFIX = 'system:serviceaccount:';

/** The identity ref of a subject: an SA-named User is that ServiceAccount. Undefined when invalid. */
export function identityOf(subject: Subject): string | undefined {
  switch (subject.kind) {
    case 'ServiceAccount':
      return subject.namespace === undefined
        ? undefined
        : `ServiceAccount/${subject.namespace}/${subject.name}`;
    case 'User':
      return `User/${subject.name}`;
    case 'Group':
      return `Group/${subject.name}`;
    default: {
      const never: never = subject.kind;
      throw new Error(`unknown subject kind ${String(never)}`);
    }
  }
}

/**
 * The ServiceAccount a user name stands for: `system:serviceaccount:<ns>:<name>` is how an SA token
 * authenticates, so that User is the SA. Upstream `serviceaccount.SplitUsername`: exactly `<ns>:<name>`, both
 * non-empty; anything else is an ordinary User.
 */
export function serviceAccountOfUser(user: string): { namespace: string; name: string } | undefined {
  if (!user.startsWith(SA_USER_PREFIX)) return undefined;
  const parts = user.slice(SA_USER_PREFIX.length).split(':');
  const [namespace, name] = parts;
  return parts.length === 2 && namespace && name ? { namespace, name } : undefined;
}

/** Normalises a subject as the authorizer reads it; undefined for kinds RBAC does not know. */
function normaliseSubject(value: unknown, bindingNamespace: string | undefined): Subject | undefined {
  const raw = obj(value);
  const name = str(raw.name) ?? '';
  const kind = str(raw.kind);
  if (kind === 'User') {
    const account = serviceAccountOfUser(name);
    if (account !== undefined) return { kind: 'ServiceAccount', ...account };
  }
  if (kind === 'ServiceAccount') {
    // In a RoleBinding an SA without namespace means the binding's namespace.
    const namespace = str(raw.namespace) || bindingNamespace;
    return namespace === undefined ? { kind, name } : { kind, name, namespace };
  }
  if (kind === 'User' || kind === 'Group') return { kind, name };
  return undefined;
}

function gapWhere(so: Sourced['so']): string {
  return so.location !== undefined ? `${so.location.file}:${so.location.line}` : so.ref;
}

/** Grants only the rules a binding of this kind gives effect: RoleBindings never grant nonResourceURLs. */
function effectiveRule(rule: PolicyRule, clusterWide: boolean): PolicyRule | undefined {
  if (clusterWide || rule.nonResourceURLs.length === 0) return rule;
  if (rule.resources.length === 0) return undefined;
  return { ...rule, nonResourceURLs: [] };
}

/** Result of resolving bindings. */
export interface ResolvedBindings {
  readonly bindings: Binding[];
  readonly bound: BoundSubject[];
  readonly gaps: Gap[];
}

/** Subjects as the authorizer reads them, each with its identity and its index in the object's `subjects`. */
function subjectsOf(
  so: Sourced['so'],
  namespace: string | undefined,
  gaps: Gap[],
): { subject: Subject; identity?: string; index: number }[] {
  const raw = Array.isArray(so.object.subjects) ? so.object.subjects : [];
  return raw.flatMap((item, index) => {
    const subject = normaliseSubject(item, namespace);
    if (subject === undefined) {
      const kind = JSON.stringify(obj(item).kind ?? null);
      gaps.push({
        kind: 'unreadable',
        where: gapWhere(so),
        message: `${so.ref}: subjects[${index}] has kind ${kind} — use User, Group or ServiceAccount`,
      });
      return [];
    }
    const identity = identityOf(subject);
    // Upstream appliesToUser: an SA subject with no namespace and no binding namespace matches nobody.
    if (identity === undefined)
      gaps.push({
        kind: 'unreadable',
        where: gapWhere(so),
        message: `${so.ref}: ServiceAccount subject ${subject.name} has no namespace, so it matches nobody — add subjects[${index}].namespace`,
      });
    return [{ subject, ...(identity !== undefined ? { identity } : {}), index }];
  });
}

/** Resolves bindings against roles; the roleRef resolves as upstream `GetRoleReferenceRules` does. */
export function resolveBindings(sources: readonly Sourced[], roles: readonly Role[]): ResolvedBindings {
  const roleIndex = new Map<string, Role>();
  for (const role of roles) roleIndex.set(objectRef(role.kind, role.namespace, role.name), role);
  const bindings: Binding[] = [];
  const bound: BoundSubject[] = [];
  const gaps: Gap[] = [];
  // Keyed by role object then binding kind: every binding of one kind to a role shares one rule list.
  const shared = new Map<Role, { cluster?: RoleRules; namespaced?: RoleRules }>();
  const rulesOf = (role: Role, clusterWide: boolean): RoleRules => {
    const entry = shared.get(role) ?? {};
    shared.set(role, entry);
    const key = clusterWide ? 'cluster' : 'namespaced';
    const cached = entry[key];
    if (cached !== undefined) return cached;
    const rules = role.rules.flatMap((rule, ruleIndex) => {
      const effective = effectiveRule(rule, clusterWide);
      return effective === undefined ? [] : [{ rule: effective, ruleIndex }];
    });
    const made: RoleRules = { role: role.ref, rules };
    entry[key] = made;
    return made;
  };
  for (const { so, builtIn } of sources) {
    if (so.kind !== 'RoleBinding' && so.kind !== 'ClusterRoleBinding') continue;
    const clusterWide = so.kind === 'ClusterRoleBinding';
    const namespace = clusterWide ? undefined : (so.namespace ?? 'default');
    const roleRef = obj(so.object.roleRef);
    const roleKind = str(roleRef.kind) ?? '';
    const roleName = str(roleRef.name) ?? '';
    const subjects = subjectsOf(so, namespace, gaps);
    bindings.push({
      ref: so.ref,
      kind: so.kind,
      ...(namespace !== undefined ? { namespace } : {}),
      name: so.name,
      roleRef: { kind: roleKind === 'Role' ? 'Role' : 'ClusterRole', name: roleName },
      subjects: subjects.map((s) => s.subject),
      ...(so.location !== undefined ? { location: so.location } : {}),
      builtIn,
    });
    // A Role resolves in the binding's namespace, so a ClusterRoleBinding to a Role (or an unknown kind) grants nothing.
    const target = objectRef(roleKind, roleKind === 'Role' ? (namespace ?? '') : undefined, roleName);
    const role = roleKind === 'Role' || roleKind === 'ClusterRole' ? roleIndex.get(target) : undefined;
    if (role === undefined) {
      gaps.push(
        clusterWide && roleKind === 'Role'
          ? {
              kind: 'unreadable',
              where: gapWhere(so),
              message: `${so.ref}: a ClusterRoleBinding cannot refer to Role ${roleName}, so it grants nothing — refer to a ClusterRole`,
            }
          : {
              kind: 'not-found',
              where: gapWhere(so),
              message: `${so.ref}: binding refers to missing ${target} — rights are unknown; add the role or remove the binding`,
            },
      );
      continue;
    }
    const rules = rulesOf(role, clusterWide);
    for (const { identity, index } of subjects) {
      if (identity === undefined || rules.rules.length === 0) continue;
      bound.push({ subject: identity, scope: namespace ?? '*', binding: so.ref, subjectIndex: index, rules });
    }
  }
  return { bindings, bound, gaps };
}
