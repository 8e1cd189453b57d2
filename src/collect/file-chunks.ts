/**
 * Reads a file in fixed 1 MiB chunks with synchronous calls. A folder of thousands of small files spent a quarter
 * of collect idle between the async open, read and close of `createReadStream`; a blocking read per chunk has no
 * such gaps and still holds at most the value being scanned plus one chunk.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Chunk size: the same as the streamed reader's, so the scanner sees the same chunks whichever reads. */
export const CHUNK_BYTES = 1024 * 1024;
const MIN_CHUNK_BYTES = 64 * 1024;

/** The bytes of one input; `open` is called again for a second pass when `replayable`. */
export interface ChunkSource {
  open(): AsyncIterable<Buffer>;
  replayable(): boolean;
}

/** Yields the file's bytes in full chunks (the last one shorter); nothing for an empty file. */
export function* fileChunks(file: string): Generator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    let left = fstatSync(fd).size;
    for (;;) {
      // A new buffer per chunk, since the scanner keeps slices of earlier chunks while a value spans them; sized
      // to what is left, so a small file does not cost a whole chunk (the size is a hint: reading goes to EOF).
      const size = Math.min(CHUNK_BYTES, Math.max(left, MIN_CHUNK_BYTES));
      const chunk = Buffer.allocUnsafe(size);
      let filled = 0;
      while (filled < size) {
        const read = readSync(fd, chunk, filled, size - filled, null);
        if (read === 0) break;
        filled += read;
      }
      left -= filled;
      if (filled > 0) yield filled === size ? chunk : chunk.subarray(0, filled);
      if (filled < size) return;
    }
  } finally {
    closeSync(fd);
  }
}

/** A file read chunk by chunk; it can be read again. */
export function fileSource(file: string): ChunkSource {
  return {
    open: async function* () {
      yield* fileChunks(file);
    },
    replayable: () => true,
  };
}
