/** The phases the end-to-end run is broken into, and what one run reports. */

/** Phases in pipeline order. */
export const PHASES = ['collect', 'model', 'techniques', 'graph', 'risk', 'plan', 'report'] as const;

/** One phase. */
export type Phase = (typeof PHASES)[number];

/** What the end-to-end child prints. */
export interface PhaseRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly phases: readonly { readonly phase: Phase; readonly wallMs: number; readonly cpuMs: number }[];
  readonly maxRssBytes: number;
  readonly objects: number;
  readonly edges: number;
  readonly nodes: number;
  readonly risk: number;
  readonly planItems: number;
}
