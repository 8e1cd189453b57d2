/**
 * The parse worker: takes the next file index from a counter it shares with the main thread, reads the file with
 * the same `readInput` the main thread runs, and posts the result as JSON text (one `JSON.parse` on the main
 * thread costs a quarter of reading the file, where a structured clone of the slim objects costs more than the
 * read itself). Results that JSON would change (a number too large for a double, `-0`) go back to the main thread.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { fileSource } from './file-chunks.js';
import type { Limits } from './limits.js';
import { readInput } from './read-input.js';

/** What the main thread hands the worker. */
export interface ParseWorkerData {
  readonly files: readonly string[];
  /** Which files the worker may read (the others go back to the main thread). */
  readonly eligible: readonly boolean[];
  readonly limits: Limits;
  /** One Int32: the next file index to take, shared with the main thread. */
  readonly counter: SharedArrayBuffer;
  readonly port: MessagePort;
}

/** One message from the worker: a file's result as JSON text, a file handed back, or the end. */
export type ParseWorkerMessage =
  | { readonly index: number; readonly text: string }
  | { readonly index: number; readonly back: true }
  | { readonly done: true };

/** True when `JSON.parse(JSON.stringify(value))` gives back an equal value. */
export function jsonSafe(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || value === null) return typeof value !== 'undefined';
  if (Array.isArray(value)) {
    for (const item of value) if (!jsonSafe(item)) return false;
    return true;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) if (!jsonSafe(object[key])) return false;
  return true;
}

async function run(data: ParseWorkerData): Promise<void> {
  const counter = new Int32Array(data.counter);
  for (;;) {
    const index = Atomics.add(counter, 0, 1);
    const file = data.files[index];
    if (file === undefined) break;
    if (data.eligible[index] !== true) {
      data.port.postMessage({ index, back: true } satisfies ParseWorkerMessage);
      continue;
    }
    const result = await readInput(file, fileSource(file), { limits: data.limits });
    const message: ParseWorkerMessage = jsonSafe(result)
      ? { index, text: JSON.stringify(result) }
      : { index, back: true };
    data.port.postMessage(message);
  }
  data.port.postMessage({ done: true } satisfies ParseWorkerMessage);
  data.port.close();
}

if (workerData !== null && typeof workerData === 'object' && 'counter' in workerData)
  await run(workerData as ParseWorkerData);
