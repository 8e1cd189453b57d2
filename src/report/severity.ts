/**
 * How serious a result is, in one place: SARIF rule `security-severity`, result levels, and what `diff` calls
 * critical. Severity follows the risk a fix removes and how likely a step succeeds, never a technique's name.
 */
import type { LikelihoodClass } from '../techniques/likelihood.js';
import type { PathReport } from './contract.js';

/** GitHub's scale (0.1–10): 9+ critical, 7+ high, 4+ medium, else low; likelier steps rank higher. */
export const SECURITY_SEVERITY: Readonly<Record<LikelihoodClass, string>> = {
  certain: '9.5',
  trivial: '9.0',
  likely: '7.5',
  possible: '6.0',
  unlikely: '4.0',
  rare: '2.0',
};

/** A SARIF result level. */
export type Level = 'error' | 'warning' | 'note';

/** A fix that removes at least this share of the total risk is an error; a smaller one a warning. */
const ERROR_SHARE = 0.25;
const WARNING_SHARE = 0.05;

/** The level of a plan item by the share of the total risk it removes; the one thing is always an error. */
export function planLevel(removed: number, total: number, isOneThing: boolean): Level {
  if (isOneThing) return 'error';
  const share = total > 0 ? removed / total : 0;
  return share >= ERROR_SHARE ? 'error' : share >= WARNING_SHARE ? 'warning' : 'note';
}

/** SARIF `rank` (0–100): the share of the total risk removed, to one decimal. */
export function shareRank(removed: number, total: number): number {
  return total > 0 ? Math.round((1000 * removed) / total) / 10 : 0;
}

/** A critical path ends in, or passes through, cluster-admin or root on a node: the whole cluster falls. */
export function isCriticalPath(path: PathReport): boolean {
  const critical = (ref: string) => ref === 'jewel:cluster-admin' || ref.startsWith('jewel:node-root/');
  return critical(path.jewel) || path.steps.some((step) => critical(step.to));
}
