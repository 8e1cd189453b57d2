import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const FLUSH_AT = 1 << 20;

/**
 * Append-only file with a small in-memory buffer. Writes are synchronous on purpose:
 * generation is CPU-bound, and ordered blocking writes keep memory flat and output deterministic.
 */
export class BufferedFile {
  readonly #fd: number;
  #pending: string[] = [];
  #pendingLength = 0;
  #bytes = 0;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.#fd = openSync(path, 'w');
  }

  /** Bytes written so far, including what is still buffered. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Queue text for writing; flushes once about a megabyte has piled up. */
  write(text: string): void {
    this.#pending.push(text);
    this.#pendingLength += text.length;
    if (this.#pendingLength >= FLUSH_AT) this.flush();
  }

  /** Push buffered text to the operating system. */
  flush(): void {
    if (this.#pending.length === 0) return;
    const chunk = Buffer.from(this.#pending.join(''), 'utf8');
    this.#pending = [];
    this.#pendingLength = 0;
    let offset = 0;
    while (offset < chunk.length) offset += writeSync(this.#fd, chunk, offset);
    this.#bytes += chunk.length;
  }

  /** Flush and close; the object must not be used afterwards. */
  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}
