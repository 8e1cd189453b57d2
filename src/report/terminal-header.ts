/** The top of the terminal report: what was read, and — before anything else — what could not be. */
import type { GapKind } from '../collect/snapshot.js';
import type { Report } from './contract.js';
import { type Canvas, plural, visibleLength, wrap } from './terminal-style.js';

/** How each kind of gap starts its line. */
const GAP_LABEL: Readonly<Record<GapKind, string>> = {
  'parse-error': 'could not parse',
  'limit-exceeded': 'skipped (over a limit)',
  'not-kubernetes': 'not Kubernetes, skipped',
  forbidden: 'not allowed to read',
  'not-found': 'not found',
  unreadable: 'could not read',
};

/** The folder every path lies in (`k8s/`), or '' when they share none. */
function commonFolder(paths: readonly string[]): string {
  const folders = paths.map((p) => p.slice(0, p.lastIndexOf('/') + 1));
  let common = folders[0] ?? '';
  for (const folder of folders)
    while (!folder.startsWith(common))
      common = common.slice(0, common.lastIndexOf('/', common.length - 2) + 1);
  return common;
}

/** What was read: one file, several files under one folder, or at most three named. */
function sourceWords(source: Report['source']): string {
  if (source.type === 'cluster')
    return `cluster ${source.server ?? '(unknown server)'}${source.identity === undefined ? '' : ` as ${source.identity}`}`;
  const paths = source.paths ?? [];
  if (paths.length === 0) return 'no files';
  if (paths.length === 1) return paths[0]!;
  const folder = commonFolder(paths);
  if (folder !== '' && folder !== '/') return `${folder} (${paths.length} files)`;
  const named = paths.slice(0, 3).join(', ');
  return paths.length > 3 ? `${named} and ${paths.length - 3} more` : named;
}

/** The header line: source and counts. */
export function headerLines(report: Report, canvas: Canvas): string[] {
  const { stats } = report;
  const gaps = report.gaps.length;
  const counts = `${plural(stats.objects, 'object')}, ${plural(stats.workloads, 'workload')}, ${plural(stats.identities, 'identity', 'identities')}`;
  const gapWords = canvas.paint(plural(gaps, 'gap'), ...(gaps > 0 ? (['yellow', 'bold'] as const) : []));
  const parts = [
    canvas.paint(`chokepoint ${report.tool.version}`, 'bold'),
    sourceWords(report.source),
    counts,
    gapWords,
  ];
  // Break between the parts, never inside one, so a count stays with its noun.
  const lines = [parts[0]!];
  for (const part of parts.slice(1)) {
    const last = lines.length - 1;
    if (visibleLength(lines[last]!) + 3 + visibleLength(part) > canvas.width) lines.push(`  ${part}`);
    else lines[last] += ` · ${part}`;
  }
  return lines;
}

/** The gaps, listed first so nobody misses that the scan is incomplete; nothing when there are none. */
export function gapLines(report: Report, canvas: Canvas): string[] {
  if (report.gaps.length === 0) return [];
  const lines = [
    canvas.paint(
      `The scan is incomplete: ${plural(report.gaps.length, 'gap')}. What follows leaves these out.`,
      'yellow',
      'bold',
    ),
  ];
  for (const gap of report.gaps) {
    const message = gap.message.startsWith(gap.where)
      ? gap.message.slice(gap.where.length).replace(/^:\s*/, '')
      : gap.message;
    const text = `${GAP_LABEL[gap.kind]} ${gap.where}: ${message}`;
    lines.push(
      ...wrap(text, { width: canvas.width, first: `  ${canvas.paint('!', 'yellow')} `, rest: '    ' }),
    );
  }
  return lines;
}
