/**
 * Facts about who bindings name. Grants to `system:anonymous` or `system:unauthenticated` are open to every
 * unauthenticated request; grants to `system:authenticated` reach every service account and every user;
 * `system:masters` is allowed everything before RBAC, and its members come from client certificates and static
 * tokens that no RBAC object shows, so naming it in a binding adds nothing and removing it takes nothing away.
 */
import { pointer } from '../collect/patch.js';
import type { Binding } from '../model/types.js';

/** The binding facts. */
export type BindingFactId =
  | 'rbac-anonymous-binding'
  | 'rbac-authenticated-binding'
  | 'system-masters-binding';

/** One fact about a subject of a binding. */
export interface BindingFact {
  readonly fact: BindingFactId;
  readonly path: string;
  readonly says: string;
}

const ANONYMOUS = new Set([
  'User/system:anonymous',
  'Group/system:anonymous',
  'Group/system:unauthenticated',
]);

/** The facts about one input binding's subjects; built-in bindings (bootstrap RBAC) have none. */
export function bindingFacts(binding: Binding): BindingFact[] {
  if (binding.builtIn) return [];
  const role = `${binding.roleRef.kind} ${binding.roleRef.name}`;
  const facts: BindingFact[] = [];
  binding.subjects.forEach((subject, i) => {
    const ref = `${subject.kind}/${subject.name}`;
    const path = pointer('subjects', i);
    if (ANONYMOUS.has(ref))
      facts.push({
        fact: 'rbac-anonymous-binding',
        path,
        says: `${binding.ref} gives ${role} to ${ref}: every unauthenticated request holds it`,
      });
    if (ref === 'Group/system:authenticated')
      facts.push({
        fact: 'rbac-authenticated-binding',
        path,
        says: `${binding.ref} gives ${role} to system:authenticated: every user and service account holds it`,
      });
    if (ref === 'Group/system:masters')
      facts.push({
        fact: 'system-masters-binding',
        path,
        says: `${binding.ref} names system:masters, which bypasses RBAC; its members hold client certificates or static tokens no RBAC object shows`,
      });
  });
  return facts;
}
