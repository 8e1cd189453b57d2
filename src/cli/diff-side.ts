/**
 * One side of `chokepoint diff`: a JSON report read back, or an input scanned like `chokepoint scan PATH`, kept
 * only as far as the diff reads it. A scanned side runs in a worker thread: its whole analysis (1.4 GiB at
 * 150,000 pods) goes with the worker, where on the main thread it lay uncollected while the next side was
 * analysed, and two such inputs peaked at 2,812 MiB.
 */
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { Interner } from '../collect/interner.js';
import { readSplitJsonFile } from '../collect/split-json-file.js';
import { analyze } from '../prioritize/analyze.js';
import { buildReport } from '../report/build-report.js';
import type { FindingReport, Report } from '../report/contract.js';
import type { DiffSide } from '../report/diff.js';
import type { ThreatModel } from '../techniques/types.js';
import { analysisConfig } from './analysis-config.js';
import { emptyInputMessages, gapWarning, loadInput } from './load.js';

/** How every side is read: the same chokepoint.yaml and flags, so only the input differs. */
export interface SideOptions {
  readonly configFile: string | undefined;
  readonly kubeVersion: string | undefined;
  readonly threatModels: readonly ThreatModel[] | undefined;
}

/** A side, or why it cannot be read; with the warnings its input gave either way, in order. */
export type SideResult = (
  | { readonly ok: true; readonly value: DiffSide }
  | { readonly ok: false; readonly message: string }
) & { readonly warnings: readonly string[] };

/** What the diff reads of a report. */
function sideOf(report: Report): DiffSide {
  return { risk: report.risk, paths: report.paths, findings: report.findings, gaps: report.gaps };
}

/** A JSON report starts with its `schemaVersion` key (renderJson writes it first), so a short read tells. */
async function looksLikeReport(path: string): Promise<boolean> {
  if (!path.endsWith('.json')) return false;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(64);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return /^\s*\{\s*"schemaVersion"/.test(buffer.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/** The largest part of a report read whole (all but its findings; the facts are most of it). */
const REPORT_PART_BYTES = 256 * 1024 * 1024;

/**
 * A JSON report as a side, its findings read one at a time and sharing their strings; undefined when the file
 * is not a chokepoint report after all. Read whole, a 150,000-pod report (340 MB) was one string of its text
 * and every fact as objects: two such sides peaked at 2,690 MiB.
 */
export function readReportSide(path: string): DiffSide | undefined {
  const interner = new Interner();
  const findings: FindingReport[] = [];
  const read = readSplitJsonFile(path, {
    splitKey: 'findings',
    maxTextBytes: REPORT_PART_BYTES,
    item(value, line) {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new RangeError(`line ${line}: a finding that is not an object`);
      interner.shareBelow(value as Record<string, unknown>);
      findings.push(value as FindingReport);
    },
  });
  if ('why' in read) return undefined;
  const report = read.header as Partial<Report>;
  if (report.tool?.name !== 'chokepoint' || !Array.isArray(report.paths)) return undefined;
  // A report without findings has nothing to split: its list, if any, came with the rest.
  return sideOf({ ...report, findings: read.split ? findings : (report.findings ?? []) } as Report);
}

/** The side at `path`: read back when it is a report, else scanned in a worker. */
export async function diffSide(path: string, options: SideOptions): Promise<SideResult> {
  // Not a report after all (or not valid JSON): scanned below, where a parse error is a gap with file and line.
  const report = (await looksLikeReport(path)) ? readReportSide(path) : undefined;
  if (report !== undefined) return { ok: true, value: report, warnings: [] };
  // A worker gets no stdin, so standard input (`-`) is read here.
  return path === '-' ? scannedSide(path, options) : inWorker({ path, options });
}

/** What the main thread hands the worker. */
export interface SideWorkerData {
  readonly path: string;
  readonly options: SideOptions;
}

function inWorker(data: SideWorkerData): Promise<SideResult> {
  const worker = new Worker(new URL('./diff-side-worker.js', import.meta.url), { workerData: data });
  return new Promise<SideResult>((resolve, reject) => {
    let result: SideResult | undefined;
    worker.once('message', (message: SideResult) => {
      result = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result === undefined
        ? reject(new Error(`diff worker for ${data.path} exited with code ${code} before it answered`))
        : resolve(result),
    );
  });
}

/** The side at `path` scanned like `chokepoint scan PATH`: the worker's whole job. */
export async function scannedSide(path: string, options: SideOptions): Promise<SideResult> {
  const loaded = await loadInput([path], options.kubeVersion);
  if (!loaded.usable) return { ok: false, message: emptyInputMessages(loaded, [path]).message, warnings: [] };
  const warnings = loaded.snapshot.gaps.map(gapWarning);
  const config = await analysisConfig(
    {
      ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
      ...(options.threatModels === undefined ? {} : { threatModels: options.threatModels }),
    },
    { kubeVersion: loaded.kubeVersion },
  );
  if (!config.ok) return { ...config, warnings };
  const analysis = analyze(loaded.snapshot, config.value, loaded.builtIn);
  return { ok: true, value: sideOf(buildReport(analysis, { version: '' })), warnings };
}
