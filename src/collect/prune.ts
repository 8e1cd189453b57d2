/**
 * The slim projection every object goes through straight after parsing. It keeps the Kubernetes shape and drops
 * what analysis never reads, so 150,000 pods fit in memory and no value that could be a credential survives.
 *
 * The rules, all a pure function of the one object (so pruning commutes with patches on the fields it keeps):
 * 1. `metadata` of the object and of embedded templates (`template.metadata`, `jobTemplate.metadata`): drop
 *    `managedFields`, `resourceVersion`, `generation`, `creationTimestamp` and `selfLink`; keep only the
 *    annotations on the allowlist below (the `annotations` map itself stays, possibly empty). That drops
 *    `kubectl.kubernetes.io/last-applied-configuration`, which carries Secret values on client-side-applied Secrets.
 * 2. `status`: dropped, except a Service's `status.loadBalancer` (where it is reachable from).
 * 3. Every `env` list, at any depth (CRDs embed pod templates too): a non-empty literal `value` becomes
 *    `"(redacted)"`; names and `valueFrom` stay, so the model judges credential-likeness by name.
 * 4. ConfigMap: `data` and `binaryData` values become `"(redacted)"`, keys stay, and
 *    `x-chokepoint.credentialLikeKeys` lists the keys whose name or value looked like a credential. The kube-system
 *    component configs (kubeadm-config, kubelet-config*, kube-proxy) keep their values: they hold the control-plane
 *    settings the model reads, not credentials.
 * 5. Secret: `data` and `stringData` dropped; `x-chokepoint.keys` lists their key names, `type` stays.
 * 6. CustomResourceDefinition: `spec.versions[].schema` and `spec.validation` dropped (large, never analysed).
 * 7. A `__proto__` key (never a Kubernetes field) is dropped, so hostile input cannot change an object's prototype.
 */
import { isCredentialLike, isCredentialLikeValue } from './credential-like.js';
import type { KubeObject } from './snapshot.js';

/** What replaces a value the snapshot must not hold. */
export const REDACTED = '(redacted)';

/** The side field the collector adds to Secrets and ConfigMaps. */
export const X_CHOKEPOINT = 'x-chokepoint';

const DROPPED_METADATA: ReadonlySet<string> = new Set([
  'managedFields',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'selfLink',
]);

/** Annotations analysis reads: service-account tokens, legacy seccomp/AppArmor, internal load balancers, identity. */
export const KEPT_ANNOTATIONS: ReadonlySet<string> = new Set([
  'alb.ingress.kubernetes.io/scheme',
  'azure.workload.identity/client-id',
  'cloud.google.com/load-balancer-type',
  'eks.amazonaws.com/role-arn',
  'iam.gke.io/gcp-service-account',
  'kubernetes.io/config.mirror',
  'kubernetes.io/ingress.class',
  'kubernetes.io/service-account.name',
  'kubernetes.io/service-account.uid',
  'networking.gke.io/load-balancer-type',
  'rbac.authorization.kubernetes.io/autoupdate',
  'seccomp.security.alpha.kubernetes.io/pod',
  'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type',
  'service.beta.kubernetes.io/aws-load-balancer-internal',
  'service.beta.kubernetes.io/aws-load-balancer-scheme',
  'service.beta.kubernetes.io/azure-load-balancer-internal',
  'service.beta.kubernetes.io/oci-load-balancer-internal',
  'service.beta.kubernetes.io/openstack-internal-load-balancer',
  'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type',
]);

/** Annotation prefixes analysis reads (per-container profiles, and chokepoint's own settings). */
export const KEPT_ANNOTATION_PREFIXES: readonly string[] = [
  'chokepoint.io/',
  'container.apparmor.security.beta.kubernetes.io/',
  'container.seccomp.security.alpha.kubernetes.io/',
];

