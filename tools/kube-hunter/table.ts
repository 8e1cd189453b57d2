/** The agreement table: one row per kube-hunter finding, chokepoint-only finding and audit check, per setup. */

/** One row of the agreement table. */
export interface Row {
  readonly setup: string;
  readonly kubeHunter: string;
  readonly request: string;
  readonly status: string;
  readonly verdict: string;
  readonly chokepoint: string;
  readonly why: string;
}

const HEADER: Row = {
  setup: 'setup',
  kubeHunter: 'kube-hunter says',
  request: 'request re-asked',
  status: 'status',
  verdict: 'verdict',
  chokepoint: 'chokepoint says',
  why: 'why',
};
const COLUMNS: readonly (keyof Row)[] = [
  'setup',
  'kubeHunter',
  'request',
  'status',
  'verdict',
  'chokepoint',
  'why',
];

/** A Markdown table (pipes escaped), readable as plain text too. */
export function renderTable(rows: readonly Row[]): string {
  const all = [HEADER, ...rows];
  const widths = COLUMNS.map((c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Row) =>
    `| ${COLUMNS.map((c, i) => r[c].replace(/\|/g, '\\|').padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(HEADER), rule, ...rows.map(line)].join('\n');
}
