/**
 * `--apply-plan`: writes every input file under an output folder with the plan's patches applied, in order, to
 * the original documents. Re-scanning the output gives exactly the patched snapshot S′, which is what makes
 * "predicted risk after a fix equals a re-scan of the patched files" true.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, normalize, parse, relative, resolve, sep } from 'node:path';
import { writeWithEdits } from './byte-edits.js';
import { type ChunkSource, fileSource, readMemoOf } from './collect-files.js';
import { formatOf, type InputFormat, STDIN_NAME } from './input-files.js';
import type { ObjectPatch, PatchOp } from './patch.js';
import { REDACTED, X_CHOKEPOINT } from './prune.js';
import { jsonEdits } from './rewrite-json.js';
import type { DocTargets } from './rewrite-targets.js';
import { yamlEdits } from './rewrite-yaml.js';
import type { Snapshot } from './snapshot.js';

/** What to write, and where. */
export interface WritePatchedOptions {
  readonly snapshot: Snapshot;
  readonly patches: readonly ObjectPatch[];
  readonly outDir: string;
}

/** Where an input file goes under `outDir`: its path as given, made relative; stdin becomes `stdin.yaml`. */
export function outputPathFor(outDir: string, file: string): string {
  if (file === STDIN_NAME) return join(outDir, 'stdin.yaml');
  const relativePath = isAbsolute(file) ? relative(parse(file).root, file) : normalize(file);
  const safe = relativePath
    .split(sep)
    .filter((segment) => segment !== '..' && segment !== '.' && segment !== '');
  return join(outDir, ...safe);
}

/** Writes the patched inputs; returns the files written, sorted. Throws when a patch cannot be written. */
export async function writePatchedInputs(options: WritePatchedOptions): Promise<readonly string[]> {
  const { snapshot, outDir } = options;
  if (snapshot.source.type !== 'files')
    throw new Error('--apply-plan needs a scan of files, not of a live cluster');
  const byFile = targetsByFile(snapshot, options.patches);
  const memo = readMemoOf(snapshot);
  const outputs = plannedOutputs(outDir, snapshot.source.paths);
  if (outputs.has(STDIN_NAME) && memo?.stdin === undefined) {
    throw new Error(
      'stdin was not kept (too large, or read elsewhere) — save it to a file and scan the file',
    );
  }
  const written: string[] = [];
  for (const [file, out] of outputs) {
    const source = sourceOf(file, memo?.stdin);
    await mkdir(dirname(out), { recursive: true });
    const targets = byFile.get(file);
    if (targets === undefined) {
      if (file === STDIN_NAME) await writeWithEdits(source.open(), [], out);
      else await copyFile(file, out);
    } else {
      const format = memo?.formats.get(file) ?? (await sniff(file, source));
      const edits =
        format === 'json' ? await jsonEdits(file, source, targets) : await yamlEdits(file, source, targets);
      await writeWithEdits(source.open(), edits, out);
    }
    written.push(out);
  }
  return written.sort();
}

/** Output path per input file; refuses, before anything is written, to overwrite an input or write one file twice. */
function plannedOutputs(outDir: string, files: readonly string[]): Map<string, string> {
  const outputs = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const file of files) {
    const out = outputPathFor(outDir, file);
    const clash = taken.get(out);
    if (clash !== undefined)
      throw new Error(`${file}: would be written to ${out}, as ${clash} is — use one input root`);
    if (file !== STDIN_NAME && resolve(out) === resolve(file)) {
      throw new Error(`${file}: --apply-plan would overwrite the input — choose another output folder`);
    }
    taken.set(out, file);
    outputs.set(file, out);
  }
  return outputs;
}

function sourceOf(file: string, stdin: readonly Buffer[] | undefined): ChunkSource {
  if (file !== STDIN_NAME) return fileSource(file);
  return {
    open: async function* () {
      yield* stdin ?? [];
    },
    replayable: () => true,
  };
}

async function sniff(file: string, source: ChunkSource): Promise<InputFormat> {
  if (extname(file).toLowerCase() === '.json') return 'json';
  for await (const chunk of source.open()) return formatOf(file, chunk);
  return 'yaml';
}

/** Groups ops by file, document and item, in plan order; refuses ops that would write redacted placeholders. */
function targetsByFile(
  snapshot: Snapshot,
  patches: readonly ObjectPatch[],
): Map<string, Map<number, DocTargets>> {
  const opsByRef = new Map<string, PatchOp[]>();
  for (const patch of patches) {
    for (const op of patch.ops) checkWritable(patch.target, op);
    opsByRef.set(patch.target, [...(opsByRef.get(patch.target) ?? []), ...patch.ops]);
  }
  const byFile = new Map<string, Map<number, DocTargets>>();
  for (const object of snapshot.objects) {
    const ops = opsByRef.get(object.ref);
    if (ops === undefined) continue;
    const location = object.location;
    if (location === undefined)
      throw new Error(`${object.ref}: not from an input file, so no file can carry its patch`);
    const docs = byFile.get(location.file) ?? new Map<number, DocTargets>();
    byFile.set(location.file, docs);
    const target = docs.get(location.doc) ?? { ops: [], items: new Map<number, PatchOp[]>() };
    docs.set(location.doc, target);
    const item = location.itemPath?.[1];
    if (typeof item === 'number') target.items.set(item, [...(target.items.get(item) ?? []), ...ops]);
    else target.ops.push(...ops);
  }
  return byFile;
}

function checkWritable(target: string, op: PatchOp): void {
  if (op.op === 'delete-object') return;
  if (op.path === `/${X_CHOKEPOINT}` || op.path.startsWith(`/${X_CHOKEPOINT}/`)) {
    throw new Error(
      `${target}: a patch on ${op.path} cannot be written — ${X_CHOKEPOINT} exists only in the snapshot`,
    );
  }
  if (op.op !== 'remove' && JSON.stringify(op.value ?? null).includes(REDACTED)) {
    throw new Error(
      `${target}: the patch at ${op.path} holds a redacted value and would erase the real one — patch the field itself, not an object that holds it`,
    );
  }
}
