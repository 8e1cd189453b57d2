/**
 * Reads many files on two threads: the main thread and one parse worker take file indexes from one shared
 * counter, so each reads as much as its speed allows, and the results come back in input order, identical to
 * reading every file on the main thread. Worth it only for large inputs: the worker costs its start-up and the
 * main thread still parses the JSON text of every result the worker sends.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { STDIN_NAME } from './input-files.js';
import type { Interner } from './interner.js';
import type { ParseWorkerData, ParseWorkerMessage } from './parse-worker.js';
import type { InputResult, ReadOptions } from './read-input.js';
import { type ParsedObject, shareParsed } from './share-parsed.js';

/** Inputs smaller than this are read on the main thread alone; the worker's start-up would cost more. */
export const PARALLEL_BYTES = 64 * 1024 * 1024;

/** The worker's young generation in MiB: V8 sizes it at three semi-spaces, so 32 MiB each (16 MiB by default). */
const YOUNG_GENERATION_MB = 96;

/** True when the worker may read the file: a `.json` file (never read again as YAML, so always JSON text). */
function workerReads(file: string): boolean {
  return file !== STDIN_NAME && extname(file).toLowerCase() === '.json';
}

/** True when the `.json` files among `files` hold at least `minBytes` (and there are two of them to share). */
export function worthParallel(files: readonly string[], minBytes: number): boolean {
  if (!Number.isFinite(minBytes)) return false;
  let bytes = 0;
  let count = 0;
  for (const file of files) {
    if (!workerReads(file)) continue;
    count++;
    try {
      bytes += statSync(file).size;
    } catch {
      // An unreadable file becomes its gap when it is read.
    }
    if (count >= 2 && bytes >= minBytes) return true;
  }
  return false;
}

/** Reads every file, `readHere` on the main thread and the same `readInput` in the worker; results in file order. */
export async function readParallel(
  files: readonly string[],
  options: ReadOptions,
  readHere: (file: string) => Promise<InputResult>,
): Promise<InputResult[]> {
  const { limits, interner } = options;
  const results: (InputResult | undefined)[] = new Array(files.length);
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const data: ParseWorkerData = {
    files,
    eligible: files.map(workerReads),
    limits,
    counter: counter.buffer as SharedArrayBuffer,
    port: port2,
  };
  const worker = new Worker(new URL('./parse-worker.js', import.meta.url), {
    workerData: data,
    transferList: [port2],
    // Everything the worker makes dies young (it is sent on as text), so a larger young generation saves copying
    // survivors: the worker's scavenges took 1.9 s of R150k's collect with V8's default, and collect ran 1.3 s faster.
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  let done = false;
  let settle: () => void = () => undefined;
  const take = (message: ParseWorkerMessage): void => {
    if ('done' in message) {
      done = true;
      settle();
    } else if ('text' in message)
      results[message.index] = received(message.text, files[message.index]!, interner);
  };
  const drain = (): void => {
    for (let got = receiveMessageOnPort(port1); got !== undefined; got = receiveMessageOnPort(port1))
      take(got.message as ParseWorkerMessage);
  };
  // Listened to from the start: the worker can finish, or fail, while the main thread awaits its own reads.
  const finished = new Promise<void>((resolve, reject) => {
    settle = resolve;
    port1.on('message', take);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      // The worker's last messages can still be queued on the port when its exit is seen.
      drain();
      if (!done) reject(new Error(`parse worker exited with code ${code} before it finished`));
    });
  });
  finished.catch(() => undefined); // Awaited below; this only keeps an early failure from being unhandled.
  try {
    for (;;) {
      drain();
      const index = Atomics.add(counter, 0, 1);
      if (index >= files.length) break;
      results[index] = await readHere(files[index]!);
    }
    drain();
    await finished;
  } finally {
    port1.close();
    await worker.terminate();
  }
  // Files the worker handed back (stdin, YAML, results JSON would change) are read here, in order.
  for (let i = 0; i < files.length; i++) results[i] ??= await readHere(files[i]!);
  return results as InputResult[];
}

/**
 * The worker's result as the main thread would have made it: strings shared through the read's interner, and
 * locations given the main thread's copy of the file name and the shared item paths.
 */
function received(text: string, file: string, interner: Interner | undefined): InputResult {
  const result = JSON.parse(text) as InputResult;
  for (const object of result.objects) {
    const parsed = object as unknown as ParsedObject;
    if (interner !== undefined) shareParsed(parsed, interner);
    if (parsed.location !== undefined) parsed.location.file = file;
  }
  return result;
}
