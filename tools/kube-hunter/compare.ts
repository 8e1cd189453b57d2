/**
 * One setup's rows of the agreement table, from kube-hunter's findings with their verdicts and chokepoint's
 * findings. Pure: the verdicts (with their re-asked status codes) are made before, so recorded runs can be
 * judged again in a test.
 */
import type { ProbeFinding } from '../../src/probe/types.js';
import type { Row } from './table.js';
import type { KhFinding, Verdict } from './verdicts.js';

/** A kube-hunter finding and the verdict on it. */
export interface Judged {
  readonly finding: KhFinding;
  readonly verdict: Verdict;
}

/** The rows of one setup, and the true kube-hunter findings chokepoint did not report. */
export interface SetupComparison {
  readonly rows: readonly Row[];
  readonly missed: readonly string[];
}

function chokepointSays(verdict: Verdict, match: readonly string[]): string {
  if (match.length > 0) return match.join(', ');
  if (verdict.verdict === 'information') return 'note, not a finding (by design)';
  if (verdict.verdict === 'true') return 'MISSED';
  return 'nothing (agrees: not a finding)';
}

/** Compares one setup: every kube-hunter finding, then every chokepoint finding no kube-hunter finding covers. */
export function compareSetup(
  setup: string,
  judged: readonly Judged[],
  ours: readonly ProbeFinding[],
): SetupComparison {
  const found = new Set<string>(ours.map((f) => f.id));
  const covered = new Set<string>();
  const rows: Row[] = [];
  const missed: string[] = [];
  for (const { finding, verdict } of judged) {
    const match = verdict.coveredBy.filter((id) => found.has(id));
    for (const id of match) covered.add(id);
    if (verdict.verdict === 'true' && match.length === 0)
      missed.push(`${setup}: ${finding.vid} ${finding.vulnerability}`);
    rows.push({
      setup,
      kubeHunter: `${finding.vid} ${finding.vulnerability}`,
      request: verdict.request,
      status: String(verdict.status),
      verdict: verdict.verdict,
      chokepoint: chokepointSays(verdict, match),
      why: verdict.why,
    });
  }
  for (const f of ours.filter((f) => !covered.has(f.id)))
    rows.push({
      setup,
      kubeHunter: 'nothing',
      request: f.evidence[0]?.request ?? '',
      status: String(f.evidence[0]?.status ?? ''),
      verdict: 'chokepoint only',
      chokepoint: f.id,
      why: f.title,
    });
  if (judged.length === 0 && ours.length === 0)
    rows.push({
      setup,
      kubeHunter: 'nothing',
      request: '',
      status: '',
      verdict: 'both: nothing',
      chokepoint: 'nothing',
      why: '',
    });
  return { rows, missed };
}
