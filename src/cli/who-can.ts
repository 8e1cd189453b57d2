/** `chokepoint who-can VERB RESOURCE`: the RBAC query over the same model the scan uses. */
import type { AccessRequest, Grant } from '../model/types.js';
import type { Parsed } from './options.js';

/** API groups of the common resources, so `who-can get deployments` needs no `--group`. */
const GROUP_OF: Readonly<Record<string, string>> = {
  bindings: '',
  configmaps: '',
  endpoints: '',
  events: '',
  limitranges: '',
  namespaces: '',
  nodes: '',
  persistentvolumeclaims: '',
  persistentvolumes: '',
  pods: '',
  podtemplates: '',
  replicationcontrollers: '',
  resourcequotas: '',
  secrets: '',
  serviceaccounts: '',
  services: '',
  users: '',
  groups: '',
  uids: '',
  userextras: '',
  controllerrevisions: 'apps',
  daemonsets: 'apps',
  deployments: 'apps',
  replicasets: 'apps',
  statefulsets: 'apps',
  cronjobs: 'batch',
  jobs: 'batch',
  clusterrolebindings: 'rbac.authorization.k8s.io',
  clusterroles: 'rbac.authorization.k8s.io',
  rolebindings: 'rbac.authorization.k8s.io',
  roles: 'rbac.authorization.k8s.io',
  ingresses: 'networking.k8s.io',
  networkpolicies: 'networking.k8s.io',
  certificatesigningrequests: 'certificates.k8s.io',
  tokenreviews: 'authentication.k8s.io',
  subjectaccessreviews: 'authorization.k8s.io',
  selfsubjectrulesreviews: 'authorization.k8s.io',
  customresourcedefinitions: 'apiextensions.k8s.io',
  mutatingwebhookconfigurations: 'admissionregistration.k8s.io',
  validatingwebhookconfigurations: 'admissionregistration.k8s.io',
  validatingadmissionpolicies: 'admissionregistration.k8s.io',
  validatingadmissionpolicybindings: 'admissionregistration.k8s.io',
  storageclasses: 'storage.k8s.io',
  csidrivers: 'storage.k8s.io',
  priorityclasses: 'scheduling.k8s.io',
  leases: 'coordination.k8s.io',
};

/** Resources that live outside namespaces: asking about them ignores `-n`. */
const CLUSTER_SCOPED = new Set([
  'namespaces',
  'nodes',
  'persistentvolumes',
  'clusterroles',
  'clusterrolebindings',
  'certificatesigningrequests',
  'customresourcedefinitions',
  'mutatingwebhookconfigurations',
  'validatingwebhookconfigurations',
  'validatingadmissionpolicies',
  'validatingadmissionpolicybindings',
  'storageclasses',
  'csidrivers',
  'priorityclasses',
  'users',
  'groups',
  'uids',
  'userextras',
  'tokenreviews',
  'subjectaccessreviews',
]);

/**
 * Parses `VERB RESOURCE` into an access request: `pods/exec` is resource and subresource, `deployments.apps`
 * names the group, and common resources need no group at all.
 */
export function parseAccessRequest(options: {
  readonly verb: string;
  readonly resource: string;
  readonly namespace?: string;
  readonly group?: string;
}): Parsed<AccessRequest> {
  const [resourcePart = '', subresource, extra] = options.resource.split('/');
  if (options.verb.trim() === '' || resourcePart === '' || extra !== undefined || subresource === '') {
    return {
      ok: false,
      message: `who-can: "${options.verb} ${options.resource}" is not a request — use VERB RESOURCE[/SUBRESOURCE], e.g. who-can create pods/exec -n shop`,
    };
  }
  const dot = resourcePart.indexOf('.');
  const resource = (dot < 0 ? resourcePart : resourcePart.slice(0, dot)).toLowerCase();
  const group = options.group ?? (dot < 0 ? GROUP_OF[resource] : resourcePart.slice(dot + 1));
  if (group === undefined) {
    return {
      ok: false,
      message: `who-can: cannot tell the API group of "${resource}" — pass --group <group> or write it as ${resource}.<group>`,
    };
  }
  const namespace = CLUSTER_SCOPED.has(resource) ? undefined : options.namespace;
  return {
    ok: true,
    value: {
      verb: options.verb,
      apiGroup: group,
      resource,
      ...(subresource === undefined ? {} : { subresource }),
      ...(namespace === undefined ? {} : { namespace }),
    },
  };
}

/** The request in words: `create pods/exec in namespace shop`. */
export function requestWords(request: AccessRequest): string {
  const what =
    request.subresource === undefined ? request.resource : `${request.resource}/${request.subresource}`;
  const group = request.apiGroup === '' ? '' : `.${request.apiGroup}`;
  const where = request.namespace === undefined ? 'cluster-wide' : `in namespace ${request.namespace}`;
  return `${request.verb} ${what}${group} ${where}`;
}

/** The answer as text: one line per subject and binding, sorted; says so when nobody can. */
export function whoCanText(request: AccessRequest, grants: readonly Grant[]): string {
  const lines = new Set<string>();
  for (const grant of grants) {
    const scope = grant.scope === '*' ? 'all namespaces' : `namespace ${grant.scope}`;
    lines.add(`${grant.subject}\tvia ${grant.binding} → ${grant.role} (${scope})`);
  }
  if (lines.size === 0) return `Nobody can ${requestWords(request)}.\n`;
  const rows = [...lines].sort().map((l) => l.split('\t') as [string, string]);
  const width = Math.max(...rows.map(([subject]) => subject.length));
  const body = rows.map(([subject, via]) => `  ${subject.padEnd(width)}  ${via}`);
  return `Who can ${requestWords(request)}:\n${body.join('\n')}\n`;
}