const COMPONENT_CONFIG_MAPS: readonly RegExp[] = [
  /^kubeadm-config$/,
  /^kubelet-config(-[\d.]+)?$/,
  /^kube-proxy$/,
];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when an annotation survives pruning. */
export function isKeptAnnotation(key: string): boolean {
  return KEPT_ANNOTATIONS.has(key) || KEPT_ANNOTATION_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Projects a parsed Kubernetes object to its slim, redacted record; `raw` must be a JSON object. */
export function projectObject(raw: unknown): KubeObject {
  if (!isObject(raw)) throw new TypeError('projectObject: expected a JSON object; check the value first');
  const kind = typeof raw.kind === 'string' ? raw.kind : undefined;
  const out: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === '__proto__') continue;
    if (key === 'metadata') out.metadata = pruneMetadata(value);
    else if (key === 'status') {
      const status = keptStatus(kind, value);
      if (status !== undefined) out.status = status;
    } else if (kind === 'Secret' && (key === 'data' || key === 'stringData')) continue;
    else if (kind === 'ConfigMap' && (key === 'data' || key === 'binaryData'))
      out[key] = isComponentConfig(raw) ? copy(value, key) : redactValues(value);
    else if (kind === 'CustomResourceDefinition' && key === 'spec') out.spec = pruneCrdSpec(value);
    else out[key] = copy(value, key);
  }
  if (kind === 'Secret') out[X_CHOKEPOINT] = { keys: sortedKeys(raw.data, raw.stringData) };
  if (kind === 'ConfigMap') out[X_CHOKEPOINT] = { credentialLikeKeys: credentialLikeKeys(raw.data) };
  return out as KubeObject;
}

function copy(value: unknown, key: string): unknown {
  if (Array.isArray(value)) {
    return key === 'env' ? value.map(redactEnvVar) : value.map((item) => copy(item, ''));
  }
  if (!isObject(value)) return value;
  const out: Json = {};
  const embedsTemplate = key === 'template' || key === 'jobTemplate';
  // for...in over JSON.parse output (own keys only) allocates nothing per key, unlike Object.entries.
  for (const child in value) {
    if (child === '__proto__') continue;
    const inner = value[child];
    out[child] = embedsTemplate && child === 'metadata' ? pruneMetadata(inner) : copy(inner, child);
  }
  return out;
}

function redactEnvVar(item: unknown): unknown {
  const copied = copy(item, '');
  if (isObject(copied) && typeof copied.value === 'string' && copied.value !== '') {
    // The value is dropped here, so whether it looked like a credential is recorded first (never the value).
    if (isCredentialLikeValue(copied.value)) copied[X_CHOKEPOINT] = { credentialLikeValue: true };
    copied.value = REDACTED;
  }
  return copied;
}

function pruneMetadata(value: unknown): unknown {
  if (!isObject(value)) return copy(value, 'metadata');
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    if (DROPPED_METADATA.has(key) || key === '__proto__') continue;
    if (key === 'annotations' && isObject(inner)) {
      const kept: Json = {};
      for (const [name, annotation] of Object.entries(inner))
        if (isKeptAnnotation(name)) kept[name] = annotation;
      out.annotations = kept;
    } else out[key] = copy(inner, key);
  }
  return out;
}

function keptStatus(kind: string | undefined, value: unknown): unknown {
  if (kind !== 'Service' || !isObject(value) || value.loadBalancer === undefined) return undefined;
  return { loadBalancer: copy(value.loadBalancer, 'loadBalancer') };
}

function redactValues(value: unknown): unknown {
  if (!isObject(value)) return copy(value, '');
  const out: Json = {};
  for (const key of Object.keys(value)) out[key] = REDACTED;
  return out;
}

function isComponentConfig(raw: Json): boolean {
  const metadata = isObject(raw.metadata) ? raw.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  return metadata.namespace === 'kube-system' && COMPONENT_CONFIG_MAPS.some((pattern) => pattern.test(name));
}

function pruneCrdSpec(value: unknown): unknown {
  if (!isObject(value)) return copy(value, 'spec');
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'validation') continue;
    if (key === 'versions' && Array.isArray(inner)) {
      out.versions = inner.map((version) => {
        if (!isObject(version)) return copy(version, '');
        const { schema: _schema, ...rest } = version;
        return copy(rest, '');
      });
    } else out[key] = copy(inner, key);
  }
  return out;
}

function sortedKeys(...maps: unknown[]): string[] {
  const keys = new Set<string>();
  for (const map of maps) if (isObject(map)) for (const key of Object.keys(map)) keys.add(key);
  return [...keys].sort();
}

function credentialLikeKeys(data: unknown): string[] {
  if (!isObject(data)) return [];
  return Object.keys(data)
    .filter((key) => isCredentialLike(key, data[key]))
    .sort();
}
