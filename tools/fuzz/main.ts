/**
 * `npm run fuzz [-- RUNS [SEED]]`: the hostile-input properties of the suite, run longer and with any seed.
 * A failure prints fast-check's counterexample and the seed that reproduces it; make it a named regression test.
 */
import { runProperties } from '../../test/hostile/fuzz-properties.js';

const runs = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
process.stderr.write(`fuzz: ${runs} runs per property, seed ${seed}\n`);
const started = Date.now();
runProperties({ numRuns: runs, seed }).then(
  () => process.stderr.write(`fuzz: all properties hold (${Math.round((Date.now() - started) / 1000)} s)\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
