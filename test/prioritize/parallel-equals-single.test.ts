/**
 * The collector on two threads (main thread and parse worker sharing the files) and on the main thread alone
 * give the same snapshot and byte-identical JSON reports on a generated cluster.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectFiles } from '../../src/collect/collect-files.js';
import type { Snapshot } from '../../src/collect/snapshot.js';
import { analyze } from '../../src/prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { buildReport } from '../../src/report/build-report.js';
import { REPORTERS } from '../../src/report/formats.js';
import { withGenerated } from './generated.js';

test('R1k: the parse worker and the main thread alone give identical snapshots and JSON reports', async () => {
  await withGenerated({ size: 'R1k', seed: 1 }, async (dir, loaded) => {
    const single = await collectFiles([dir], { parallelBytes: Number.POSITIVE_INFINITY });
    const parallel = await collectFiles([dir], { parallelBytes: 0 });
    assert.equal(parallel.objects.length, loaded.snapshot.objects.length);
    assert.deepEqual(parallel, single);
    const report = (s: Snapshot) =>
      REPORTERS.json(
        buildReport(analyze({ ...s, kubeVersion: loaded.kubeVersion }, DEFAULT_CONFIG, loaded.builtIn), {
          version: 'test',
        }),
        { color: false, width: 100 },
      );
    assert.equal(report(parallel), report(single));
  });
});
