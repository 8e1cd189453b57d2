/**
 * Which cluster and credentials a live scan uses: `--kubeconfig F` or the default chain ($KUBECONFIG,
 * ~/.kube/config, then the in-cluster service account), and `--context C` or the current context. Everything
 * `@kubernetes/client-node` supports works, because it resolves the credentials.
 */
import { KubeConfig } from '@kubernetes/client-node';

/** Where to read the kubeconfig from. */
export interface KubeTarget {
  readonly kubeconfig?: string;
  readonly context?: string;
}

/** A loaded config, or a message that says what is wrong and what to do. */
export type LoadedConfig =
  | { readonly ok: true; readonly config: KubeConfig; readonly context: string; readonly server: string }
  | { readonly ok: false; readonly message: string };

/** Loads the kubeconfig and selects the context; never throws for a bad file or an unknown context. */
export function loadKubeConfig(target: KubeTarget): LoadedConfig {
  const config = new KubeConfig();
  const from = target.kubeconfig ?? process.env.KUBECONFIG ?? '~/.kube/config or the in-cluster account';
  try {
    if (target.kubeconfig !== undefined) config.loadFromFile(target.kubeconfig);
    else config.loadFromDefault();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${from}: cannot read the kubeconfig (${why}) — pass --kubeconfig FILE` };
  }
  if (target.context !== undefined) {
    if (config.getContextObject(target.context) === null) {
      const known = config.getContexts().map((c) => c.name);
      return {
        ok: false,
        message: `--context ${target.context}: no such context in ${from} — use one of: ${known.join(', ') || '(none)'}`,
      };
    }
    config.setCurrentContext(target.context);
  }
  const cluster = config.getCurrentCluster();
  if (cluster === null || cluster.server === '') {
    return { ok: false, message: `${from}: the current context names no cluster — pass --context C` };
  }
  return { ok: true, config, context: config.getCurrentContext(), server: cluster.server };
}
