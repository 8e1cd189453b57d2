import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  corpusManifests,
  neverThrows,
  skippedChangeNothing,
  skippedHaveLocations,
} from './fuzz-properties.js';

// A bounded run with a fixed seed, so the suite is deterministic; `npm run fuzz` runs the same properties longer.
const RUN = { numRuns: 60, seed: 7 };
const manifests = corpusManifests();

test('fuzz: no exception escapes ingest or analysis (random bytes, random objects, corpus mutations)', async () => {
  await fc.assert(neverThrows(manifests), RUN);
});

test('fuzz: every skipped document has a message with its location', async () => {
  await fc.assert(skippedHaveLocations(manifests), RUN);
});

test('fuzz: documents that are skipped leave the findings of everything else exactly unchanged', async () => {
  await fc.assert(skippedChangeNothing(manifests), { ...RUN, numRuns: 30 });
});

test('the corpus generator has input when the shared corpus is present', {
  skip: manifests.length === 0 && 'no shared corpus',
}, () => {
  assert.ok(manifests.length > 10);
});
