/** Attack steps as plain sentences: "Deployment/shop/web#app mounts the token of ServiceAccount/shop/web (...)". */
import type { Edge, NodeRef, TechniqueId } from '../techniques/types.js';

/** What each technique lets the source do to the target, as a verb phrase. */
const STEP_VERBS: Readonly<Record<TechniqueId, string>> = {
  'apiserver-anonymous-access': 'lets anonymous requests act as',
  'apiserver-insecure-port': 'serves unauthenticated requests with',
  'attach-to-pod': 'can attach to',
  'bind-role': 'can bind a powerful role to itself, becoming',
  'cloud-metadata-access': 'may query the cloud metadata service for',
  'cluster-admin-grant': 'is granted',
  'control-plane-node-takeover': 'holds the control plane credentials of its nodes, giving',
  'core-pattern-escape': "can set the node's core_pattern, gaining",
  'create-host-path-persistent-volume': 'can create a hostPath PersistentVolume and mount it, gaining',
  'create-pod-as-service-account': 'can create pods, and so run as',
  'create-privileged-pod': 'can create a privileged pod, gaining',
  'create-service-account-token': 'can mint a token for',
  'csr-signing': 'can approve its own client certificate, becoming',
  'dashboard-exposed': 'reaches a dashboard that acts as',
  'ephemeral-container': 'can add an ephemeral container, reaching',
  'escalate-role': 'can rewrite a role it is bound to, becoming',
  'etcd-no-client-auth': 'serves every Secret without client certificates, giving',
  'exec-into-pod': 'can exec into',
  'exposed-workload': 'sends internet traffic to',
  'host-network-reach': 'shares the node network, reaching',
  'host-path-escape': 'mounts the node filesystem, gaining',
  'host-path-persistent-volume': 'mounts a hostPath PersistentVolume, gaining',
  'host-path-token-theft': 'mounts the kubelet pod directory, reading',
  impersonate: 'can impersonate',
  'kernel-module-load': 'can load kernel modules, gaining',
  'kubelet-anonymous-exec': 'lets anonymous requests run commands in',
  'kubelet-read-only-port': 'lists without credentials',
  'lateral-network-reach': 'lets the pod network connect to',
  'legacy-token-secret-mount': 'holds the legacy token Secret of',
  'member-of-group': 'is a member of',
  'mounted-service-account-token': 'mounts the token of',
  'node-colocated-identities': 'can take the tokens of pods on those nodes, including',
  'node-proxy': 'can use the kubelet API of every node for',
  'nsenter-host-escape': 'runs privileged with hostPID and enters the host with nsenter, gaining',
  'patch-namespace-psa': 'can relabel a namespace to privileged and create a pod there, gaining',
  'patch-node': 'can relabel nodes to attract',
  'patch-pod': 'can patch running pods or controllers, reaching',
  'port-forward-to-pod': 'can port-forward to',
  'privileged-container': 'runs privileged, gaining',
  'ptrace-host-escape': 'can trace host processes, gaining',
  'read-secrets': 'can read Secrets, reaching',
  'runtime-socket-mount': 'mounts the container runtime socket, gaining',
  'scanner-access': 'lists Secrets, reaching',
  'share-process-namespace': 'shares its process namespace with',
  'sys-admin-escape': 'holds CAP_SYS_ADMIN and may abuse a cgroup release_agent, gaining',
  'var-log-escape': 'can plant a symlink in the node log directory, gaining',
  'webhook-control': 'can register admission webhooks, reaching',
  'workload-identity': 'is federated with',
};

