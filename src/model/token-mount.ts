/**
 * Whether a pod gets an API token. The pod's `automountServiceAccountToken` overrides the ServiceAccount's
 * (default true); with automount off, a projected `serviceAccountToken` source or a volume of the SA's legacy
 * token Secret still mounts one. Live pods show the injected `kube-api-access-*` projected volume.
 */
import type { SecretInfo, TokenMount, Volume } from './types.js';

/** What decides the token mount of one pod. */
export interface TokenInput {
  readonly podAutomount: boolean | undefined;
  readonly serviceAccountAutomount: boolean | undefined;
  readonly serviceAccountName: string;
  readonly volumes: readonly Volume[];
  /** Secrets of the pod's namespace, by name. */
  readonly secrets: ReadonlyMap<string, SecretInfo>;
}

/** Resolves the token mount and the reason, in words for the report. */
export function tokenMountOf(input: TokenInput): TokenMount {
  if (input.podAutomount !== undefined) {
    if (input.podAutomount)
      return { mounted: true, reason: 'the pod sets automountServiceAccountToken: true', decidedBy: 'pod' };
  } else if (input.serviceAccountAutomount !== undefined) {
    if (input.serviceAccountAutomount)
      return {
        mounted: true,
        reason: 'the ServiceAccount sets automountServiceAccountToken: true',
        decidedBy: 'service-account',
      };
  } else return { mounted: true, reason: 'automount is on (default)', decidedBy: 'default' };
  const projected = input.volumes.find((volume) => volume.projectsServiceAccountToken);
  if (projected !== undefined)
    return {
      mounted: true,
      reason: `automount is off, but volume ${projected.name} projects a serviceAccountToken`,
      decidedBy: 'projected-volume',
    };
  const legacy = input.volumes.find(
    (volume) =>
      volume.type === 'secret' &&
      volume.secretNames.some((name) => {
        const secret = input.secrets.get(name);
        return (
          secret?.type === 'kubernetes.io/service-account-token' &&
          secret.serviceAccountName === input.serviceAccountName
        );
      }),
  );
  if (legacy !== undefined)
    return {
      mounted: true,
      reason: `automount is off, but volume ${legacy.name} mounts the legacy token Secret ${legacy.secretNames[0]}`,
      decidedBy: 'secret-volume',
    };
  return input.podAutomount === false
    ? { mounted: false, reason: 'the pod sets automountServiceAccountToken: false', decidedBy: 'pod' }
    : {
        mounted: false,
        reason: 'the ServiceAccount sets automountServiceAccountToken: false',
        decidedBy: 'service-account',
      };
}
