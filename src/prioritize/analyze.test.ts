/**
 * The analysis lets go of what the techniques derived from the model before it plans, and a model asked again
 * after that gives the same answers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadInput } from '../cli/load.js';
import { findFacts } from '../techniques/facts.js';
import { TECHNIQUES } from '../techniques/index.js';
import { analyze } from './analyze.js';
import { DEFAULT_CONFIG } from './config.js';

test('the model reaches the plan without its derived values, and they rebuild the same edges and facts', async () => {
  const loaded = await loadInput(['examples/shop'], undefined);
  const analysis = analyze(loaded.snapshot, DEFAULT_CONFIG, loaded.builtIn);
  assert.equal(analysis.model.memo.size, 0);
  assert.ok(analysis.run.edges.length > 0 && analysis.facts.length > 0);
  const again = TECHNIQUES.flatMap((technique) => technique.find(analysis.model));
  assert.ok(analysis.model.memo.size > 0, 'the techniques derive values again');
  assert.deepEqual(again, analysis.run.edges);
  assert.deepEqual(findFacts(analysis.model), analysis.facts);
});
