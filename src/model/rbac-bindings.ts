/**
 * RoleBindings and ClusterRoleBindings resolved to grants: one Grant per (subject, rule), scoped to the
 * binding's namespace, or `*` for a ClusterRoleBinding.
 */
import { type Gap, objectRef } from '../collect/snapshot.js';
import type { Sourced } from './rbac-roles.js';
import { obj, str } from './read.js';
import type { Binding, Grant, PolicyRule, Role, Subject } from './types.js';

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

/** Normalises a subject as the authorizer reads it; undefined for kinds RBAC does not know. */
function normaliseSubject(value: unknown, bindingNamespace: string | undefined): Subject | undefined {
  const raw = obj(value);
  const name = str(raw.name) ?? '';
  const kind = str(raw.kind);
  if (kind === 'User' && name.startsWith(SA_USER_PREFIX)) {
    // `system:serviceaccount:<ns>:<name>` is how an SA token authenticates: the User is the SA.
    // Upstream `serviceaccount.SplitUsername`: exactly `<ns>:<name>`, both non-empty; anything else is a User.
    const parts = name.slice(SA_USER_PREFIX.length).split(':');
    const [namespace, saName] = parts;
    if (parts.length === 2 && namespace && saName) return { kind: 'ServiceAccount', name: saName, namespace };
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
  readonly grants: Grant[];
  readonly gaps: Gap[];
}

/** Resolves bindings against roles looked up by `Kind/namespace/name` (`ClusterRole//name`). */
export function resolveBindings(sources: readonly Sourced[], roles: readonly Role[]): ResolvedBindings {
  const roleIndex = new Map<string, Role>();
  for (const role of roles) roleIndex.set(`${role.kind}/${role.namespace ?? ''}/${role.name}`, role);
  const bindings: Binding[] = [];
  const grants: Grant[] = [];
  const gaps: Gap[] = [];
  for (const { so, builtIn } of sources) {
    if (so.kind !== 'RoleBinding' && so.kind !== 'ClusterRoleBinding') continue;
    const clusterWide = so.kind === 'ClusterRoleBinding';
    const namespace = clusterWide ? undefined : (so.namespace ?? 'default');
    const roleRefRaw = obj(so.object.roleRef);
    const roleKind = str(roleRefRaw.kind) === 'Role' ? 'Role' : 'ClusterRole';
    const roleName = str(roleRefRaw.name) ?? '';
    const subjects: Subject[] = [];
    const rawSubjects = Array.isArray(so.object.subjects) ? so.object.subjects : [];
    rawSubjects.forEach((raw, index) => {
      const subject = normaliseSubject(raw, namespace);
      if (subject === undefined) {
        gaps.push({
          kind: 'unreadable',
          where: gapWhere(so),
          message: `${so.ref}: subject ${index} has kind ${JSON.stringify(obj(raw).kind)} — use User, Group or ServiceAccount`,
        });
        return;
      }
      subjects.push(subject);
    });
    const binding: Binding = {
      ref: so.ref,
      kind: so.kind,
      ...(namespace !== undefined ? { namespace } : {}),
      name: so.name,
      roleRef: { kind: roleKind, name: roleName },
      subjects,
      ...(so.location !== undefined ? { location: so.location } : {}),
      builtIn,
    };
    bindings.push(binding);
    // A ClusterRoleBinding cannot refer to a Role (validation rejects it): it grants nothing.
    const role = roleIndex.get(`${roleKind}/${roleKind === 'Role' ? (namespace ?? '-') : ''}/${roleName}`);
    if (role === undefined) {
      const missing =
        roleKind === 'Role' ? objectRef('Role', namespace, roleName) : `ClusterRole/${roleName}`;
      gaps.push({
        kind: 'not-found',
        where: gapWhere(so),
        message: `${so.ref}: binding refers to missing ${missing} — rights are unknown; add the role or remove the binding`,
      });
      continue;
    }
    rawSubjects.forEach((raw, subjectIndex) => {
      const subject = normaliseSubject(raw, namespace);
      if (subject === undefined) return;
      const identity = identityOf(subject);
      if (identity === undefined) {
        gaps.push({
          kind: 'unreadable',
          where: gapWhere(so),
          message: `${so.ref}: ServiceAccount subject ${subject.name} has no namespace — a ClusterRoleBinding must name it; add subjects[${subjectIndex}].namespace`,
        });
        return;
      }
      role.rules.forEach((rule, ruleIndex) => {
        const effective = effectiveRule(rule, clusterWide);
        if (effective === undefined) return;
        grants.push({
          subject: identity,
          scope: namespace ?? '*',
          rule: effective,
          ruleIndex,
          binding: so.ref,
          role: role.ref,
          subjectIndex,
        });
      });
    });
  }
  return { bindings, grants, gaps };
}
