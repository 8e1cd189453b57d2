/**
 * Reads a corpus laid out as `../shared/corpus` is: any folder holding `expected.json` files, each beside the
 * manifests it describes and a `SOURCE.md`. Groups every source's expectations into units, each loaded as its
 * own cluster.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { normaliseRef } from './refs.js';

/** One expectation, with its resource in the contract's ref form. */
export interface Expectation {
  readonly source: string;
  readonly file: string;
  /** The resource as the corpus writes it (`Kind/ns/name`, `Kind//name`). */
  readonly corpusRef: string;
  /** The resource as the contract writes it (`Kind/ns/name`, `Kind/name`). */
  readonly resource: string;
  readonly expect: readonly string[];
  readonly basis: string;
}

/** The manifests loaded together as one cluster, and the expectations scored against it. */
export interface Unit {
  readonly source: string;
  /** Stable name of the unit, relative to the corpus root. */
  readonly name: string;
  /** Files or folders to load, as paths the collector reads. */
  readonly paths: readonly string[];
  readonly expectations: readonly Expectation[];
}

/** How a source's files group into clusters. */
export type UnitLayout = 'file' | 'directory' | 'source';

/** The bases that are scored: upstream tests and the authors' own docs, not restated manifest settings. */
export const SCORED_BASES: ReadonlySet<string> = new Set(['upstream-test', 'author-docs']);

/**
 * The layout a SOURCE.md states. The corpus README: one file is one cluster, except a kubescape-style case
 * directory (`.../input/`), sources whose expectations were computed over the whole cluster (`source`), and
 * sources that say to load each scenario directory as one cluster (`directory`).
 */
export function layoutOf(sourceMd: string): UnitLayout {
  if (/\b(?:whole|entire) (?:\w+ )?cluster\b|\bALL [\w ]*files at once\b/i.test(sourceMd)) return 'source';
  if (/\bload each [\w-]+ directory as one cluster\b/i.test(sourceMd)) return 'directory';
  return 'file';
}

/** The unit a file belongs to, as a path relative to its source directory. */
export function unitOf(file: string, layout: UnitLayout): string {
  const parts = file.split('/');
  const input = parts.lastIndexOf('input');
  if (input > 0) return parts.slice(0, input + 1).join('/');
  if (layout === 'source') return '.';
  if (layout === 'directory') return parts.length > 1 ? parts.slice(0, -1).join('/') : file;
  return file;
}

async function findExpected(dir: string, out: string[] = []): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await findExpected(path, out);
    else if (entry.name === 'expected.json') out.push(path);
  }
  return out;
}

async function readOptional(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return '';
  }
}

function parseExpectations(text: string, where: string, source: string): Expectation[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error(`${where}: expected a JSON list of expectations`);
  return parsed.map((item: { file?: unknown; resource?: unknown; expect?: unknown; basis?: unknown }, i) => {
    if (typeof item.file !== 'string' || typeof item.resource !== 'string' || !Array.isArray(item.expect))
      throw new Error(`${where}: entry ${i} needs "file", "resource" and "expect" — fix the entry`);
    return {
      source,
      file: item.file,
      corpusRef: item.resource,
      resource: normaliseRef(item.resource),
      expect: item.expect.map(String),
      basis: typeof item.basis === 'string' ? item.basis : '',
    };
  });
}

/** Every unit under `root`, sorted by source then unit name. */
export async function readCorpus(root: string): Promise<readonly Unit[]> {
  const units: Unit[] = [];
  for (const expectedPath of await findExpected(root)) {
    const sourceDir = dirname(expectedPath);
    const source = relative(root, sourceDir).split(sep).join('/') || '.';
    const layout = layoutOf(await readOptional(join(sourceDir, 'SOURCE.md')));
    const expectations = parseExpectations(await readFile(expectedPath, 'utf8'), expectedPath, source);
    const byUnit = new Map<string, Expectation[]>();
    for (const e of expectations) {
      const key = unitOf(e.file, layout);
      byUnit.set(key, [...(byUnit.get(key) ?? []), e]);
    }
    for (const key of [...byUnit.keys()].sort()) {
      const files = [...new Set(byUnit.get(key)!.map((e) => e.file))].sort();
      const paths = key === '.' || key.endsWith('input') || layout === 'directory' ? [key] : files;
      units.push({
        source,
        name: key === '.' ? source : `${source}/${key}`,
        paths: paths.map((p) => join(sourceDir, p)),
        expectations: byUnit.get(key)!,
      });
    }
  }
  return units;
}
