import type { KubeObject } from '../json-types.js';
import type { IngressSpec } from '../model/object-specs.js';
import type { Random } from '../random.js';
import { simpleMeta } from './simple-meta.js';

/** Hostname of the ingress-nginx load balancer that every Ingress reports. */
export const INGRESS_LB_HOSTNAME = 'k8s-ingressn-ingressn-5f1e0c7a9b.elb.eu-west-1.amazonaws.com';

/** An nginx-class Ingress routing its hosts and paths to Services. */
export function renderIngress(i: IngressSpec, rng: Random): KubeObject {
  const spec = {
    ingressClassName: 'nginx',
    rules: i.rules.map((r) => ({
      host: r.host,
      http: {
        paths: r.paths.map((p) => ({
          backend: {
            service: {
              name: p.service,
              port: typeof p.port === 'number' ? { number: p.port } : { name: p.port },
            },
          },
          path: p.path,
          pathType: 'Prefix',
        })),
      },
    })),
    tls:
      i.tlsSecret === undefined
        ? undefined
        : [{ hosts: i.rules.map((r) => r.host), secretName: i.tlsSecret }],
  };
  const metadata = simpleMeta({
    name: i.name,
    namespace: i.namespace,
    created: i.created,
    annotations: i.annotations,
    apiVersion: 'networking.k8s.io/v1',
    manager: 'helm',
    body: { spec },
    rng,
  });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata,
    spec,
    status: { loadBalancer: { ingress: [{ hostname: INGRESS_LB_HOSTNAME }] } },
  };
}
