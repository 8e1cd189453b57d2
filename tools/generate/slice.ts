/**
 * A namespace slice of a generated dump: every cluster-scoped object and the objects of the first N namespaces
 * (sorted by name), copied byte for byte in the generator's own layout. Small enough to scan in a second or two
 * while keeping the generator's formatting, so tests and benches can re-scan it many times.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFormat } from './generate.js';
import { CLUSTER_SCOPE_DIR } from './output/json-sink.js';
import { YAML_FILE_NAME } from './output/yaml-sink.js';

/** Which dump to slice, where to write the slice, and how many namespaces to keep. */
export interface SliceOptions {
  readonly from: string;
  readonly to: string;
  readonly format: OutputFormat;
  readonly namespaces: number;
}

/** Writes the slice; returns the namespaces kept, sorted. */
export function sliceCluster(options: SliceOptions): readonly string[] {
  mkdirSync(options.to, { recursive: true });
  return options.format === 'json' ? sliceJson(options) : sliceYaml(options);
}

// The JSON layout has one folder per namespace and `_cluster` for cluster-scoped kinds.
function sliceJson(options: SliceOptions): readonly string[] {
  const kept = readdirSync(options.from)
    .filter((dir) => dir !== CLUSTER_SCOPE_DIR)
    .sort()
    .slice(0, options.namespaces);
  for (const dir of [CLUSTER_SCOPE_DIR, ...kept])
    cpSync(join(options.from, dir), join(options.to, dir), { recursive: true });
  return kept;
}

// The YAML layout is one multi-document file; documents are kept or dropped whole, their text untouched.
function sliceYaml(options: SliceOptions): readonly string[] {
  const documents = readFileSync(join(options.from, YAML_FILE_NAME), 'utf8').split(/^---\n/m);
  const scopes = documents.map(namespaceOf);
  const kept = [...new Set(scopes.filter((ns) => ns !== undefined))].sort().slice(0, options.namespaces);
  const keep = new Set(kept);
  const text = documents.filter((_, i) => scopes[i] === undefined || keep.has(scopes[i]!)).join('---\n');
  writeFileSync(join(options.to, YAML_FILE_NAME), text);
  return kept;
}

/**
 * `metadata.namespace` of one document in the generator's YAML style (sorted keys, two-space indent): the
 * `  namespace:` line inside the top-level `metadata:` block, which ends at the next unindented line.
 */
function namespaceOf(document: string): string | undefined {
  const lines = document.split('\n');
  const start = lines.indexOf('metadata:');
  if (start < 0) return undefined;
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith(' ')) return undefined;
    const match = /^ {2}namespace: "?([a-z0-9-]+)"?$/.exec(line);
    if (match !== null) return match[1];
  }
  return undefined;
}
