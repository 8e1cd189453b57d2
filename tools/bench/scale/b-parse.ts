/**
 * B_parse, the baseline: stream-read every file in 1 MiB chunks with the collector's own blocking reader
 * (`fileChunks`), through its JSON splitter (`JsonScanner`, which cuts a List into its items), and `JSON.parse`
 * each item, keeping nothing. One thread. (It used `createReadStream`, whose async open, read and close per file
 * made it 8 times slower than a whole-file parse at 77,871 files: a baseline that slow flatters every ratio.)
 * The plain variant reads each whole file and parses it in one call, which only works because no generated file
 * nears V8's 512 Mi-character string limit; it is printed for reference.
 */
import { readFileSync } from 'node:fs';
import { fileChunks } from '../../../src/collect/file-chunks.js';
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
export function bParseStreaming(files: readonly string[]): ParseTiming {
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
    for (const chunk of fileChunks(file)) scanner.push(chunk);
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
