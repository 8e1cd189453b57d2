/**
 * The identities bindings name: service accounts (declared or only bound) by namespace and name, and the User
 * and Group subjects, each with the first binding that names it.
 */
import { memoKey } from '../model/memo.js';
import type { Model } from '../model/model.js';
import type { Ref } from '../model/types.js';
import { compareText } from './workload-helpers.js';

/** A service account node: its ref, namespace and name. */
export interface AccountRef {
  readonly ref: Ref;
  readonly namespace: string;
  readonly name: string;
}

/** Service accounts by namespace and by name. */
export interface AccountIndex {
  readonly byNamespace: ReadonlyMap<string, readonly AccountRef[]>;
  readonly byName: ReadonlyMap<string, readonly AccountRef[]>;
}

const ACCOUNT_INDEX = memoKey<AccountIndex>('service accounts');

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * Every service account the model knows, plus those that bindings name but the input does not declare: a
 * bound SA almost surely exists, and it is the one worth running a pod as. Sorted by ref within each list.
 */
export function accountIndex(model: Model): AccountIndex {
  return model.memo.of(ACCOUNT_INDEX, () => {
    const all = new Map<Ref, AccountRef>();
    for (const sa of model.serviceAccounts)
      all.set(sa.ref, { ref: sa.ref, namespace: sa.namespace, name: sa.name });
    for (const binding of model.bindings)
      for (const subject of binding.subjects) {
        if (subject.kind !== 'ServiceAccount' || subject.namespace === undefined) continue;
        const ref = `ServiceAccount/${subject.namespace}/${subject.name}`;
        if (!all.has(ref)) all.set(ref, { ref, namespace: subject.namespace, name: subject.name });
      }
    const byNamespace = new Map<string, AccountRef[]>();
    const byName = new Map<string, AccountRef[]>();
    for (const account of [...all.values()].sort((a, b) => compareText(a.ref, b.ref))) {
      push(byNamespace, account.namespace, account);
      push(byName, account.name, account);
    }
    return { byNamespace, byName };
  });
}

/** User and Group subjects, each with the first binding that names it. */
interface BindingSubjects {
  readonly users: [Ref, Ref][];
  readonly groups: [Ref, Ref][];
}

const BINDING_SUBJECTS = memoKey<BindingSubjects>('binding subjects');

/** User and Group subjects named by some binding, each with the first binding (by ref) that names it. */
export function bindingSubjects(model: Model): BindingSubjects {
  return model.memo.of(BINDING_SUBJECTS, () => {
    const first = new Map<Ref, Ref>();
    for (const binding of model.bindings)
      for (const subject of binding.subjects) {
        if (subject.kind === 'ServiceAccount') continue;
        const ref = `${subject.kind}/${subject.name}`;
        const seen = first.get(ref);
        if (seen === undefined || compareText(binding.ref, seen) < 0) first.set(ref, binding.ref);
      }
    const sorted = [...first.entries()].sort(([a], [b]) => compareText(a, b));
    return {
      users: sorted.filter(([ref]) => ref.startsWith('User/')),
      groups: sorted.filter(([ref]) => ref.startsWith('Group/')),
    };
  });
}
