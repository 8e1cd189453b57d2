/** Test fixtures for the control-plane techniques: static pods, kubelet configurations and a dashboard. */

type Json = Record<string, unknown>;

/** A kube-system static pod running `binary` with `flags`, optionally at an image version. */
export function staticPod(binary: string, flags: readonly string[], version = 'v1.30.2'): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${binary}-cp1`,
      namespace: 'kube-system',
      labels: { component: binary, tier: 'control-plane' },
    },
    spec: {
      hostNetwork: true,
      containers: [
        { name: binary, image: `registry.k8s.io/${binary}:${version}`, command: [binary, ...flags] },
      ],
    },
  };
}

/** A KubeletConfiguration document with the given fields. */
export function kubeletConfiguration(fields: Json = {}): Json {
  return { apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration', ...fields };
}

/** A Deployment with one regular container, to be reached. */
export function app(name = 'web', ns = 'shop'): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image: `${name}:1` }] },
      },
    },
  };
}

/** A ClusterRoleBinding of `role` to one subject. */
export function clusterBinding(name: string, role: string, subject: Json): Json {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [subject],
  };
}

/** A ClusterRole with one rule. */
export function clusterRole(name: string, rule: Json): Json {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name },
    rules: [rule],
  };
}
