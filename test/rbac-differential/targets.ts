/**
 * What each generated binding gives whom, resolved here independently of chokepoint's model: the binding's
 * scope, the identities its subjects stand for, and the rules its role holds on the API server (after the
 * aggregation controller ran). Questions aimed at these rules are what makes many answers "allowed".
 */
import type { RawRule } from './generate-rbac.js';

/** Rules an identity holds through one binding, in one scope (`*` for a ClusterRoleBinding). */
export interface Target {
  readonly identity: string;
  readonly scope: string;
  readonly rules: readonly RawRule[];
}

/** Role rules as the server stores them, keyed `ClusterRole/<name>` or `Role/<ns>/<name>`. */
export type ServerRoles = ReadonlyMap<string, readonly RawRule[]>;

interface RawSubject {
  kind?: string;
  name?: string;
  namespace?: string;
}

/** The identities a subject matches, among the ones asked about (group members by their implicit groups). */
function identitiesOf(
  subject: RawSubject,
  bindingNamespace: string | undefined,
  asked: readonly string[],
): string[] {
  const name = subject.name ?? '';
  switch (subject.kind) {
    case 'User': {
      const parts = name.startsWith('system:serviceaccount:') ? name.split(':').slice(2) : [];
      const [ns, sa] = parts;
      return [parts.length === 2 && ns && sa ? `ServiceAccount/${ns}/${sa}` : `User/${name}`];
    }
    case 'ServiceAccount':
      return [`ServiceAccount/${subject.namespace || bindingNamespace}/${name}`];
    case 'Group': {
      const members = asked.filter((ref) => {
        if (!ref.startsWith('ServiceAccount/')) return false;
        return name === 'system:serviceaccounts' || name === `system:serviceaccounts:${ref.split('/')[1]}`;
      });
      return [`Group/${name}`, ...members];
    }
    default:
      return [];
  }
}

/** One target per (binding, identity) whose role exists on the server. */
export function targetsOf(
  objects: readonly Record<string, unknown>[],
  roles: ServerRoles,
  asked: readonly string[],
): Target[] {
  const targets: Target[] = [];
  for (const object of objects) {
    if (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') continue;
    const metadata = object.metadata as { namespace?: string };
    const roleRef = object.roleRef as { kind: string; name: string };
    const namespace = object.kind === 'RoleBinding' ? metadata.namespace : undefined;
    const key = roleRef.kind === 'Role' ? `Role/${namespace}/${roleRef.name}` : `ClusterRole/${roleRef.name}`;
    const rules = roles.get(key);
    if (rules === undefined || rules.length === 0) continue;
    for (const subject of (object.subjects as RawSubject[] | undefined) ?? [])
      for (const identity of identitiesOf(subject, namespace, asked))
        targets.push({ identity, scope: namespace ?? '*', rules });
  }
  return targets;
}
