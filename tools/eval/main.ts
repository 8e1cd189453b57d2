#!/usr/bin/env node
/** `npm run eval -- <dir> [--seed N] [--misses]`: scores chokepoint against a corpus of expected findings. */
import { evaluateCorpus } from './evaluate.js';
import { formatEvaluation } from './summary.js';

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--seed');
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 4;
if (dir === undefined || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run eval -- <corpus dir> [--seed N] [--misses]\n');
  process.exit(2);
}
try {
  const evaluation = await evaluateCorpus(dir);
  process.stdout.write(formatEvaluation(evaluation, { seed, misses: args.includes('--misses') }));
} catch (error) {
  process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
