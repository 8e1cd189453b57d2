/** The technique registry: explicit, sorted by id, no side-effect registration. */
import { apiserverAnonymousAccess } from './apiserver-anonymous-access.js';
import { apiserverInsecurePort } from './apiserver-insecure-port.js';
import { attachToPod } from './attach-to-pod.js';
import { bindRole } from './bind-role.js';
import { cloudMetadataAccess } from './cloud-metadata-access.js';
import { clusterAdminGrant } from './cluster-admin-grant.js';
import { controlPlaneNodeTakeover } from './control-plane-node-takeover.js';
import { corePatternEscape } from './core-pattern-escape.js';
import { createHostPathPersistentVolume } from './create-host-path-persistent-volume.js';
import { createPodAsServiceAccount } from './create-pod-as-service-account.js';
import { createPrivilegedPod } from './create-privileged-pod.js';
import { createServiceAccountToken } from './create-service-account-token.js';
import { csrSigning } from './csr-signing.js';
import { dashboardExposed } from './dashboard-exposed.js';
import { ephemeralContainer } from './ephemeral-container.js';
import { escalateRole } from './escalate-role.js';
import { etcdNoClientAuth } from './etcd-no-client-auth.js';
import { execIntoPod } from './exec-into-pod.js';
import { exposedWorkload } from './exposed-workload.js';
import { hostNetworkReach } from './host-network-reach.js';
import { hostPathEscape } from './host-path-escape.js';
import { hostPathPersistentVolume } from './host-path-persistent-volume.js';
import { hostPathTokenTheft } from './host-path-token-theft.js';
import { impersonate } from './impersonate.js';
import { kernelModuleLoad } from './kernel-module-load.js';
import { kubeletAnonymousExec } from './kubelet-anonymous-exec.js';
import { kubeletReadOnlyPort } from './kubelet-read-only-port.js';
import { lateralNetworkReach } from './lateral-network-reach.js';
import { legacyTokenSecretMount } from './legacy-token-secret-mount.js';
import { memberOfGroup } from './member-of-group.js';
import { mountedServiceAccountToken } from './mounted-service-account-token.js';
import { nodeColocatedIdentities } from './node-colocated-identities.js';
import { nodeProxy } from './node-proxy.js';
import { nsenterHostEscape } from './nsenter-host-escape.js';
import { patchNamespacePsa } from './patch-namespace-psa.js';
import { patchNode } from './patch-node.js';
import { patchPod } from './patch-pod.js';
import { portForwardToPod } from './port-forward-to-pod.js';
import { privilegedContainer } from './privileged-container.js';
import { ptraceHostEscape } from './ptrace-host-escape.js';
import { readSecrets } from './read-secrets.js';
import { runtimeSocketMount } from './runtime-socket-mount.js';
import { scannerAccess } from './scanner-access.js';
import { shareProcessNamespace } from './share-process-namespace.js';
import { sysAdminEscape } from './sys-admin-escape.js';
import type { Technique, TechniqueId } from './types.js';
import { varLogEscape } from './var-log-escape.js';
import { webhookControl } from './webhook-control.js';
import { workloadIdentity } from './workload-identity.js';

/** Every technique, by id. The compiler checks that each id has exactly one technique. */
export const TECHNIQUES_BY_ID: Readonly<Record<TechniqueId, Technique>> = {
  'apiserver-anonymous-access': apiserverAnonymousAccess,
  'apiserver-insecure-port': apiserverInsecurePort,
  'attach-to-pod': attachToPod,
  'bind-role': bindRole,
  'cloud-metadata-access': cloudMetadataAccess,
  'cluster-admin-grant': clusterAdminGrant,
  'control-plane-node-takeover': controlPlaneNodeTakeover,
  'core-pattern-escape': corePatternEscape,
  'create-host-path-persistent-volume': createHostPathPersistentVolume,
  'create-pod-as-service-account': createPodAsServiceAccount,
  'create-privileged-pod': createPrivilegedPod,
  'create-service-account-token': createServiceAccountToken,
  'csr-signing': csrSigning,
  'dashboard-exposed': dashboardExposed,
  'ephemeral-container': ephemeralContainer,
  'escalate-role': escalateRole,
  'etcd-no-client-auth': etcdNoClientAuth,
  'exec-into-pod': execIntoPod,
  'exposed-workload': exposedWorkload,
  'host-network-reach': hostNetworkReach,
  'host-path-escape': hostPathEscape,
  'host-path-persistent-volume': hostPathPersistentVolume,
  'host-path-token-theft': hostPathTokenTheft,
  impersonate: impersonate,
  'kernel-module-load': kernelModuleLoad,
  'kubelet-anonymous-exec': kubeletAnonymousExec,
  'kubelet-read-only-port': kubeletReadOnlyPort,
  'lateral-network-reach': lateralNetworkReach,
  'legacy-token-secret-mount': legacyTokenSecretMount,
  'member-of-group': memberOfGroup,
  'mounted-service-account-token': mountedServiceAccountToken,
  'node-colocated-identities': nodeColocatedIdentities,
  'node-proxy': nodeProxy,
  'nsenter-host-escape': nsenterHostEscape,
  'patch-namespace-psa': patchNamespacePsa,
  'patch-node': patchNode,
  'patch-pod': patchPod,
  'port-forward-to-pod': portForwardToPod,
  'privileged-container': privilegedContainer,
  'ptrace-host-escape': ptraceHostEscape,
  'read-secrets': readSecrets,
  'runtime-socket-mount': runtimeSocketMount,
  'scanner-access': scannerAccess,
  'share-process-namespace': shareProcessNamespace,
  'sys-admin-escape': sysAdminEscape,
  'var-log-escape': varLogEscape,
  'webhook-control': webhookControl,
  'workload-identity': workloadIdentity,
};

/** Every technique, sorted by id. */
export const TECHNIQUES: readonly Technique[] = Object.keys(TECHNIQUES_BY_ID)
  .sort()
  .map((id) => TECHNIQUES_BY_ID[id as TechniqueId]);
