import { timestamp } from '../clock.js';
import type { JsonObject, JsonValue, ObjectMeta, StringMap } from '../json-types.js';
import type { Random } from '../random.js';
import { managedFieldsShown } from './managed-fields.js';

/** What an owner reference needs to know about its owner. */
export interface OwnerRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
}

/** Inputs for metadata; empty label/annotation maps are left out, as the API server does. */
export interface MetaInput {
  readonly name: string;
  readonly namespace?: string;
  readonly uid: string;
  readonly created: number;
  readonly rng: Random;
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
  readonly generateName?: string;
  readonly generation?: number;
  readonly owner?: OwnerRef;
  /** Computed only when managedFields are shown; they are expensive and usually hidden. */
  readonly managedFields?: () => readonly JsonValue[];
  readonly finalizers?: readonly string[];
}

const nonEmpty = (map: StringMap | undefined): StringMap | undefined =>
  map !== undefined && Object.keys(map).length > 0 ? map : undefined;

/** A controller owner reference, as set by the controller that created the object. */
export function ownerReference(owner: OwnerRef): JsonObject {
  return { ...owner, blockOwnerDeletion: true, controller: true };
}

/** A plausible etcd revision. */
export function resourceVersion(rng: Random): string {
  return String(rng.int(1_000_000, 989_999_999));
}

/** ObjectMeta as `kubectl get -o json` prints it. */
export function objectMeta(input: MetaInput): ObjectMeta {
  return {
    annotations: nonEmpty(input.annotations),
    creationTimestamp: timestamp(input.created),
    finalizers: input.finalizers,
    generateName: input.generateName,
    generation: input.generation,
    labels: nonEmpty(input.labels),
    managedFields: managedFieldsShown() ? input.managedFields?.() : undefined,
    name: input.name,
    namespace: input.namespace,
    ownerReferences: input.owner === undefined ? undefined : [ownerReference(input.owner)],
    resourceVersion: resourceVersion(input.rng),
    uid: input.uid,
  };
}
