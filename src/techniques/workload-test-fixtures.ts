/** Test fixtures shared by the workload technique tables: a Deployment `shop/web` around a pod spec. */

/** The Deployment `shop/web` with the given pod spec. */
export function deployment(spec: Record<string, unknown>, name = 'web'): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec },
    },
  };
}

/** A container `app` with the given securityContext and extra fields. */
export function container(
  securityContext: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return { name: 'app', image: 'web:1.0', securityContext, ...extra };
}

/** A pod spec with one container `app` mounting one hostPath volume `host` at /host. */
export function hostPathSpec(path: string, readOnly = false, extra: Record<string, unknown> = {}) {
  return {
    containers: [container({}, { volumeMounts: [{ name: 'host', mountPath: '/host', readOnly }] })],
    volumes: [{ name: 'host', hostPath: { path } }],
    ...extra,
  };
}
