/**
 * B_parse, the baseline: stream-read every file in 1 MiB chunks through the collector's own JSON splitter
 * (`JsonScanner`, which cuts a List into its items) and `JSON.parse` each item, keeping nothing. The plain variant
 * reads each whole file and parses it in one call, which only works because no generated file nears V8's
 * 512 Mi-character string limit; it is printed for reference.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { JsonScanner, type ScannedValue } from '../../../src/collect/json-scanner.js';

/** Wall and CPU milliseconds, and how many values were parsed. */
export interface ParseTiming {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly values: number;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/** Streams each file through the splitter and parses every value and List item; keeps nothing. */
export async function bParseStreaming(files: readonly string[]): Promise<ParseTiming> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let values = 0;
  const parse = (value: ScannedValue): void => {
    if (value.text === undefined) return;
    JSON.parse(value.text);
    values++;
  };
  for (const file of files) {
    const scanner = new JsonScanner(
      { value: parse, item: parse, envelope: parse, error: () => undefined },
      { maxTextBytes: 64 * 1024 * 1024 },
    );
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }))
      scanner.push(chunk as Buffer);
    scanner.end();
  }
  return { wallMs: performance.now() - start, cpuMs: cpuMs(cpu), values };
}

/** Reads each file whole and parses it in one call; keeps nothing. */
export function bParsePlain(files: readonly string[]): ParseTiming {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let values = 0;
  for (const file of files) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { items?: unknown[] };
    values += Array.isArray(parsed.items) ? parsed.items.length : 1;
  }
  return { wallMs: performance.now() - start, cpuMs: cpuMs(cpu), values };
}
