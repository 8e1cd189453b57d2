/** Text for the differential's output: questions, disagreements and the coverage table. */
import type { Grant } from '../../src/model/types.js';
import { FEATURES, type Feature } from './coverage.js';
import type { Tuple } from './generate-tuples.js';
import type { ServerAnswer } from './server.js';

/** A question in one line: identity, verb, group/resource/subresource, namespace, name (or path). */
export function describeTuple(t: Tuple): string {
  if (t.kind === 'url') return `${t.identity} ${t.verb} ${t.path}`;
  const r = t.request;
  const group = r.apiGroup === '' ? 'core' : r.apiGroup;
  const resource = `${group}/${r.resource}${r.subresource ? `/${r.subresource}` : ''}`;
  return `${t.identity} ${r.verb} ${resource} ns=${r.namespace ?? '(cluster)'} name=${r.name ?? '(none)'}`;
}

function describeGrant(g: Grant | undefined): string {
  if (g === undefined) return 'no grant';
  const rule = JSON.stringify(g.rule);
  return `${g.binding} -> ${g.role} rule ${g.ruleIndex} ${rule} to ${g.subject} in ${g.scope}`;
}

/** One disagreement: the question, what the server said and why, and the model's matching grant. */
export function describeDisagreement(t: Tuple, server: ServerAnswer, grant: Grant | undefined): string {
  return [
    `DISAGREEMENT ${describeTuple(t)}`,
    `  server: ${server.allowed ? 'allowed' : 'denied'} (${server.reason || 'no reason given'})`,
    `  model:  ${grant ? 'allowed' : 'denied'} by ${describeGrant(grant)}`,
  ].join('\n');
}

/** The coverage table: hits per feature, allowed and denied. */
export function coverageTable(
  hits: ReadonlyMap<Feature, { allowed: number; denied: number }>,
  minimum: number,
): string {
  const width = Math.max(...FEATURES.map((f) => f.length));
  const lines = [`${'feature'.padEnd(width)}  allowed  denied   total`];
  for (const feature of FEATURES) {
    const h = hits.get(feature) ?? { allowed: 0, denied: 0 };
    const total = h.allowed + h.denied;
    const mark = total < minimum ? `  < ${minimum}` : '';
    const counts = [String(h.allowed).padStart(7), String(h.denied).padStart(6), String(total).padStart(6)];
    lines.push(`${feature.padEnd(width)}  ${counts.join('  ')}${mark}`);
  }
  return lines.join('\n');
}
