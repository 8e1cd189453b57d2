import type { JsonObject, ObjectMeta, StringMap } from '../json-types.js';
import type { Random } from '../random.js';
import { fieldsOf, managedEntry } from './managed-fields.js';
import { objectMeta } from './meta.js';

/** Metadata inputs for objects written once by a single tool (Services, Roles, ...). */
export interface SimpleMetaInput {
  readonly name: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly created: number;
  readonly labels?: StringMap;
  readonly annotations?: StringMap;
  readonly apiVersion: string;
  readonly manager: string;
  /** The top-level fields the manager wrote, used to derive its managedFields entry. */
  readonly body: JsonObject;
  readonly rng: Random;
}

/** ObjectMeta with a single managedFields entry for the tool that created the object. */
export function simpleMeta(input: SimpleMetaInput): ObjectMeta {
  const metadataFields: JsonObject = { annotations: input.annotations, labels: input.labels };
  const managed = () => [
    managedEntry({
      manager: input.manager,
      apiVersion: input.apiVersion,
      time: input.created,
      fields: fieldsOf({ metadata: metadataFields, ...input.body }),
    }),
  ];
  return objectMeta({
    name: input.name,
    namespace: input.namespace,
    uid: input.uid ?? input.rng.uid(),
    created: input.created,
    rng: input.rng,
    labels: input.labels,
    annotations: input.annotations,
    managedFields: managed,
  });
}

/** A plausible creator for objects not owned by a controller. */
export function creatorFor(name: string, labels: StringMap | undefined): string {
  if (labels?.['app.kubernetes.io/managed-by'] === 'Helm') return 'helm';
  return name.length % 3 === 0
    ? 'kubectl-client-side-apply'
    : name.length % 3 === 1
      ? 'argocd-controller'
      : 'kubectl-create';
}
