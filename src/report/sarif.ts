/**
 * `--format sarif`: SARIF 2.1.0 for code scanning. Rules come from the registries, results from the report,
 * most important first and capped at GitHub's 25,000 results per run, with the cut stated. No time is written,
 * so the same report gives the same bytes.
 */
import type { Report } from './contract.js';
import { PROJECT_URL } from './doc-links.js';
import { sarifResults } from './sarif-results.js';
import { sarifRules } from './sarif-rules.js';

/** GitHub code scanning reads at most this many results per run. */
export const MAX_SARIF_RESULTS = 25_000;

/** The report as a SARIF 2.1.0 log; `maxResults` is for tests of the cap. */
export function renderSarif(report: Report, maxResults: number = MAX_SARIF_RESULTS): string {
  const rules = sarifRules();
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const all = sarifResults(report, { ruleIndex });
  const results = all.slice(0, maxResults);
  const omitted = all.length - results.length;
  const notifications = [
    ...report.gaps.map((gap) => ({
      level: 'warning',
      message: { text: `${gap.where}: ${gap.message}` },
      descriptor: { id: gap.kind },
    })),
    ...(omitted > 0
      ? [
          {
            level: 'warning',
            message: {
              text: `${omitted} of ${all.length} results were left out to stay within ${maxResults} results per run; the plan and the findings on attack paths come first. Run chokepoint scan --format json for all of them.`,
            },
            descriptor: { id: 'results-truncated' },
          },
        ]
      : []),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: PROJECT_URL,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        columnKind: 'unicodeCodePoints',
        results,
        properties: {
          schemaVersion: report.schemaVersion,
          risk: report.risk,
          resultsTotal: all.length,
          resultsOmitted: omitted,
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
