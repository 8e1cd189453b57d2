/** The technique registry: explicit, sorted by id, no side-effect registration. */
import { bindRole } from './bind-role.js';
import { clusterAdminGrant } from './cluster-admin-grant.js';
import { controlPlaneNodeTakeover } from './control-plane-node-takeover.js';
import { createPodAsServiceAccount } from './create-pod-as-service-account.js';
import { createPrivilegedPod } from './create-privileged-pod.js';
import { escalateRole } from './escalate-role.js';
import { exposedWorkload } from './exposed-workload.js';
import { hostPathEscape } from './host-path-escape.js';
import { impersonate } from './impersonate.js';
import { kernelModuleLoad } from './kernel-module-load.js';
import { lateralNetworkReach } from './lateral-network-reach.js';
import { memberOfGroup } from './member-of-group.js';
import { mountedServiceAccountToken } from './mounted-service-account-token.js';
import { nodeColocatedIdentities } from './node-colocated-identities.js';
import { privilegedContainer } from './privileged-container.js';
import { readSecrets } from './read-secrets.js';
import { runtimeSocketMount } from './runtime-socket-mount.js';
import type { Technique, TechniqueId } from './types.js';

/** Every technique, by id. The compiler checks that each id has exactly one technique. */
export const TECHNIQUES_BY_ID: Readonly<Record<TechniqueId, Technique>> = {
  'bind-role': bindRole,
  'cluster-admin-grant': clusterAdminGrant,
  'control-plane-node-takeover': controlPlaneNodeTakeover,
  'create-pod-as-service-account': createPodAsServiceAccount,
  'create-privileged-pod': createPrivilegedPod,
  'escalate-role': escalateRole,
  'exposed-workload': exposedWorkload,
  'host-path-escape': hostPathEscape,
  impersonate: impersonate,
  'kernel-module-load': kernelModuleLoad,
  'lateral-network-reach': lateralNetworkReach,
  'member-of-group': memberOfGroup,
  'mounted-service-account-token': mountedServiceAccountToken,
  'node-colocated-identities': nodeColocatedIdentities,
  'privileged-container': privilegedContainer,
  'read-secrets': readSecrets,
  'runtime-socket-mount': runtimeSocketMount,
};

/** Every technique, sorted by id. */
export const TECHNIQUES: readonly Technique[] = Object.keys(TECHNIQUES_BY_ID)
  .sort()
  .map((id) => TECHNIQUES_BY_ID[id as TechniqueId]);
