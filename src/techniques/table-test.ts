/**
 * The table-test harness every technique test uses: build a model from plain manifests, run one technique,
 * and compare the exact non-structural edges and fixes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel, type ModelOptions } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import type { Technique } from './types.js';

/** One row: manifests in, exact edges (`from -> to`) and optionally exact fixes (`remediation@target`) out. */
export interface TableCase {
  readonly name: string;
  readonly objects: readonly unknown[];
  readonly edges: readonly string[];
  readonly fixes?: readonly string[];
  readonly options?: ModelOptions;
}

/** Registers one node:test per case. A near miss is a case whose `edges` is empty. */
export function runTable(technique: Technique, cases: readonly TableCase[]): void {
  for (const row of cases) {
    test(`${technique.meta.id}: ${row.name}`, () => {
      const model = buildModel(snapshotOf([...row.objects]), row.options);
      const edges = technique.find(model).filter((edge) => !edge.structural);
      for (const edge of edges)
        assert.equal(edge.technique, technique.meta.id, 'edge carries its technique id');
      assert.deepEqual(edges.map((edge) => `${edge.from} -> ${edge.to}`).sort(), [...row.edges].sort());
      if (row.fixes !== undefined) {
        const fixes = new Set(
          edges.flatMap((edge) => edge.fixes.map((fix) => `${fix.remediation}@${fix.target}`)),
        );
        assert.deepEqual([...fixes].sort(), [...row.fixes].sort());
      }
      for (const edge of edges) {
        assert.ok(edge.evidence.length > 0, `${edge.from} -> ${edge.to} has evidence`);
        for (const fix of edge.fixes) assert.ok(technique.meta.remediations.includes(fix.remediation));
      }
    });
  }
}
