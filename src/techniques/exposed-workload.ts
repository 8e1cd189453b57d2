/** An endpoint reachable from the internet leads to the containers behind it, if their service is exploitable. */
import { pointer } from '../collect/patch.js';
import { mapSelectorMatches } from '../model/label-selector.js';
import type { Exposure, Model } from '../model/model.js';
import type { Container, Ingress, Service, Workload } from '../model/types.js';
import { type Edge, type Evidence, type Fix, NO_FIXES, type Technique } from './types.js';
import { makeServiceInternal, removeIngressBackend } from './workload-fixes.js';
import { containerNode, containerPointer, evidence, sortEdges } from './workload-helpers.js';

type Source = { readonly from: string; readonly proof: Evidence[]; readonly fixes: readonly Fix[] };
type Index = {
  readonly services: ReadonlyMap<string, Service>;
  readonly ingresses: ReadonlyMap<string, Ingress>;
};

/** The endpoint node, why it reaches the container, and the fix that closes it (a hostPort has none). */
function sourceOf(
  model: Model,
  index: Index,
  workload: Workload,
  container: Container,
  exposure: Exposure,
): Source | undefined {
  switch (exposure.kind) {
    case 'LoadBalancer':
    case 'NodePort': {
      const service = index.services.get(exposure.via);
      if (service === undefined) return undefined;
      const says = `Service ${service.name} is type ${service.type} and selects the pods of ${workload.ref}`;
      const proof = [evidence(model, service.ref, says, '/spec/type')];
      return { from: service.ref, proof, fixes: [makeServiceInternal(service)] };
    }
    case 'ExternalIP': {
      const service = index.services.get(exposure.via);
      if (service === undefined) return undefined;
      const ips = (service.externalIPs ?? []).join(', ');
      const says = `Service ${service.name} accepts traffic for external IPs ${ips} and selects the pods of ${workload.ref}`;
      const proof = [evidence(model, service.ref, says, '/spec/externalIPs')];
      const fix: Fix = {
        remediation: 'remove-external-ips',
        target: service.ref,
        ops: [{ op: 'remove', path: '/spec/externalIPs' }],
      };
      return { from: service.ref, proof, fixes: [fix] };
    }
    case 'Ingress': {
      const ingress = index.ingresses.get(exposure.via);
      const routes = (ingress?.backends ?? []).filter((route) => {
        const service = index.services.get(`Service/${workload.namespace}/${route.service}`);
        return (
          service !== undefined &&
          Object.keys(service.selector).length > 0 &&
          mapSelectorMatches(service.selector, workload.podLabels)
        );
      });
      if (ingress === undefined || routes.length === 0) return undefined;
      const proof = routes.map((r) => {
        const says = `Ingress ${ingress.name} routes ${r.host} ${r.path} to Service ${r.service}`;
        const at =
          r.ruleIndex === undefined
            ? undefined
            : pointer('spec', 'rules', r.ruleIndex, 'http', 'paths', r.pathIndex ?? 0);
        return evidence(model, ingress.ref, says, at);
      });
      const fix = removeIngressBackend(ingress, routes);
      return { from: ingress.ref, proof, fixes: fix === undefined ? [] : [fix] };
    }
    case 'hostPort': {
      // Only the container that declares the port is reached; the workload needs the port, so no fix.
      const port = container.ports.findIndex((p) => p.hostPort !== undefined && p.hostPort === exposure.port);
      if (port < 0) return undefined;
      const says = `container ${container.name} binds hostPort ${exposure.port} on its node's addresses`;
      const proof = [
        evidence(model, workload.ref, says, containerPointer(workload, container, 'ports', port, 'hostPort')),
      ];
      return { from: `hostPort:${workload.ref}:${exposure.port ?? 0}`, proof, fixes: NO_FIXES };
    }
    default: {
      const unknown: never = exposure.kind;
      throw new Error(`exposed-workload: unhandled exposure kind ${String(unknown)}`);
    }
  }
}

/** Internet endpoint (LoadBalancer, NodePort or externalIPs Service, Ingress, hostPort) → the containers it reaches. */
export const exposedWorkload: Technique = {
  meta: {
    id: 'exposed-workload',
    title: 'Workload exposed to the internet',
    summary:
      'An attacker on the internet reaches the workload and may run code in it through a flaw in its service.',
    prerequisites:
      'A LoadBalancer or NodePort Service, a Service with public externalIPs, an Ingress route or a hostPort that reaches the workload, and an ' +
      'exploitable flaw (or a management interface without authentication) in what listens there.',
    exploitation:
      'The attacker scans the address, finds the service, and exploits a vulnerability or a missing login to run ' +
      'code in the container. An exposed port is not a compromise by itself, which is why this step is only possible.',
    threatModels: ['external'],
    mitre: ['T1190', 'T1133'],
    msThreatMatrix: ['MS-TA9004', 'MS-TA9005', 'MS-TA9009'],
    likelihood: 'possible',
    remediations: ['make-service-internal', 'remove-external-ips', 'remove-ingress-backend'],
  },
  find(model) {
    const index: Index = {
      services: new Map(model.services.map((service) => [service.ref, service])),
      ingresses: new Map(model.ingresses.map((ingress) => [ingress.ref, ingress])),
    };
    const edges: Edge[] = [];
    for (const workload of model.workloads) {
      for (const exposure of model.exposureOf(workload.ref)) {
        for (const container of workload.containers) {
          if (container.role !== 'container') continue;
          const source = sourceOf(model, index, workload, container, exposure);
          if (source === undefined) continue;
          const to = containerNode(workload, container);
          edges.push({
            technique: 'exposed-workload',
            from: source.from,
            to,
            evidence: source.proof,
            fixes: source.fixes,
          });
        }
      }
    }
    return sortEdges(edges);
  },
};
