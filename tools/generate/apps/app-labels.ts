import type { StringMap } from '../json-types.js';
import type { NamespacePlan } from '../model/plan-types.js';

/** Selector and descriptive labels, in the namespace's labelling convention. */
export interface AppLabels {
  readonly selector: StringMap;
  readonly labels: StringMap;
}

/** Labels for one app; `tier` is the coarse role used by NetworkPolicy selectors. */
export function appLabels(ns: NamespacePlan, name: string, tier: string, version: string): AppLabels {
  if (ns.labelStyle === 'app') {
    return { selector: { app: name }, labels: { team: ns.team, tier, version, env: ns.env } };
  }
  return {
    selector: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': `${name}-${ns.env}` },
    labels: {
      'app.kubernetes.io/version': version,
      'app.kubernetes.io/component': tier,
      'app.kubernetes.io/part-of': ns.product,
      'app.kubernetes.io/managed-by': 'Helm',
      team: ns.team,
    },
  };
}

/** The label key holding the tier in this namespace's convention. */
export function tierKey(ns: NamespacePlan): string {
  return ns.labelStyle === 'app' ? 'tier' : 'app.kubernetes.io/component';
}
