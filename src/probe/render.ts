/** Probe results as text: the terminal view (findings first, then what answered) and the JSON contract. */
import type { ProbeResults, Severity } from './types.js';

/** Output formats of `chokepoint probe`. */
export const PROBE_FORMATS = ['terminal', 'json'] as const;

/** One probe output format. */
export type ProbeFormat = (typeof PROBE_FORMATS)[number];

/** Severities, worst first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** The terminal view. */
export function probeText(results: ProbeResults): string {
  const open = results.results.filter((r) => r.state === 'open');
  const lines = [
    `chokepoint probe: ${new Set(results.results.map((r) => r.host)).size} host(s) × ${results.ports.length} port(s): ` +
      `${open.length} open, ${results.findings.length} finding(s)`,
    '',
  ];
  const findings = [...results.findings].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
  );
  for (const f of findings) {
    lines.push(`${f.severity.toUpperCase().padEnd(9)}${f.id}  ${f.host}:${f.port}`, `  ${f.title}`);
    for (const e of f.evidence) lines.push(`  evidence: ${e.request} → ${e.status} (${e.meaning})`);
    lines.push(`  fix (${f.fix.effort}): ${f.fix.change}`, '');
  }
  if (findings.length === 0)
    lines.push('No findings: nothing reachable here lets an anonymous client in.', '');
  if (open.length > 0) lines.push('Open ports:');
  for (const r of open)
    lines.push(
      `  ${r.host}:${r.port}  ${r.service ?? `unidentified (expected ${r.expected})`}  ${r.tls ? 'TLS' : 'plain'}` +
        `${r.notes.length > 0 ? `  ${r.notes.join('; ')}` : ''}`,
    );
  const others = results.results.filter((r) => r.state !== 'open' && r.state !== 'closed');
  if (others.length > 0) lines.push('', 'Not judged:');
  for (const r of others) lines.push(`  ${r.host}:${r.port}  ${r.state}: ${r.notes.join('; ')}`);
  const closed = results.results.length - open.length - others.length;
  lines.push('', `${closed} port(s) closed (connection refused).`);
  return `${lines.join('\n')}\n`;
}

/** The JSON contract, stable key order as built. */
export function probeJson(results: ProbeResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