/** A node ref in words. */
export function describeNode(ref: NodeRef): string {
  const hash = ref.indexOf('#');
  if (hash > 0) return `container ${ref.slice(hash + 1)} of ${ref.slice(0, hash)}`;
  if (ref === 'jewel:cluster-admin') return 'cluster-admin';
  if (ref.startsWith('jewel:node-root/')) return `root on the ${ref.slice('jewel:node-root/'.length)} nodes`;
  if (ref.startsWith('jewel:node-file-read/'))
    return `any file on the ${ref.slice('jewel:node-file-read/'.length)} nodes (read)`;
  if (ref.startsWith('hub:node-tokens/'))
    return `the tokens mounted on the ${ref.slice('hub:node-tokens/'.length)} nodes`;
  if (ref.startsWith('cloud:node-identity/'))
    return `the cloud identity of the ${ref.slice('cloud:node-identity/'.length)} nodes`;
  if (ref.startsWith('cloud:identity/')) return `cloud identity ${ref.slice('cloud:identity/'.length)}`;
  if (ref.startsWith('jewel:secrets/'))
    return `every Secret in namespace ${ref.slice('jewel:secrets/'.length)}`;
  if (ref.startsWith('hub:create-pods/')) return `pod creation in ${scopeWords(ref, 'hub:create-pods/')}`;
  if (ref.startsWith('hub:read-secrets/')) return `Secret reading in ${scopeWords(ref, 'hub:read-secrets/')}`;
  if (ref.startsWith('hub:namespace-admin/')) return `admin of ${scopeWords(ref, 'hub:namespace-admin/')}`;
  if (ref.startsWith('hub:impersonate-sa/'))
    return `impersonation of ServiceAccounts in ${scopeWords(ref, 'hub:impersonate-sa/')}`;
  if (ref === 'hub:impersonate-users') return 'any user';
  if (ref.startsWith('hub:exec/')) return `exec into pods in ${scopeWords(ref, 'hub:exec/')}`;
  if (ref.startsWith('hub:attach/')) return `attaching to pods in ${scopeWords(ref, 'hub:attach/')}`;
  if (ref.startsWith('hub:port-forward/'))
    return `port-forwarding to pods in ${scopeWords(ref, 'hub:port-forward/')}`;
  if (ref.startsWith('hub:ephemeral-containers/'))
    return `ephemeral containers in ${scopeWords(ref, 'hub:ephemeral-containers/')}`;
  if (ref.startsWith('hub:patch-pods/')) return `patching pods in ${scopeWords(ref, 'hub:patch-pods/')}`;
  if (ref.startsWith('hub:sa-token/')) return `service-account tokens in ${scopeWords(ref, 'hub:sa-token/')}`;
  if (ref === 'hub:patch-nodes/*') return 'relabelling every node';
  if (ref === 'hub:client-certificates/*') return 'a client certificate for any user or group';
  if (ref === 'hub:reach-open') return 'the pod network no NetworkPolicy restricts';
  if (ref.startsWith('hub:reach/')) return `the pods governed like ${ref.slice('hub:reach/'.length)}`;
  if (ref.startsWith('hub:reach-from/'))
    return `traffic from the pods governed like ${ref.slice('hub:reach-from/'.length)}`;
  if (ref.startsWith('endpoint:')) return `the ${ref.slice('endpoint:'.length)} endpoint`;
  if (ref === 'info:kubelet-pod-listing') return 'the pod specs of the node';
  if (ref.startsWith('hostPort:')) return `a host port of ${ref.slice('hostPort:'.length)}`;
  if (ref.startsWith('scanner:')) return `chokepoint's own identity (${ref.slice('scanner:'.length)})`;
  return ref;
}

function scopeWords(ref: string, prefix: string): string {
  const scope = ref.slice(prefix.length);
  return scope === '*' ? 'every namespace' : `namespace ${scope}`;
}

/** One step as a sentence, with its first evidence and its location. */
export function stepSentence(edge: Edge): string {
  const evidence = edge.evidence[0];
  const because = evidence === undefined ? '' : ` (${evidence.says})`;
  const where = evidence?.location === undefined ? '' : ` — ${evidence.location}`;
  return `${describeNode(edge.from)} ${STEP_VERBS[edge.technique]} ${describeNode(edge.to)}${because}${where}`;
}
