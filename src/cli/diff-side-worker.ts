/** The worker that scans one side of `chokepoint diff` and posts what the diff reads of it (diff-side.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { type SideWorkerData, scannedSide } from './diff-side.js';

const { path, options } = workerData as SideWorkerData;
parentPort?.postMessage(await scannedSide(path, options));
