/** Streams an input to an output file with byte ranges replaced: unpatched bytes are copied exactly. */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/** Replaces bytes `[start, end)` of the input with `text` (`start === end` inserts). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Writes `chunks` to `outPath` with `edits` applied; edits must not overlap. */
export async function writeWithEdits(
  chunks: AsyncIterable<Buffer>,
  edits: readonly Edit[],
  outPath: string,
): Promise<void> {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out = createWriteStream(outPath);
  const write = async (data: Buffer | string): Promise<void> => {
    if (data.length > 0 && !out.write(data)) await once(out, 'drain');
  };
  let cursor = 0;
  let offset = 0;
  let next = 0;
  let written = false;
  try {
    for await (const chunk of chunks) {
      const chunkEnd = offset + chunk.length;
      while (cursor < chunkEnd) {
        const edit = sorted[next];
        if (edit !== undefined && cursor >= edit.start) {
          if (!written) await write(edit.text);
          written = true;
          if (edit.end > chunkEnd) cursor = chunkEnd;
          else {
            cursor = edit.end;
            next++;
            written = false;
          }
          continue;
        }
        const stop = edit === undefined ? chunkEnd : Math.min(edit.start, chunkEnd);
        await write(chunk.subarray(cursor - offset, stop - offset));
        cursor = stop;
      }
      offset = chunkEnd;
    }
    for (; next < sorted.length; next++, written = false) if (!written) await write(sorted[next]!.text);
  } finally {
    out.end();
  }
  await finished(out);
}

/** Reads the texts of byte ranges (sorted by start, not overlapping) in one pass over the input. */
export async function readRanges(
  chunks: AsyncIterable<Buffer>,
  ranges: readonly (readonly [number, number])[],
): Promise<string[]> {
  const parts: Buffer[][] = ranges.map(() => []);
  let offset = 0;
  let first = 0;
  for await (const chunk of chunks) {
    const chunkEnd = offset + chunk.length;
    // Ranges are sorted: skip the finished ones, stop at the first that starts after this chunk.
    while (first < ranges.length && ranges[first]![1] <= offset) first++;
    for (let index = first; index < ranges.length && ranges[index]![0] < chunkEnd; index++) {
      const [start, end] = ranges[index]!;
      if (end <= offset) continue;
      parts[index]!.push(chunk.subarray(Math.max(start, offset) - offset, Math.min(end, chunkEnd) - offset));
    }
    offset = chunkEnd;
  }
  return parts.map((list) => Buffer.concat(list).toString('utf8'));
}
