import type { JsonObject, ObjectMeta, StringMap } from '../json-types.js';
import type { WorkloadSpec } from '../model/workload-spec.js';
import type { Random } from '../random.js';
import { fieldsOf, managedEntry } from './managed-fields.js';
import { type OwnerRef, objectMeta } from './meta.js';

/** Inputs shared by every controller object (Deployment, ReplicaSet, DaemonSet, ...). */
export interface ControllerMetaInput {
  readonly workload: WorkloadSpec;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly created: number;
  readonly labels: StringMap;
  readonly annotations?: StringMap;
  readonly owner?: OwnerRef;
  readonly generation: number;
  readonly spec: JsonObject;
  readonly status: JsonObject;
  readonly rng: Random;
}

// Which tool created the object decides the manager name; kubectl apply also leaves its
// last-applied annotation behind, which is why some real objects carry a copy of their spec.
function creator(input: ControllerMetaInput): string {
  if (input.owner !== undefined) return 'kube-controller-manager';
  if (input.workload.lastApplied) return 'kubectl-client-side-apply';
  return input.labels['app.kubernetes.io/managed-by'] === 'Helm' ? 'helm' : 'argocd-controller';
}

function lastApplied(input: ControllerMetaInput): string {
  const w = input.workload;
  const applied = {
    apiVersion: input.apiVersion,
    kind: input.kind,
    metadata: { annotations: {}, labels: input.labels, name: input.name, namespace: w.namespace },
    spec: {
      selector: { matchLabels: w.selector },
      template: {
        metadata: { labels: w.podLabels },
        spec: {
          containers: w.containers.map((c) => ({ image: c.image, name: c.name })),
          serviceAccountName: w.serviceAccount,
        },
      },
    },
  };
  return `${JSON.stringify(applied)}\n`;
}

/** Metadata of a controller object, with a creator and a status manager in managedFields. */
export function controllerMeta(input: ControllerMetaInput): ObjectMeta {
  const manager = creator(input);
  const annotations: Record<string, string> = { ...input.annotations };
  if (manager === 'kubectl-client-side-apply') {
    annotations['kubectl.kubernetes.io/last-applied-configuration'] = lastApplied(input);
  }
  const managedFields = () => [
    managedEntry({
      manager,
      apiVersion: input.apiVersion,
      time: input.created,
      fields: fieldsOf({ metadata: { labels: input.labels }, spec: input.spec }),
    }),
    managedEntry({
      manager: 'kube-controller-manager',
      apiVersion: input.apiVersion,
      time: input.created + 40,
      subresource: 'status',
      fields: fieldsOf({ status: input.status }),
    }),
  ];
  return objectMeta({
    name: input.name,
    namespace: input.workload.namespace,
    uid: input.uid,
    created: input.created,
    rng: input.rng,
    labels: input.labels,
    annotations,
    generation: input.generation,
    owner: input.owner,
    managedFields,
  });
}
