import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type GenerateOptions, type GenerateResult, generateCluster } from './generate.js';
import type { KubeObject } from './json-types.js';

/** A generated dump in a temporary directory, for tests. */
export interface TempDump extends GenerateResult {
  readonly dir: string;
}

/** Generate into a fresh temporary directory. */
export function generateToTemp(options: Omit<GenerateOptions, 'out'>): TempDump {
  const dir = mkdtempSync(join(tmpdir(), `chokepoint-gen-${options.size}-`));
  return { dir, ...generateCluster({ ...options, out: dir }) };
}

/** Delete a temporary dump. */
export function removeDump(dump: TempDump): void {
  rmSync(dump.dir, { recursive: true, force: true });
}

/** Every file under `dir`, as sorted relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) visit(full);
      else out.push(relative(dir, full));
    }
  };
  visit(dir);
  return out.sort();
}

/** SHA-256 over every file's path and bytes, in sorted order. */
export function hashDir(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) {
    hash.update(file);
    hash.update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex');
}

/** All objects of a JSON-format dump, read back from its List files. */
export function readJsonDump(dir: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const file of listFiles(dir)) {
    const list = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { kind: string; items: KubeObject[] };
    if (list.kind !== 'List') throw new Error(`${file} is not a List`);
    objects.push(...list.items);
  }
  return objects;
}

/** A stable identity for an object: kind, namespace and name. */
export function objectKey(object: KubeObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}
