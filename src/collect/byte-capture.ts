/** Collects the bytes of one value while they stream past, across chunk boundaries. */

/** Collects the bytes of one value across chunks, pausing over split-out items; drops them past `max`. */
export class Capture {
  private parts: Buffer[] = [];
  private bytes = 0;
  private from = -1;
  overflow = false;
  active = false;

  constructor(
    private readonly max: number,
    private readonly enabled: boolean,
  ) {}

  begin(at: number): void {
    this.parts = [];
    this.bytes = 0;
    this.overflow = false;
    this.active = true;
    this.from = at;
  }

  pause(chunk: Buffer, at: number): void {
    this.take(chunk, at);
    this.from = -1;
  }

  resume(at: number): void {
    this.from = at;
  }

  endOfChunk(chunk: Buffer): void {
    if (!this.active || this.from < 0) return;
    this.take(chunk, chunk.length);
    this.from = 0;
  }

  finish(chunk: Buffer | undefined, at: number): string | undefined {
    if (chunk !== undefined) this.take(chunk, at);
    this.active = false;
    this.from = -1;
    if (!this.enabled || this.overflow) return undefined;
    const parts = this.parts;
    this.parts = [];
    return parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8');
  }

  private take(chunk: Buffer, to: number): void {
    if (!this.enabled || this.from < 0 || this.overflow || to <= this.from) return;
    this.bytes += to - this.from;
    if (this.bytes > this.max) {
      this.overflow = true;
      this.parts = [];
    } else this.parts.push(chunk.subarray(this.from, to));
  }
}
