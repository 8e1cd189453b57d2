/**
 * Reads one input into its objects and gaps: the format from the name or the first byte, binary files refused,
 * and JSON-looking input that is not JSON read again as YAML. Pure of any process-wide state, so a parse worker
 * runs the very same code on the files it takes.
 */
import { extname } from 'node:path';
import type { ChunkSource } from './file-chunks.js';
import { FileIngest } from './ingest.js';
import { formatOf, fsProblem, type InputFormat, isBinary } from './input-files.js';
import type { Interner } from './interner.js';
import type { Limits } from './limits.js';
import { JSON_COMMENT, jsonReader } from './read-json.js';
import { type ChunkReader, yamlReader } from './read-yaml.js';
import type { Gap, SnapshotObject } from './snapshot.js';

/** Raw List items held in case the List turns out to be an object with an `items` field (etcd caps objects at 1.5 MiB). */
const HELD_ITEMS_BYTES = 2 * 1024 * 1024;

/** What one input gave: whether it could be opened, its objects and gaps, and the format it was read as. */
export interface InputResult {
  readonly opened: boolean;
  readonly objects: readonly SnapshotObject[];
  readonly gaps: readonly Gap[];
  readonly format?: InputFormat;
}

/** How to read one input. */
export interface ReadOptions {
  readonly limits: Limits;
  /** Shares repeated strings across the files of one read; without it each object keeps its own. */
  readonly interner?: Interner;
}

/** Reads one input; JSON-looking input that is not a `.json` file falls back to YAML when it is not JSON. */
export async function readInput(
  file: string,
  source: ChunkSource,
  options: ReadOptions,
): Promise<InputResult> {
  const first = await readAs(file, source, options, undefined);
  if (first.format !== 'json' || extname(file).toLowerCase() === '.json') return first;
  // Only input that yields nothing as JSON is retried: a broken item in a big JSON dump stays a JSON gap.
  // JSON with comments is meant as JSON (kubectl reads `{`-led input as JSON too): its message stands.
  const commented = first.gaps.some((gap) => gap.message.includes(JSON_COMMENT));
  const notJson =
    first.objects.length === 0 && !commented && first.gaps.some((gap) => gap.kind === 'parse-error');
  if (!notJson || !source.replayable()) return first;
  // When YAML reads nothing either, the JSON message is the more precise one (a comment, a missing comma).
  const second = await readAs(file, source, options, 'yaml');
  return second.objects.length > 0 ? second : first;
}

async function readAs(
  file: string,
  source: ChunkSource,
  options: ReadOptions,
  forced: InputFormat | undefined,
): Promise<InputResult> {
  const { limits, interner } = options;
  const maxHeldBytes = Math.min(limits['document-bytes'], HELD_ITEMS_BYTES);
  const ingest = new FileIngest(file, {
    maxHeldBytes,
    limits,
    ...(interner === undefined ? {} : { interner }),
  });
  let reader: ChunkReader | undefined;
  let format: InputFormat | undefined;
  let opened = false;
  try {
    for await (const chunk of source.open()) {
      opened = true;
      if (reader === undefined) {
        format = forced ?? formatOf(file, chunk);
        // JSON has no NUL even inside strings, so JSON-looking input with one early on is binary as a whole.
        if (isBinary(chunk) || (format === 'json' && chunk.subarray(0, 8192).includes(0))) {
          ingest.gap(
            'not-kubernetes',
            undefined,
            'binary file, not YAML or JSON',
            'remove it from the input',
          );
          return { opened, objects: [], gaps: ingest.gaps };
        }
        reader = format === 'json' ? jsonReader(ingest, limits) : yamlReader(ingest, limits);
      }
      reader.push(chunk);
    }
    opened = true;
    reader?.end();
    ingest.finish();
  } catch (error) {
    const problem = fsProblem(error);
    ingest.gap('unreadable', undefined, problem.what, problem.todo);
  }
  return { opened, objects: ingest.objects, gaps: ingest.gaps, ...(format !== undefined ? { format } : {}) };
}
