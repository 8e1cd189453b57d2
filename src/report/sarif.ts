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

/**
 * Stands in for the results while the rest of the log is stringified. No other value can hold
 * `"results": "<this>"`: quotes inside a string are escaped.
 */
const RESULTS_SLOT = '\u0000chokepoint:results\u0000';
/** Results stringified together: each piece stays well below V8's large-object size, so it dies young. */
export const BATCH_RESULTS = 64;

/** The report as a SARIF 2.1.0 log; `maxResults` is for tests of the cap. */
export function renderSarif(report: Report, maxResults: number = MAX_SARIF_RESULTS): string {
  return [...renderSarifChunks(report, maxResults)].join('');
}

/**
 * The same text as {@link renderSarif}, in pieces: the results a batch at a time. A cluster's 25,000 results are
 * 35 MB of text, and one arrow or dash in a message makes all of it two bytes a character.
 */
export function* renderSarifChunks(
  report: Report,
  maxResults: number = MAX_SARIF_RESULTS,
): Generator<string> {
  const { log, results } = sarifLog(report, maxResults);
  const text = `${JSON.stringify(log, null, 2)}\n`;
  const slot = `"results": ${JSON.stringify(RESULTS_SLOT)}`;
  const at = text.indexOf(slot);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const keyIndent = ' '.repeat(at - lineStart);
  yield text.slice(0, at + '"results": '.length);
  if (results.length === 0) yield '[]';
  else {
    // As JSON.stringify(log, null, 2) writes an array: one item per line, two spaces deeper than its key.
    const itemIndent = `${keyIndent}  `;
    for (let i = 0; i < results.length; i += BATCH_RESULTS) {
      const batch = results
        .slice(i, i + BATCH_RESULTS)
        .map(
          (result) => `${itemIndent}${JSON.stringify(result, null, 2).replaceAll('\n', `\n${itemIndent}`)}`,
        );
      yield `${i === 0 ? '[\n' : ',\n'}${batch.join(',\n')}`;
    }
    yield `\n${keyIndent}]`;
  }
  yield text.slice(at + slot.length);
}

/** The log with {@link RESULTS_SLOT} where its results go, and the results. */
function sarifLog(report: Report, maxResults: number) {
  const rules = sarifRules();
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const { results, total } = sarifResults(report, { ruleIndex }, maxResults);
  const omitted = total - results.length;
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
              text: `${omitted} of ${total} results were left out to stay within ${maxResults} results per run; the plan and the findings on attack paths come first. Run chokepoint scan --format json for all of them.`,
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
        results: RESULTS_SLOT,
        properties: {
          schemaVersion: report.schemaVersion,
          risk: report.risk,
          resultsTotal: total,
          resultsOmitted: omitted,
        },
      },
    ],
  };
  return { log, results };
}
