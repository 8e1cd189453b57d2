/**
 * Offline ingest: files, folders and stdin into a Snapshot. Each file is streamed in chunks and each object is
 * projected to its slim record as soon as it is parsed, so memory follows the slim snapshot, not the input.
 * Broken input becomes gaps; the rest of the file and the other files are still read.
 */
import { type ChunkSource, fileSource } from './file-chunks.js';
import { gapAt } from './gaps.js';
import { type InputFormat, resolveInputs, STDIN_NAME } from './input-files.js';
import { Interner } from './interner.js';
import { type Limits, limitsWith } from './limits.js';
import { PARALLEL_BYTES, readParallel, worthParallel } from './parallel-read.js';
import { type InputResult, readInput } from './read-input.js';
import type { Gap, Snapshot, SnapshotObject, SnapshotSource } from './snapshot.js';

/** Options for `collectFiles`. */
export interface CollectOptions {
  /** Where `-` reads from; default `process.stdin`. */
  readonly stdin?: NodeJS.ReadableStream;
  /** Largest document or List item read, in bytes (the `document-bytes` limit); larger ones become gaps. */
  readonly maxObjectBytes?: number;
  /** Limits on size, lines, depth, aliases and documents per file; the rest keep their defaults. */
  readonly limits?: Partial<Limits>;
  /**
   * Inputs whose `.json` files hold at least this many bytes are read on two threads (`parallel-read.ts`); the
   * result is the same. Default `PARALLEL_BYTES`; `Infinity` reads on the main thread only.
   */
  readonly parallelBytes?: number;
}
/** Stdin cannot be read twice: its bytes are kept up to this size for `--apply-plan` and a second pass. */
const STDIN_KEEP_BYTES = 256 * 1024 * 1024;

/** What the writer needs to know about how a snapshot was read, beyond what the snapshot holds. */
export interface ReadMemo {
  /** Stdin's bytes, when they were small enough to keep. */
  readonly stdin?: readonly Buffer[];
  /** The format each file was read as (JSON-looking YAML files fall back to YAML). */
  readonly formats: ReadonlyMap<string, InputFormat>;
}

// Keyed by the snapshot's `source` object, which spreads of the snapshot share. Holds no Secret values beyond
// the raw stdin bytes, which never leave this module except to be written back by `--apply-plan`.
const memoBySource = new WeakMap<SnapshotSource, ReadMemo>();

/** How the snapshot's inputs were read, when it came from `collectFiles` in this process. */
export function readMemoOf(snapshot: Snapshot): ReadMemo | undefined {
  return memoBySource.get(snapshot.source);
}

/** True when the snapshot holds at least one object; the CLI exits 2 otherwise. */
export function hasUsableInput(snapshot: Snapshot): boolean {
  return snapshot.objects.length > 0;
}

/** Reads files, folders (recursively) and `-` (stdin) into a snapshot; never throws for bad input. */
export async function collectFiles(
  inputs: readonly string[],
  options: CollectOptions = {},
): Promise<Snapshot> {
  const limits = limitsWith({
    ...(options.maxObjectBytes === undefined ? {} : { 'document-bytes': options.maxObjectBytes }),
    ...options.limits,
  });
  const resolved = await resolveInputs(inputs);
  const objects: SnapshotObject[] = [];
  const gaps: Gap[] = [...resolved.gaps];
  const paths: string[] = [];
  const formats = new Map<string, InputFormat>();
  let stdin: StdinTee | undefined;
  const interner = new Interner();
  const readHere = (file: string): Promise<InputResult> => {
    if (file === STDIN_NAME) stdin = new StdinTee(options.stdin ?? process.stdin, STDIN_KEEP_BYTES);
    const source = file === STDIN_NAME && stdin !== undefined ? stdin.source : fileSource(file);
    return readInput(file, source, { limits, interner });
  };
  const files = resolved.files;
  const results = worthParallel(files, options.parallelBytes ?? PARALLEL_BYTES)
    ? await readParallel(files, { limits, interner }, readHere)
    : undefined;
  for (const [index, file] of files.entries()) {
    const result = results?.[index] ?? (await readHere(file));
    if (result.opened) paths.push(file);
    if (result.format !== undefined) formats.set(file, result.format);
    // A loop, not push(...spread): a dump holds more objects than a call can take arguments.
    for (const object of result.objects) objects.push(object);
    for (const gap of result.gaps) gaps.push(gap);
  }
  if (objects.length === 0) {
    const where =
      inputs.length === 0 ? '(no input)' : inputs.map((i) => (i === '-' ? STDIN_NAME : i)).join(' ');
    const todo = 'pass files or folders that hold Kubernetes manifests (.yaml, .yml, .json), or - for stdin';
    gaps.push(gapAt('not-found', { file: where }, 'no Kubernetes objects found', todo));
  }
  const source: SnapshotSource = { type: 'files', paths };
  const kept = stdin?.kept();
  memoBySource.set(source, { formats, ...(kept !== undefined ? { stdin: kept } : {}) });
  return { source, objects, gaps, kindCounts: countKinds(objects) };
}

export { type ChunkSource, fileSource } from './file-chunks.js';

/** Stdin can be read only once: its bytes are kept while they fit, for a second pass and for `--apply-plan`. */
class StdinTee {
  private chunks: Buffer[] | undefined = [];
  private bytes = 0;
  private consumed = false;

  constructor(
    private readonly stream: NodeJS.ReadableStream,
    private readonly limit: number,
  ) {}

  readonly source: ChunkSource = {
    open: () => (this.consumed ? this.replay() : this.live()),
    replayable: () => !this.consumed || this.chunks !== undefined,
  };

  /** The whole of stdin, or `undefined` when it was too large to keep. */
  kept(): readonly Buffer[] | undefined {
    return this.chunks;
  }

  private async *live(): AsyncIterable<Buffer> {
    this.consumed = true;
    for await (const chunk of this.stream as AsyncIterable<Buffer | string>) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      this.bytes += buffer.length;
      if (this.bytes > this.limit) this.chunks = undefined;
      else this.chunks?.push(buffer);
      yield buffer;
    }
  }

  private async *replay(): AsyncIterable<Buffer> {
    yield* this.chunks ?? [];
  }
}

function countKinds(objects: readonly SnapshotObject[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const object of objects) counts.set(object.kind, (counts.get(object.kind) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
