/**
 * Stable identities for paths, findings and plan items, shared by SARIF (`partialFingerprints`) and `diff`.
 * They name what the finding is (technique, endpoints, entry, jewel), never where it sits (file, line, order),
 * so code scanning and `diff` track one finding across commits that move it.
 */
import { createHash } from 'node:crypto';
import type { FindingReport, PathReport, PlanItem } from './contract.js';

/** The SARIF `partialFingerprints` key; bump the suffix if the keys below ever change meaning. */
export const FINGERPRINT_NAME = 'chokepoint/v1';

/** A path is its threat model, entry and jewel: a new route between the same ends is the same path. */
export function pathKey(path: Pick<PathReport, 'threatModel' | 'entry' | 'jewel'>): string {
  return `${path.threatModel}|${path.entry}|${path.jewel}`;
}

/** A finding is its technique and its two graph nodes. */
export function findingKey(finding: Pick<FindingReport, 'technique' | 'from' | 'to'>): string {
  return `${finding.technique}|${finding.from}|${finding.to}`;
}

/** A plan item is its remediation and target (and its second half, for a "do both" item). */
export function planKey(item: Pick<PlanItem, 'remediation' | 'target' | 'also'>): string {
  const also = item.also === undefined ? '' : `+${item.also.remediation}|${item.also.target}`;
  return `${item.remediation}|${item.target}${also}`;
}

/** A key as a fingerprint: the first 32 hex digits of its SHA-256. */
export function fingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
